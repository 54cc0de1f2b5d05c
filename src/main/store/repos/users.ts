/**
 * Local accounts (tài khoản). Usernames are unique without regard to ASCII case. The hash is
 * opaque here (scrypt or argon2, chosen by the accounts service); the lockout counters live in
 * the row so that a restart does not reset them.
 */
import type { ReadDb, WriteDb } from '../db';
import { bit, prepared } from '../statements';

export type UserRole = 'clerk' | 'specialist' | 'volunteer' | 'leader' | 'admin';

export interface NewUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly passwordHash: string;
  readonly createdAt: string;
}

export interface StoredUser extends NewUser {
  readonly active: boolean;
  /** Signed in with a setup code or a reset password: must choose a new one before working. */
  readonly mustChangePassword: boolean;
  readonly failedLogins: number;
  readonly lockedUntil: string | null;
  readonly updatedAt: string;
}

export interface UserRow {
  readonly id: string;
  readonly username: string;
  readonly display_name: string;
  readonly role: UserRole;
  readonly password_hash: string;
  readonly active: 0 | 1;
  readonly must_change_password: 0 | 1;
  readonly failed_logins: number;
  readonly locked_until: string | null;
  readonly created_at: string;
  readonly updated_at: string;
}

function fromRow(r: UserRow): StoredUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    passwordHash: r.password_hash,
    active: r.active === 1,
    mustChangePassword: r.must_change_password === 1,
    failedLogins: r.failed_logins,
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Creates an active account; a username taken in any case fails the transaction. */
export function insertUser(db: WriteDb, user: NewUser): void {
  prepared(
    db,
    `INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at)
     VALUES (@id, @username, @display_name, @role, @password_hash, @created_at, @created_at)`,
  ).run({ id: user.id, username: user.username, display_name: user.displayName.normalize('NFC'), role: user.role, password_hash: user.passwordHash, created_at: user.createdAt });
}

export function getUserById(db: ReadDb, id: string): StoredUser | undefined {
  const row = prepared(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** The account for a login name, whatever its ASCII case. */
export function findUserByUsername(db: ReadDb, username: string): StoredUser | undefined {
  const row = prepared(db, 'SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** Every account, by username. */
export function listUsers(db: ReadDb): StoredUser[] {
  return (prepared(db, 'SELECT * FROM users ORDER BY username').all() as UserRow[]).map(fromRow);
}

/** Changes name, role or active flag; false if no such user. */
export function updateUserProfile(db: WriteDb, id: string, profile: Pick<StoredUser, 'displayName' | 'role' | 'active'>, updatedAt: string): boolean {
  return (
    prepared(db, 'UPDATE users SET display_name = ?, role = ?, active = ?, updated_at = ? WHERE id = ?').run(
      profile.displayName.normalize('NFC'),
      profile.role,
      bit(profile.active),
      updatedAt,
      id,
    ).changes > 0
  );
}

/**
 * Replaces the password hash and clears any lockout; `mustChange` marks a password someone else
 * chose (a reset), false when the person chose it.
 */
export function setUserPasswordHash(db: WriteDb, id: string, passwordHash: string, updatedAt: string, mustChange = false): boolean {
  return (
    prepared(db, 'UPDATE users SET password_hash = ?, must_change_password = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(
      passwordHash,
      bit(mustChange),
      updatedAt,
      id,
    ).changes > 0
  );
}

/** Creates an account whose password was set for the person (the provisioning's first administrator). */
export function insertUserToChangePassword(db: WriteDb, user: NewUser): void {
  insertUser(db, user);
  prepared(db, 'UPDATE users SET must_change_password = 1 WHERE id = ?').run(user.id);
}

/** Counts accounts of a role that can sign in (the last active administrator is protected). */
export function countActiveUsersWithRole(db: ReadDb, role: UserRole): number {
  return (prepared(db, 'SELECT count(*) AS n FROM users WHERE role = ? AND active = 1').get(role) as { n: number }).n;
}

/** Counts a failed login and, when the service decides so, locks the account until `lockedUntil`. */
export function recordFailedLogin(db: WriteDb, id: string, lockedUntil: string | null, updatedAt: string): void {
  prepared(db, 'UPDATE users SET failed_logins = failed_logins + 1, locked_until = coalesce(?, locked_until), updated_at = ? WHERE id = ?').run(
    lockedUntil,
    updatedAt,
    id,
  );
}

/** After a successful login: the count starts again. */
export function resetFailedLogins(db: WriteDb, id: string, updatedAt: string): void {
  prepared(db, 'UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ? AND (failed_logins > 0 OR locked_until IS NOT NULL)').run(
    updatedAt,
    id,
  );
}

/**
 * Writes a staff account as the hub publishes it (sync pull): creates it, or replaces name, role,
 * active flag and password hash, keeping this PC's lockout counters. The caller checks first that
 * the username is not held by another local account (`findUserByUsername`).
 */
export function putUserFromHub(
  db: WriteDb,
  user: Omit<NewUser, 'createdAt'> & { readonly active: boolean; readonly mustChangePassword?: boolean },
  now: string,
): void {
  prepared(
    db,
    `INSERT INTO users (id, username, display_name, role, password_hash, active, must_change_password, created_at, updated_at)
     VALUES (@id, @username, @display_name, @role, @password_hash, @active, @must_change, @now, @now)
     ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name, role = excluded.role,
       password_hash = excluded.password_hash, active = excluded.active, must_change_password = excluded.must_change_password,
       updated_at = excluded.updated_at`,
  ).run({
    id: user.id,
    username: user.username,
    display_name: user.displayName.normalize('NFC'),
    role: user.role,
    password_hash: user.passwordHash,
    active: bit(user.active),
    must_change: bit(user.mustChangePassword ?? false),
    now,
  });
}
