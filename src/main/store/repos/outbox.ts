/**
 * The outbox (DESIGN §6): domain commands waiting for the hub. A use case enqueues inside the
 * same `store.write` as the change it describes, so the PC can never hold a change the hub will
 * not hear about, nor announce one it does not hold. The sync client peeks batches in order,
 * pushes them with their idempotency keys (so a retry after a lost reply is harmless) and marks
 * them sent.
 */
import type { ReadDb, WriteDb } from '../db';
import { fromJson, prepared, toJson } from '../statements';

export interface NewOutboxEntry {
  /** Unique per command (a UUIDv7); the hub ignores a key it has already applied. */
  readonly idempotencyKey: string;
  /** The command, e.g. 'dossier.received'. */
  readonly kind: string;
  /** The id of the row the command is about. */
  readonly entityId: string;
  readonly payload: unknown;
  readonly createdAt: string;
}

export interface OutboxEntry extends NewOutboxEntry {
  /** Position in the queue; pushes go in this order. */
  readonly seq: number;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly sentAt: string | null;
}

export interface OutboxRow {
  readonly seq: number;
  readonly idempotency_key: string;
  readonly kind: string;
  readonly entity_id: string;
  readonly payload: string;
  readonly created_at: string;
  readonly attempts: number;
  readonly last_error: string | null;
  readonly sent_at: string | null;
}

function fromRow(r: OutboxRow): OutboxEntry {
  return {
    seq: r.seq,
    idempotencyKey: r.idempotency_key,
    kind: r.kind,
    entityId: r.entity_id,
    payload: fromJson(r.payload),
    createdAt: r.created_at,
    attempts: r.attempts,
    lastError: r.last_error,
    sentAt: r.sent_at,
  };
}

const INSERT = `INSERT INTO outbox (idempotency_key, kind, entity_id, payload, created_at)
  VALUES (@idempotency_key, @kind, @entity_id, @payload, @created_at)`;

/**
 * Queues a command for the hub; call it inside the `store.write` that makes the change (the
 * WriteDb handle exists only there). A repeated idempotency key fails the whole transaction.
 */
export function enqueueOutbox(db: WriteDb, entry: NewOutboxEntry): number {
  const result = prepared(db, INSERT).run({
    idempotency_key: entry.idempotencyKey,
    kind: entry.kind,
    entity_id: entry.entityId,
    payload: toJson(entry.payload),
    created_at: entry.createdAt,
  });
  return Number(result.lastInsertRowid);
}

/** The oldest unsent commands, at most `limit`, in queue order. */
export function peekUnsentOutbox(db: ReadDb, limit: number): OutboxEntry[] {
  const rows = prepared(db, 'SELECT * FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?').all(limit) as OutboxRow[];
  return rows.map(fromRow);
}

/** Marks these commands as accepted by the hub; returns how many were still unsent. */
export function markOutboxSent(db: WriteDb, seqs: readonly number[], sentAt: string): number {
  return prepared(db, 'UPDATE outbox SET sent_at = ? WHERE seq IN (SELECT value FROM json_each(?)) AND sent_at IS NULL').run(sentAt, toJson(seqs))
    .changes;
}

/** Records a failed push of these commands (for backoff and for `doctor`). */
export function recordOutboxFailure(db: WriteDb, seqs: readonly number[], error: string): void {
  prepared(db, 'UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq IN (SELECT value FROM json_each(?)) AND sent_at IS NULL').run(
    error,
    toJson(seqs),
  );
}

/** How many commands wait for the hub (the sync badge). */
export function countUnsentOutbox(db: ReadDb): number {
  return (prepared(db, 'SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get() as { n: number }).n;
}

/** Every command about one entity, oldest first (what a dossier still owes the hub). */
export function listOutboxForEntity(db: ReadDb, entityId: string): OutboxEntry[] {
  const rows = prepared(db, 'SELECT * FROM outbox WHERE entity_id = ? ORDER BY seq').all(entityId) as OutboxRow[];
  return rows.map(fromRow);
}

/** The newest command's seq (0 when none): the scheduler compares it to notice a new local write. */
export function newestOutboxSeq(db: ReadDb): number {
  return (prepared(db, 'SELECT coalesce(max(seq), 0) AS n FROM outbox').get() as { n: number }).n;
}
