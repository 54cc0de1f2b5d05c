/**
 * Local accounts: sign in, lock and unlock, change password, and the administrator's list and
 * create. Five wrong passwords lock an account for 15 minutes, counted in the database so a
 * restart does not reset them. Lifecycle changes (create, update, reset, a new password) are
 * queued for the hub as `account.upserted`, so they reach every PC of the commune
 * (`account-changes.ts`).
 */
import type { SessionUser } from '../../../shared/api/accounts';
import { formatVietnameseDateTime, localDateTimeFromEpochMs } from '../../../shared/deadline';
import { AppError } from '../../../shared/api/errors';
import type { Role } from '../../../shared/dossier/roles';
import { uuidv7 } from '../../../shared/id/uuidv7';
import type { Store } from '../../store/db';
import {
  findUserByUsername,
  getUserById,
  insertUser,
  listUsers,
  recordFailedLogin,
  resetFailedLogins,
  setUserPasswordHash,
  type StoredUser,
} from '../../store/repos/users';
import type { Clock } from '../clock';
import { queueAccountChange } from './account-changes';
import { hashPassword, verifyPassword } from './password';
import { accountStamp, type SessionRegistry } from './sessions';

export const maxFailedLogins = 5;
export const lockoutMs = 15 * 60_000;
export const minPasswordLength = 8;

export interface AccountsDeps {
  readonly store: Store;
  readonly sessions: SessionRegistry;
  readonly clock: Clock;
}

export function toSessionUser(user: StoredUser): SessionUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

/** Refuses an account whose lockout has not ended yet (sign-in and unlock alike). */
function refuseIfLocked(user: StoredUser | undefined, now: Date): void {
  if (user?.lockedUntil && user.lockedUntil > now.toISOString()) {
    throw new AppError('auth.account-locked', { until: formatVietnameseDateTime(localDateTimeFromEpochMs(Date.parse(user.lockedUntil))) });
  }
}

/** Counts a wrong password (sign-in or unlock); the fifth in a row locks the account for `lockoutMs`. */
function countFailure(store: Store, user: StoredUser, now: Date): void {
  const lock = user.failedLogins + 1 >= maxFailedLogins ? new Date(now.getTime() + lockoutMs).toISOString() : null;
  store.write((db) => recordFailedLogin(db, user.id, lock, now.toISOString()));
}

export async function login(deps: AccountsDeps, username: string, password: string): Promise<{ token: string; user: SessionUser; mustChangePassword: boolean }> {
  const { store, clock, sessions } = deps;
  const user = store.read((db) => findUserByUsername(db, username));
  const now = clock.now();
  refuseIfLocked(user, now);
  // A missing account costs the same scrypt work as a wrong password: no user-name probing.
  const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash);
  if (!user || !user.active || !ok) {
    if (user) countFailure(store, user, now);
    throw new AppError('auth.bad-credentials');
  }
  store.write((db) => resetFailedLogins(db, user.id, now.toISOString()));
  const sessionUser = toSessionUser(user);
  return { token: sessions.open(sessionUser, accountStamp(user), user.mustChangePassword), user: sessionUser, mustChangePassword: user.mustChangePassword };
}

/**
 * Unlocks an idle-locked session with the same account's password. A wrong password counts
 * toward the same lockout as sign-in (five in a row lock the account for 15 minutes), and a
 * locked account cannot unlock, even with the right password, until the lockout ends.
 */
export async function unlock(deps: AccountsDeps, token: string, user: SessionUser, password: string): Promise<SessionUser> {
  const now = deps.clock.now();
  const stored = deps.store.read((db) => getUserById(db, user.id));
  refuseIfLocked(stored, now);
  if (!stored?.active || !(await verifyPassword(password, stored.passwordHash))) {
    if (stored) countFailure(deps.store, stored, now);
    throw new AppError('auth.bad-credentials');
  }
  deps.store.write((db) => resetFailedLogins(db, stored.id, now.toISOString()));
  deps.sessions.unlock(token);
  return user;
}

export async function changePassword(deps: AccountsDeps, token: string | undefined, user: SessionUser, current: string, next: string): Promise<void> {
  const stored = deps.store.read((db) => getUserById(db, user.id));
  if (!stored || !(await verifyPassword(current, stored.passwordHash))) throw new AppError('auth.bad-credentials');
  await setOwnPassword(deps, token, stored, next);
}

/** The first sign-in with a setup code, or after a reset: the person now picks their own password. */
export async function choosePassword(deps: AccountsDeps, token: string | undefined, user: SessionUser, next: string): Promise<void> {
  const stored = deps.store.read((db) => getUserById(db, user.id));
  if (!stored) throw new AppError('auth.session-ended');
  if (await verifyPassword(next, stored.passwordHash)) throw new AppError('auth.weak-password', { min: minPasswordLength });
  await setOwnPassword(deps, token, stored, next);
}

async function setOwnPassword(deps: AccountsDeps, token: string | undefined, stored: StoredUser, next: string): Promise<void> {
  checkPasswordStrength(stored.username, next);
  const hash = await hashPassword(next);
  const now = deps.clock.now().toISOString();
  deps.store.write((db) => {
    setUserPasswordHash(db, stored.id, hash, now);
    queueAccountChange(db, stored.id, now);
  });
  deps.sessions.closeAllOf(stored.id, token);
  if (token !== undefined) deps.sessions.renew(token, accountStamp({ ...stored, passwordHash: hash }));
}

export async function createAccount(
  deps: AccountsDeps,
  input: { username: string; displayName: string; role: Role; password: string },
): Promise<StoredUser> {
  checkPasswordStrength(input.username, input.password);
  if (deps.store.read((db) => findUserByUsername(db, input.username))) throw new AppError('auth.username-taken', { username: input.username });
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const id = uuidv7(now.getTime());
  deps.store.write((db) => {
    insertUser(db, { id, username: input.username, displayName: input.displayName, role: input.role, passwordHash, createdAt: now.toISOString() });
    queueAccountChange(db, id, now.toISOString());
  });
  const created = deps.store.read((db) => getUserById(db, id));
  if (!created) throw new AppError('internal');
  return created;
}

export function accountList(deps: AccountsDeps): StoredUser[] {
  return deps.store.read(listUsers);
}

function checkPasswordStrength(username: string, password: string): void {
  if (password.length < minPasswordLength || password.toLowerCase() === username.toLowerCase()) {
    throw new AppError('auth.weak-password', { min: minPasswordLength });
  }
}

/** A valid hash of a random secret, so that unknown user names take as long as known ones. */
const dummyHash = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
