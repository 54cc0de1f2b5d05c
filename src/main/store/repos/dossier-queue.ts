/**
 * The counter's queues: what is due today, what is overdue, what waits for a supplement, and
 * what is assigned to me. Each is a range over an index ending in `due_at` (then the rowid), so
 * a queue costs the same with ten or a million dossiers behind it. Pages are keyset (after the
 * last row seen), never OFFSET. Which statuses count as "open" is the caller's: the state
 * machine in src/shared decides, the store only filters.
 */
import type { ReadDb } from '../db';
import { pageSize, toPage, type Page } from '../paging';
import { prepared, toJson } from '../statements';
import { fromSummaryRow, SUMMARY_COLUMNS, type DossierSummary, type SummaryRow } from './dossier-summary';

/** Where the previous page stopped; pass `next` back unchanged. */
export interface QueueCursor {
  readonly dueAt: string;
  readonly rowid: number;
}

export interface QueueQuery {
  /** Statuses to include, e.g. every non-terminal one. */
  readonly statuses: readonly string[];
  /** Due at or after this instant (ISO UTC); omit for no lower bound. */
  readonly dueFrom?: string;
  /** Due strictly before this instant (ISO UTC); omit for no upper bound. */
  readonly dueBefore?: string;
  /** Only dossiers assigned to this user. */
  readonly assigneeId?: string;
  readonly limit?: number;
  readonly after?: QueueCursor;
}

// '' sorts before and '~' after every ISO timestamp: open bounds without a second statement.
const NO_LOWER = '';
const NO_UPPER = '~';

const FILTER = `status IN (SELECT value FROM json_each(@statuses))
  AND due_at >= @lower AND due_at < @upper
  AND (due_at > @after_due OR rid > @after_rid)
  ORDER BY due_at, rid LIMIT @limit`;
// INDEXED BY pins the plan: the planner cannot size a status list bound as JSON, and with
// statistics from a small or skewed table it may choose to scan every dossier instead.
const ALL = `SELECT ${SUMMARY_COLUMNS} FROM dossiers INDEXED BY dossiers_queue WHERE ${FILTER}`;
const ASSIGNED = `SELECT ${SUMMARY_COLUMNS} FROM dossiers INDEXED BY dossiers_assignee_queue WHERE assignee_id = @assignee AND ${FILTER}`;

/** Dossiers in `statuses` ordered by due time (soonest first), one page at a time. */
export function listDossierQueue(db: ReadDb, query: QueueQuery): Page<DossierSummary, QueueCursor> {
  const limit = pageSize(query.limit);
  const from = query.dueFrom ?? NO_LOWER;
  const after = query.after;
  const params = {
    statuses: toJson(query.statuses),
    // The keyset bound and the caller's lower bound both limit the same index range.
    lower: after !== undefined && after.dueAt > from ? after.dueAt : from,
    upper: query.dueBefore ?? NO_UPPER,
    after_due: after?.dueAt ?? NO_LOWER,
    after_rid: after?.rowid ?? 0,
    limit: limit + 1,
  };
  const rows =
    query.assigneeId === undefined
      ? (prepared(db, ALL).all(params) as SummaryRow[])
      : (prepared(db, ASSIGNED).all({ ...params, assignee: query.assigneeId }) as SummaryRow[]);
  return toPage(rows, limit, fromSummaryRow, (r) => ({ dueAt: r.due_at ?? NO_LOWER, rowid: r.rid }));
}

type PageOptions = Pick<QueueQuery, 'limit' | 'after'>;

/** Due within [from, before): "due today" is the local day's bounds converted to UTC. */
export function listDueBetween(db: ReadDb, statuses: readonly string[], from: string, before: string, page: PageOptions = {}): Page<DossierSummary, QueueCursor> {
  return listDossierQueue(db, { ...page, statuses, dueFrom: from, dueBefore: before });
}

/** Due before `now` and still in one of `statuses` (quá hạn). */
export function listOverdue(db: ReadDb, statuses: readonly string[], now: string, page: PageOptions = {}): Page<DossierSummary, QueueCursor> {
  return listDossierQueue(db, { ...page, statuses, dueBefore: now });
}

/** Every dossier in `statuses` that has a due time, e.g. those waiting for a supplement. */
export function listByStatus(db: ReadDb, statuses: readonly string[], page: PageOptions = {}): Page<DossierSummary, QueueCursor> {
  return listDossierQueue(db, { ...page, statuses });
}

/** "My dossiers": assigned to `assigneeId` and in `statuses`. */
export function listAssignedTo(db: ReadDb, assigneeId: string, statuses: readonly string[], page: PageOptions = {}): Page<DossierSummary, QueueCursor> {
  return listDossierQueue(db, { ...page, statuses, assigneeId });
}
