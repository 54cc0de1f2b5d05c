import { catalogueSchema, CATALOGUE_FORMAT, type Catalogue, type CatalogueInput } from './catalogue';
import { copyAttestation, signatureAttestation } from './seed/attestation';
import { birthRegistration, birthReRegistration } from './seed/birth';
import { deathRegistration } from './seed/death';
import { civilStatusExtractCopy } from './seed/extracts';
import { birthGroupElectronic, birthGroupPaper, deathGroupElectronic } from './seed/groups';
import { maritalStatusCertificate, marriageRegistration } from './seed/marriage';

/*
 * The catalogue a fresh install starts with, before the hub sends its own: the commune
 * civil-status and attestation procedures of domain-vn §3 and the liên thông groups of §4.
 * Unconfirmed facts carry caveats; the hub's catalogue is authoritative and replaces this.
 */

/** The seed as written, for tests and for the hub's first publication. */
export const seedCatalogueInput: CatalogueInput = {
  format: CATALOGUE_FORMAT,
  procedures: [
    birthRegistration,
    birthReRegistration,
    deathRegistration,
    marriageRegistration,
    maritalStatusCertificate,
    civilStatusExtractCopy,
    copyAttestation,
    signatureAttestation,
  ],
  groups: [birthGroupPaper, birthGroupElectronic, deathGroupElectronic],
};

/** The seed parsed through the same schema as a hub catalogue; throws only if the seed is broken (a test guards it). */
export function loadSeedCatalogue(): Catalogue {
  return catalogueSchema.parse(seedCatalogueInput);
}
