import { uuidv7 } from '../../../shared/id/uuidv7';
import type { Store } from '../../store/db';
import { insertUser, listUsers } from '../../store/repos/users';
import type { Clock } from '../clock';
import { hashPassword } from './password';
import type { SessionRegistry } from './sessions';

/**
 * Password of the demo accounts. They exist only in the training sandbox (issue 12): a
 * production folder never gets them, and folders of earlier versions have them retired.
 */
export const demoPassword = 'motcua-demo';

/** Accounts of the demo commune, one per role a newcomer wants to try. Fictitious people. */
export const demoAccounts = [
  { username: 'quantri', displayName: 'Quản trị Demo', role: 'admin' },
  { username: 'canbo', displayName: 'Nguyễn Thị Thử', role: 'clerk' },
  { username: 'tuphap', displayName: 'Trần Văn Mẫu', role: 'specialist' },
  { username: 'tinhnguyen', displayName: 'Lê Minh Tình', role: 'volunteer' },
  { username: 'lanhdao', displayName: 'Phạm Quốc Lãnh', role: 'leader' },
] as const;

/** In a sandbox with no accounts at all, creates the demo accounts (local only: a sandbox never syncs). */
export async function ensureDemoAccounts(deps: { store: Store; clock: Clock; sessions: SessionRegistry }): Promise<void> {
  if (deps.store.read(listUsers).length > 0) return;
  const hash = await hashPassword(demoPassword);
  const now = deps.clock.now();
  deps.store.write((db) => {
    for (const [i, a] of demoAccounts.entries()) insertUser(db, { ...a, id: uuidv7(now.getTime() + i), passwordHash: hash, createdAt: now.toISOString() });
  });
}
