/**
 * Mutations the hub refused permanently, with its Vietnamese and English reasons, for the
 * clerk's sync-issues list and the dossier page. Written in the same transaction that marks the
 * outbox row settled, so a refusal is never lost between the two.
 */
import type { ReadDb, WriteDb } from '../db';
import { prepared } from '../statements';

/** One refusal as shown to the clerk. */
export interface SyncRejection {
  readonly seq: number;
  readonly entityId: string;
  readonly kind: string;
  readonly code: string;
  readonly message: { readonly vi: string; readonly en: string };
  readonly rejectedAt: string;
  /** When a clerk marked it seen; absent or null until then (the row stays for audit). */
  readonly seenAt?: string | null;
}

/** Records a refusal; a repeat of the same seq (a retried push) changes nothing. */
export function recordSyncRejection(db: WriteDb, r: SyncRejection): void {
  prepared(
    db,
    `INSERT INTO sync_rejections (seq, entity_id, kind, code, message_vi, message_en, rejected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING`,
  ).run(r.seq, r.entityId, r.kind, r.code, r.message.vi, r.message.en, r.rejectedAt);
}

interface RejectionRow {
  seq: number;
  entity_id: string;
  kind: string;
  code: string;
  message_vi: string;
  message_en: string;
  rejected_at: string;
  seen_at: string | null;
}

function fromRow(r: RejectionRow): SyncRejection {
  return { seq: r.seq, entityId: r.entity_id, kind: r.kind, code: r.code, message: { vi: r.message_vi, en: r.message_en }, rejectedAt: r.rejected_at, seenAt: r.seen_at };
}

/** Every refusal, newest first, at most `limit`. */
export function listSyncRejections(db: ReadDb, limit = 100): SyncRejection[] {
  return (prepared(db, 'SELECT * FROM sync_rejections ORDER BY seq DESC LIMIT ?').all(limit) as RejectionRow[]).map(fromRow);
}

/** One refusal by its outbox seq. */
export function getSyncRejection(db: ReadDb, seq: number): SyncRejection | undefined {
  const row = prepared(db, 'SELECT * FROM sync_rejections WHERE seq = ?').get(seq) as RejectionRow | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** Marks refusal `seq` seen at `at` (the first time only); false when there is no such refusal. */
export function markSyncRejectionSeen(db: WriteDb, seq: number, at: string): boolean {
  return prepared(db, 'UPDATE sync_rejections SET seen_at = coalesce(seen_at, ?) WHERE seq = ?').run(at, seq).changes === 1;
}

/** How many refusals no clerk has marked seen yet (the status badge; seen ones stay for audit). */
export function countSyncRejections(db: ReadDb): number {
  return (prepared(db, 'SELECT count(*) AS n FROM sync_rejections WHERE seen_at IS NULL').get() as { n: number }).n;
}
