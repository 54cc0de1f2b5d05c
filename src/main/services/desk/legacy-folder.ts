/**
 * Folders made before provisioning existed (issue 12) had one database with the demo commune and
 * the five demo accounts sharing a published password. On the first start of this version:
 * - a folder enrolled with a hub is the commune's real data: every account the demo password
 *   opens is disabled and its hash replaced, so `motcua-demo` signs in nowhere; the commune loses
 *   its demo mark;
 * - a folder never enrolled becomes the training sandbox, moved whole (database, pages, slips,
 *   backups, exports) into `training/`: nothing a clerk received is lost, and it is marked
 *   training from now on.
 * It runs once: `desk.json` records the outcome.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../store/db';
import { getSetting, putSetting } from '../../store/repos/settings';
import { getSyncEnrolment } from '../../store/repos/sync-enrolment';
import { getSyncProvision } from '../../store/repos/sync-provision';
import { listUsers, setUserPasswordHash, updateUserProfile } from '../../store/repos/users';
import { Commune } from '../../../shared/api/app';
import { demoPassword } from '../accounts/demo-accounts';
import { verifyPassword } from '../accounts/password';
import { communeSettingKey } from '../settings/commune';
import { databaseFileName, folderOf, readActiveProfile, writeActiveProfile, type Profile } from './folders';

/** A hash no password matches: the account stays for the history that names it. */
const retiredHash = 'retired$demo-account';

const movedEntries = [databaseFileName, `${databaseFileName}-wal`, `${databaseFileName}-shm`, 'pages', 'slips', 'backups', 'exports'];

export type LegacyOutcome = 'none' | 'became-training' | 'demo-accounts-retired';

export async function migrateLegacyFolder(root: string, now: Date): Promise<LegacyOutcome> {
  if (readActiveProfile(root) !== undefined || !existsSync(join(root, databaseFileName))) return 'none';
  const store = openStore(join(root, databaseFileName));
  let outcome: LegacyOutcome;
  let profile: Profile;
  try {
    const commune = Commune.safeParse(store.read((db) => getSetting(db, communeSettingKey)));
    const enrolled = store.read(getSyncEnrolment) !== undefined || store.read(getSyncProvision) !== undefined;
    if (enrolled) {
      const at = now.toISOString();
      const users = store.read(listUsers).filter((u) => u.active);
      const demo: typeof users = [];
      for (const u of users) if (await verifyPassword(demoPassword, u.passwordHash)) demo.push(u);
      store.write((db) => {
        for (const u of demo) {
          updateUserProfile(db, u.id, { displayName: u.displayName, role: u.role, active: false }, at);
          setUserPasswordHash(db, u.id, retiredHash, at);
        }
        if (commune.success && commune.data.demo) putSetting(db, communeSettingKey, { ...commune.data, demo: false }, at);
      });
      outcome = 'demo-accounts-retired';
      profile = 'production';
    } else {
      outcome = commune.success && !commune.data.demo ? 'none' : 'became-training';
      profile = outcome === 'became-training' ? 'training' : 'production';
    }
  } finally {
    store.close();
  }
  if (profile === 'training') {
    const training = folderOf(root, 'training');
    mkdirSync(training, { recursive: true, mode: 0o700 });
    for (const entry of movedEntries) if (existsSync(join(root, entry))) renameSync(join(root, entry), join(training, entry));
  }
  writeActiveProfile(root, profile);
  return outcome;
}
