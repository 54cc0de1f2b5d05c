import { describe, expect, it } from 'vitest';
import { at, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { findUserByUsername, getUserById, insertUser, listUsers, recordFailedLogin, resetFailedLogins, setUserPasswordHash, updateUserProfile } from './users';

const tempDir = useTempDirs();
const admin = { id: 'u-admin', username: 'admin', displayName: 'Quản trị', role: 'admin' as const, passwordHash: 'scrypt$1', createdAt: at() };

describe('users', () => {
  it('finds a login name whatever its case, and refuses the same name in another case', () => {
    const store = openTestStore(tempDir());
    store.write((db) => insertUser(db, admin));
    expect(store.read((db) => findUserByUsername(db, 'ADMIN'))).toMatchObject({ id: 'u-admin', active: true, failedLogins: 0, lockedUntil: null });
    expect(() => store.write((db) => insertUser(db, { ...admin, id: 'u-2', username: 'Admin' }))).toThrow(/UNIQUE/);
    expect(() => store.write((db) => insertUser(db, { ...admin, id: 'u-3', username: 'boss', role: 'root' as 'admin' }))).toThrow(/CHECK/);
    store.close();
  });

  it('counts failed logins, locks, and clears both on success or a new password', () => {
    const store = openTestStore(tempDir());
    store.write((db) => insertUser(db, admin));
    store.write((db) => recordFailedLogin(db, 'u-admin', null, at(1)));
    store.write((db) => recordFailedLogin(db, 'u-admin', at(15), at(2)));
    store.write((db) => recordFailedLogin(db, 'u-admin', null, at(3)));
    expect(store.read((db) => getUserById(db, 'u-admin'))).toMatchObject({ failedLogins: 3, lockedUntil: at(15) });
    store.write((db) => resetFailedLogins(db, 'u-admin', at(20)));
    expect(store.read((db) => getUserById(db, 'u-admin'))).toMatchObject({ failedLogins: 0, lockedUntil: null, updatedAt: at(20) });
    store.write((db) => recordFailedLogin(db, 'u-admin', at(40), at(21)));
    expect(store.write((db) => setUserPasswordHash(db, 'u-admin', 'scrypt$2', at(22)))).toBe(true);
    expect(store.read((db) => getUserById(db, 'u-admin'))).toMatchObject({ passwordHash: 'scrypt$2', failedLogins: 0, lockedUntil: null });
    store.close();
  });

  it('updates profile and lists accounts by name', () => {
    const store = openTestStore(tempDir());
    store.write((db) => {
      insertUser(db, admin);
      insertUser(db, { ...admin, id: 'u-clerk', username: 'canbo1', displayName: 'Cán bộ 1', role: 'clerk' });
    });
    expect(store.write((db) => updateUserProfile(db, 'u-clerk', { displayName: 'Lê Thị Hoa', role: 'specialist', active: false }, at(5)))).toBe(true);
    expect(store.write((db) => updateUserProfile(db, 'missing', { displayName: 'x', role: 'clerk', active: true }, at(5)))).toBe(false);
    expect(store.read(listUsers).map((u) => [u.username, u.role, u.active])).toEqual([
      ['admin', 'admin', true],
      ['canbo1', 'specialist', false],
    ]);
    store.close();
  });
});
