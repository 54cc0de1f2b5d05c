/**
 * The attachments lane's queue (migration 0060): files to upload (queued by triggers with their
 * page or print-log row) and to download (queued from the hub's list of the commune's files).
 * A row's own `next_attempt_at` spaces its retries, so one stuck file never holds up the others.
 */
import type { ReadDb, WriteDb } from '../db';
import { fromJson, prepared, toJson } from '../statements';

export type AttachmentDirection = 'up' | 'down';
export type AttachmentQueueKind = 'page' | 'slip';

/** Identifies a queue row. */
export interface AttachmentKey {
  readonly direction: AttachmentDirection;
  readonly kind: AttachmentQueueKind;
  readonly dossierId: string;
  readonly refId: string;
}

export interface AttachmentQueueRow extends AttachmentKey {
  readonly sha256: string;
  readonly bytes: number | null;
  /** Download rows: the document and page rows as the hub sent them. */
  readonly meta: unknown;
  readonly state: 'pending' | 'done' | 'failed' | 'dropped';
  readonly offset: number;
  readonly attempts: number;
  readonly lastError: string | null;
}

interface Row {
  readonly direction: AttachmentDirection;
  readonly kind: AttachmentQueueKind;
  readonly dossier_id: string;
  readonly ref_id: string;
  readonly sha256: string;
  readonly bytes: number | null;
  readonly meta: string | null;
  readonly state: AttachmentQueueRow['state'];
  readonly offset: number;
  readonly attempts: number;
  readonly last_error: string | null;
}

const fromRow = (r: Row): AttachmentQueueRow => ({
  direction: r.direction,
  kind: r.kind,
  dossierId: r.dossier_id,
  refId: r.ref_id,
  sha256: r.sha256,
  bytes: r.bytes,
  meta: r.meta === null ? null : fromJson(r.meta),
  state: r.state,
  offset: r.offset,
  attempts: r.attempts,
  lastError: r.last_error,
});

const KEY = 'direction = @direction AND kind = @kind AND dossier_id = @dossierId AND ref_id = @refId';
const key = (k: AttachmentKey) => ({ direction: k.direction, kind: k.kind, dossierId: k.dossierId, refId: k.refId });

/** Files not yet moved (pending, or failed for good and shown as such): the status badge's number. */
export function countAttachmentsWaiting(db: ReadDb): number {
  return (prepared(db, "SELECT count(*) AS n FROM attachment_queue WHERE state IN ('pending', 'failed')").get() as { n: number }).n;
}

/**
 * Uploads due at `now`, oldest first. Only for dossiers the hub has heard of from this PC (not a
 * draft, the receipt no longer waiting in the outbox): metadata goes first, files follow.
 */
export function dueUploads(db: ReadDb, now: string, limit: number): AttachmentQueueRow[] {
  return (
    prepared(
      db,
      `SELECT q.* FROM attachment_queue q JOIN dossiers d ON d.id = q.dossier_id
        WHERE q.state = 'pending' AND q.direction = 'up' AND (q.next_attempt_at IS NULL OR q.next_attempt_at <= ?)
          AND d.status <> 'draft'
          AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = q.dossier_id AND o.kind = 'dossier.received' AND o.sent_at IS NULL)
        ORDER BY q.created_at, q.rowid LIMIT ?`,
    ).all(now, limit) as Row[]
  ).map(fromRow);
}

/** Downloads due at `now` whose dossier this PC already holds (pulled). */
export function dueDownloads(db: ReadDb, now: string, limit: number): AttachmentQueueRow[] {
  return (
    prepared(
      db,
      `SELECT q.* FROM attachment_queue q JOIN dossiers d ON d.id = q.dossier_id
        WHERE q.state = 'pending' AND q.direction = 'down' AND (q.next_attempt_at IS NULL OR q.next_attempt_at <= ?)
        ORDER BY q.created_at, q.rowid LIMIT ?`,
    ).all(now, limit) as Row[]
  ).map(fromRow);
}

export function getAttachmentRow(db: ReadDb, k: AttachmentKey): AttachmentQueueRow | undefined {
  const row = prepared(db, `SELECT * FROM attachment_queue WHERE ${KEY}`).get(key(k)) as Row | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** Queues a file the hub listed; a row already there (ours, or listed before) is kept. */
export function queueDownload(db: WriteDb, k: Omit<AttachmentKey, 'direction'>, sha256: string, bytes: number, meta: unknown, now: string): void {
  prepared(
    db,
    `INSERT OR IGNORE INTO attachment_queue (direction, kind, dossier_id, ref_id, sha256, bytes, meta, created_at, updated_at)
     VALUES ('down', @kind, @dossierId, @refId, @sha256, @bytes, @meta, @now, @now)`,
  ).run({ kind: k.kind, dossierId: k.dossierId, refId: k.refId, sha256, bytes, meta: toJson(meta), now });
}

/** Records that the hub already holds this file (a downloaded page must not be uploaded back). */
export function markUploadedElsewhere(db: WriteDb, k: Omit<AttachmentKey, 'direction'>, sha256: string, bytes: number, now: string): void {
  prepared(
    db,
    `INSERT INTO attachment_queue (direction, kind, dossier_id, ref_id, sha256, bytes, state, offset, created_at, updated_at)
     VALUES ('up', @kind, @dossierId, @refId, @sha256, @bytes, 'done', @bytes, @now, @now)
     ON CONFLICT DO UPDATE SET state = 'done', offset = excluded.offset, updated_at = excluded.updated_at`,
  ).run({ kind: k.kind, dossierId: k.dossierId, refId: k.refId, sha256, bytes, now });
}

/** Progress: bytes the other side confirmed (up) or on disk (down). */
export function setAttachmentOffset(db: WriteDb, k: AttachmentKey, offset: number, now: string): void {
  prepared(db, `UPDATE attachment_queue SET offset = @offset, updated_at = @now WHERE ${KEY}`).run({ ...key(k), offset, now });
}

/** Ends a row: moved (`done`), refused for good (`failed`, with why) or no longer wanted (`dropped`). */
export function settleAttachment(db: WriteDb, k: AttachmentKey, state: 'done' | 'failed' | 'dropped', now: string, error: string | null = null): void {
  prepared(db, `UPDATE attachment_queue SET state = @state, last_error = @error, next_attempt_at = NULL, updated_at = @now WHERE ${KEY}`).run({ ...key(k), state, error, now });
}

/** A failed try that may succeed later: counted, and not retried before `nextAttemptAt`. */
export function deferAttachment(db: WriteDb, k: AttachmentKey, error: string, nextAttemptAt: string, now: string): void {
  prepared(
    db,
    `UPDATE attachment_queue SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next, updated_at = @now WHERE ${KEY}`,
  ).run({ ...key(k), error, next: nextAttemptAt, now });
}
