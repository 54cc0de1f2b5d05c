/**
 * What an administrator does to other accounts: disable or enable, change role or name, reset
 * the password. A reset gives a one-time password, shown once to the administrator to hand over
 * in person; the person must choose their own at the next sign-in. Every change ends the
 * account's sessions at their next call (their stamp no longer matches, `sessions.ts`) here at
 * once and, through the hub, on the commune's other PCs at their next pull.
 */
import { randomInt } from 'node:crypto';
import type { SessionUser } from '../../../shared/api/accounts';
import { AppError } from '../../../shared/api/errors';
import type { Role } from '../../../shared/dossier/roles';
import { countActiveUsersWithRole, getUserById, setUserPasswordHash, updateUserProfile, type StoredUser } from '../../store/repos/users';
import { queueAccountChange } from './account-changes';
import type { AccountsDeps } from './accounts';
import { hashPassword } from './password';

export interface AccountUpdate {
  readonly id: string;
  readonly role?: Role | undefined;
  readonly active?: boolean | undefined;
  readonly displayName?: string | undefined;
}

function target(deps: AccountsDeps, admin: SessionUser, id: string): StoredUser {
  if (id === admin.id) throw new AppError('auth.not-yourself');
  const user = deps.store.read((db) => getUserById(db, id));
  if (!user) throw new AppError('auth.account-unknown');
  return user;
}

export function updateAccount(deps: AccountsDeps, admin: SessionUser, change: AccountUpdate): StoredUser {
  const user = target(deps, admin, change.id);
  const next = { displayName: change.displayName ?? user.displayName, role: change.role ?? user.role, active: change.active ?? user.active };
  const losesAdmin = user.role === 'admin' && user.active && (next.role !== 'admin' || !next.active);
  const now = deps.clock.now().toISOString();
  deps.store.write((db) => {
    // Checked inside the write so two administrators cannot each remove the other.
    if (losesAdmin && countActiveUsersWithRole(db, 'admin') <= 1) throw new AppError('auth.last-admin');
    updateUserProfile(db, user.id, next, now);
    queueAccountChange(db, user.id, now);
  });
  return reread(deps, user.id);
}

export async function resetPassword(deps: AccountsDeps, admin: SessionUser, id: string): Promise<{ account: StoredUser; temporaryPassword: string }> {
  const user = target(deps, admin, id);
  const temporaryPassword = newTemporaryPassword();
  const hash = await hashPassword(temporaryPassword);
  const now = deps.clock.now().toISOString();
  deps.store.write((db) => {
    setUserPasswordHash(db, user.id, hash, now, true);
    queueAccountChange(db, user.id, now);
  });
  return { account: reread(deps, user.id), temporaryPassword };
}

function reread(deps: AccountsDeps, id: string): StoredUser {
  const user = deps.store.read((db) => getUserById(db, id));
  if (!user) throw new AppError('internal');
  return user;
}

/** Twelve characters without look-alikes (0/O, 1/l/I), easy to read out and type once. */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';
function newTemporaryPassword(): string {
  return Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
