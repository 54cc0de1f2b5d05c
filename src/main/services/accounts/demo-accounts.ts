import type { Store } from '../../store/db';
import { listUsers } from '../../store/repos/users';
import type { Clock } from '../clock';
import { createAccount } from './accounts';
import type { SessionRegistry } from './sessions';

/** Password of the demo accounts; the login screen shows it while the demo commune is in use. */
export const demoPassword = 'motcua-demo';

/** Accounts of the demo commune, one per role a newcomer wants to try. Fictitious people. */
export const demoAccounts = [
  { username: 'quantri', displayName: 'Quản trị Demo', role: 'admin' },
  { username: 'canbo', displayName: 'Nguyễn Thị Thử', role: 'clerk' },
  { username: 'tuphap', displayName: 'Trần Văn Mẫu', role: 'specialist' },
  { username: 'tinhnguyen', displayName: 'Lê Minh Tình', role: 'volunteer' },
  { username: 'lanhdao', displayName: 'Phạm Quốc Lãnh', role: 'leader' },
] as const;

/** On a first run with no accounts at all, creates the demo accounts; never touches existing ones. */
export async function ensureDemoAccounts(deps: { store: Store; clock: Clock; sessions: SessionRegistry }): Promise<void> {
  if (deps.store.read(listUsers).length > 0) return;
  for (const account of demoAccounts) await createAccount(deps, { ...account, password: demoPassword });
}
