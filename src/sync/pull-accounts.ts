/**
 * A staff account pulled from the hub becomes a local account with the hub's password hash, so
 * the clerk signs in offline with the password the city set. The hub manages these accounts: a
 * later hub change overwrites name, role, active flag and hash (lockout counters stay the PC's).
 * A username already held by another local account is not taken over: the local account keeps it
 * and the clash is recorded as a conflict for an administrator.
 */
import type { WriteDb } from '../main/store/db';
import { listOutboxForEntity } from '../main/store/repos/outbox';
import { recordSyncConflict } from '../main/store/repos/sync-conflicts';
import { findUserByUsername, putUserFromHub } from '../main/store/repos/users';
import { uuidv7 } from '../shared/id/uuidv7';
import type { PullItem } from './protocol/messages';

/**
 * Applies one account item inside the page's transaction. An account changed here and not yet
 * pushed keeps the local change: the push brings the hub level and the feed returns it.
 */
export function applyPulledAccount(db: WriteDb, item: Extract<PullItem, { type: 'account' }>, now: string): void {
  if (listOutboxForEntity(db, item.id).some((e) => e.sentAt === null)) return;
  const holder = findUserByUsername(db, item.username);
  if (holder !== undefined && holder.id !== item.id) {
    recordSyncConflict(db, {
      id: uuidv7(Date.parse(now)),
      entity: 'account',
      entityId: item.id,
      kind: 'username',
      field: 'username',
      baseValue: null,
      localValue: { id: holder.id, username: holder.username, displayName: holder.displayName },
      hubValue: { id: item.id, username: item.username, displayName: item.displayName },
      kept: 'local',
      createdAt: now,
    });
    return;
  }
  putUserFromHub(db, { id: item.id, username: item.username, displayName: item.displayName, role: item.role, passwordHash: item.passwordHash, active: item.active, mustChangePassword: item.mustChangePassword }, now);
}
