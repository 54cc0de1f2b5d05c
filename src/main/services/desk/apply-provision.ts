/**
 * Applies a checked provisioning package to the root data folder: the commune's database is
 * built under a temporary name (commune, dossier-code slot and blocks, seed catalogue, the first
 * administrator from the setup code, the pending enrolment) and renamed into place only when
 * complete, so a failure or a power cut leaves no half-provisioned folder. Nothing here needs
 * the hub: enrolment finishes by itself in the sync scheduler when the hub answers.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Commune } from '../../../shared/api/app';
import type { ProvisionPayload } from '../../../shared/provisioning/package';
import { openStore } from '../../store/db';
import { putSetting } from '../../store/repos/settings';
import { putSyncProvision } from '../../store/repos/sync-provision';
import { insertUserToChangePassword } from '../../store/repos/users';
import { hashPassword } from '../accounts/password';
import { ensureSeedCatalogue } from '../catalogue/seed-catalogue';
import { communeSettingKey } from '../settings/commune';
import { saveSequenceSettings } from '../settings/sequence-blocks';
import { databaseFileName } from './folders';
import { renameSync } from 'node:fs';

/** What the CLI prints and the first-run screen shows after applying. */
export interface AppliedProvision {
  readonly commune: Commune;
  readonly slot: number;
  readonly blocks: ProvisionPayload['sequenceBlocks'];
  readonly hubUrl: string;
  readonly firstAdmin: string;
  readonly kind: ProvisionPayload['kind'];
}

export async function applyProvision(root: string, p: ProvisionPayload, now: Date): Promise<AppliedProvision> {
  const target = join(root, databaseFileName);
  const building = `${target}.provisioning`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  const setupHash = await hashPassword(p.firstAdmin.setupCode);
  const at = now.toISOString();
  const commune: Commune = { agencyCode: p.commune.agencyCode, name: p.commune.name.normalize('NFC'), province: p.commune.province.normalize('NFC'), demo: false };
  const store = openStore(building);
  try {
    store.write((db) => {
      putSetting(db, communeSettingKey, commune, at);
      insertUserToChangePassword(db, { id: p.firstAdmin.id, username: p.firstAdmin.username, displayName: p.firstAdmin.displayName, role: 'admin', passwordHash: setupHash, createdAt: at });
      putSyncProvision(
        db,
        {
          packageId: p.id,
          kind: p.kind,
          hubUrl: p.hub.url.replace(/\/+$/u, ''),
          hubPublicKey: p.hub.publicKey,
          communeId: p.commune.id,
          slot: p.slot,
          appliedAt: at,
          firstAdminId: p.firstAdmin.id,
          state: 'pending',
          enrolCode: p.enrolCode,
          keys: null,
          lastError: null,
        },
        at,
      );
    });
    saveSequenceSettings(store, { slot: p.slot, blocks: p.sequenceBlocks }, now);
    ensureSeedCatalogue(store, now);
  } catch (error) {
    store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
    throw error;
  }
  store.close();
  if (existsSync(target)) throw new Error('a database appeared while provisioning');
  renameSync(building, target);
  return { commune, slot: p.slot, blocks: p.sequenceBlocks, hubUrl: p.hub.url, firstAdmin: p.firstAdmin.username, kind: p.kind };
}
