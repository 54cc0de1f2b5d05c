/**
 * An account change made on this PC goes to the hub as `account.upserted` (the whole account,
 * with its password hash, never a password), in the same transaction as the change. The hub
 * stores it for the commune and every PC of the commune gets it at its next pull, where the new
 * stamp closes that account's sessions (`sessions.ts`). A training sandbox never syncs, so its
 * queue simply stays.
 */
import { uuidv7 } from '../../../shared/id/uuidv7';
import type { WriteDb } from '../../store/db';
import { enqueueOutbox } from '../../store/repos/outbox';
import { getUserById } from '../../store/repos/users';

export function queueAccountChange(db: WriteDb, userId: string, now: string): void {
  const user = getUserById(db, userId);
  if (user === undefined) return;
  const ms = Date.parse(now);
  enqueueOutbox(db, {
    idempotencyKey: uuidv7(ms),
    kind: 'account.upserted',
    entityId: user.id,
    payload: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      passwordHash: user.passwordHash,
      active: user.active,
      mustChangePassword: user.mustChangePassword,
    },
    createdAt: now,
  });
}
