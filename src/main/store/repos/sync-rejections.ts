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
}

/** Records a refusal; a repeat of the same seq (a retried push) changes nothing. */
export function recordSyncRejection(db: WriteDb, r: SyncRejection): void {
  prepared(
    db,
    `INSERT INTO sync_rejections (seq, entity_id, kind, code, message_vi, message_en, rejected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING`,
  ).run(r.seq, r.entityId, r.kind, r.code, r.message.vi, r.message.en, r.rejectedAt);
}

/** Every refusal, newest first, at most `limit`. */
export function listSyncRejections(db: ReadDb, limit = 100): SyncRejection[] {
  const rows = prepared(db, 'SELECT * FROM sync_rejections ORDER BY seq DESC LIMIT ?').all(limit) as {
    seq: number;
    entity_id: string;
    kind: string;
    code: string;
    message_vi: string;
    message_en: string;
    rejected_at: string;
  }[];
  return rows.map((r) => ({ seq: r.seq, entityId: r.entity_id, kind: r.kind, code: r.code, message: { vi: r.message_vi, en: r.message_en }, rejectedAt: r.rejected_at }));
}

/** How many refusals there are (the status badge). */
export function countSyncRejections(db: ReadDb): number {
  return (prepared(db, 'SELECT count(*) AS n FROM sync_rejections').get() as { n: number }).n;
}
