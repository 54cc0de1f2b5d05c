/**
 * Provisioning packages (issue 12):
 * - `hub_identity`: the hub's own Ed25519 key pair, one row, made by the first hub process that
 *   starts on this database and read by every other one, so all nodes sign with the same key;
 * - communes get their agency e-ID and province (a package cannot be issued without them) and
 *   the first administrator recorded when their first package was issued (a replacement package
 *   reuses it); an agency code belongs to one commune only;
 * - `provision_packages`: every package issued, with the hash of its enrolment code (never the
 *   code, never the setup code), its slot, kind and, for a replacement, the cut-over day and spare
 *   block (src/shared/dossier/sequence-plan.ts), and when it was used, by which device, or withdrawn;
 *   two replacements of one commune never share a spare block of a day;
 * - enrolment codes may belong to a package; devices record their slot and package;
 * - accounts carry whether the person must choose a new password at the next sign-in.
 */
export const m0040Provisioning = {
  version: 40,
  name: 'provisioning',
  sql: `
  CREATE TABLE hub_identity (
    id           SMALLINT PRIMARY KEY CHECK (id = 1),
    public_key   TEXT NOT NULL,
    private_key  TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
  );

  ALTER TABLE communes ADD COLUMN agency_code TEXT;
  ALTER TABLE communes ADD COLUMN province TEXT;
  ALTER TABLE communes ADD COLUMN first_admin_id TEXT;
  ALTER TABLE communes ADD COLUMN first_admin_username TEXT;
  CREATE UNIQUE INDEX communes_agency_code ON communes (agency_code) WHERE agency_code IS NOT NULL;

  CREATE TABLE provision_packages (
    id                  TEXT PRIMARY KEY,
    commune_id          TEXT NOT NULL REFERENCES communes (id),
    slot                SMALLINT NOT NULL CHECK (slot BETWEEN 0 AND 9),
    kind                TEXT NOT NULL CHECK (kind IN ('new', 'replacement')),
    enrol_code_hash     TEXT NOT NULL UNIQUE,
    cutover_day         TEXT,
    spare_index         SMALLINT,
    issued_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at          TIMESTAMPTZ NOT NULL,
    used_at             TIMESTAMPTZ,
    device_id           TEXT REFERENCES devices (id),
    withdrawn_at        TIMESTAMPTZ,
    replaces_device_id  TEXT REFERENCES devices (id),
    CHECK ((kind = 'replacement') = (cutover_day IS NOT NULL AND spare_index IS NOT NULL))
  );
  CREATE INDEX provision_packages_slot ON provision_packages (commune_id, slot);
  CREATE UNIQUE INDEX provision_packages_spare ON provision_packages (commune_id, cutover_day, spare_index) WHERE cutover_day IS NOT NULL;

  ALTER TABLE enrol_codes ADD COLUMN package_id TEXT REFERENCES provision_packages (id);
  ALTER TABLE devices ADD COLUMN slot SMALLINT;
  ALTER TABLE devices ADD COLUMN package_id TEXT REFERENCES provision_packages (id);
  CREATE INDEX devices_commune_slot ON devices (commune_id, slot) WHERE NOT revoked;

  ALTER TABLE accounts ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT false;
  `,
};
