/**
 * Dossiers waiting for the counter before any clock runs: received online and not yet accepted
 * (`submitted-online`), and volunteers' drafts. They have no due moment yet, so they are ordered
 * by arrival, oldest first (the citizen who waited longest). Few such rows exist at a time: the
 * status equality reaches them through `dossiers_queue` and the short list is sorted after.
 */
import type { ReadDb } from '../db';
import { pageSize, toPage, type Page } from '../paging';
import { prepared } from '../statements';
import type { QueueCursor } from './dossier-queue';
import { fromSummaryRow, SUMMARY_COLUMNS, type DossierSummary, type SummaryRow } from './dossier-summary';

export interface WaitingQuery {
  readonly status: string;
  /** Only this channel (e.g. `volunteer` drafts); omit for every channel. */
  readonly channel?: string;
  readonly limit?: number;
  /** The cursor's `dueAt` carries the arrival instant of the last row seen. */
  readonly after?: QueueCursor;
}

const WAITING = `SELECT ${SUMMARY_COLUMNS}, dossiers.created_at FROM dossiers INDEXED BY dossiers_queue
  WHERE status = @status AND (@channel IS NULL OR channel = @channel)
    AND (created_at > @after_at OR (created_at = @after_at AND rid > @after_rid))
  ORDER BY created_at, rid LIMIT @limit`;

/** Dossiers in `status` by arrival, one keyset page at a time. */
export function listWaiting(db: ReadDb, query: WaitingQuery): Page<DossierSummary, QueueCursor> {
  const limit = pageSize(query.limit);
  const rows = prepared(db, WAITING).all({
    status: query.status,
    channel: query.channel ?? null,
    after_at: query.after?.dueAt ?? '',
    after_rid: query.after?.rowid ?? 0,
    limit: limit + 1,
  }) as (SummaryRow & { created_at: string })[];
  return toPage(rows, limit, fromSummaryRow, (r) => ({ dueAt: r.created_at, rowid: r.rid }));
}
