/**
 * Today's queue (`queue.today`): what is due later today, what is overdue, what waits for the
 * citizen's supplement, and what is on the caller's desk. Each section is a keyset page of its
 * own, ordered by due moment, soonest (or longest overdue) first; what waits to be accepted
 * (online submissions, volunteers' drafts) has no due moment yet and comes by arrival.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import type { ApiParsedInput } from '../../../shared/api/contract';
import { queueSections, type QueueSectionName, type QueueToday } from '../../../shared/api/queues';
import type { Store } from '../../store/db';
import type { Page } from '../../store/paging';
import { listAssignedTo, listByStatus, listDueBetween, listOverdue, type QueueCursor } from '../../store/repos/dossier-queue';
import type { DossierSummary } from '../../store/repos/dossier-summary';
import { listWaiting } from '../../store/repos/dossier-waiting';
import type { Clock } from '../clock';
import { decodeQueueCursor, encodeQueueCursor } from './cursor';
import { listContext, toListItem } from './list-item';
import { officeDay, type OfficeDay } from '../dossiers/office-time';
import { CLOCK_RUNNING, ON_A_DESK } from './status-groups';

export interface QueueDeps {
  readonly store: Store;
  readonly clock: Clock;
}

/** Rows per section when the screen does not say. */
export const DEFAULT_QUEUE_PAGE = 20;

type PageQuery = { readonly limit: number; readonly after: QueueCursor | undefined };
type SectionQuery = (today: OfficeDay, user: SessionUser, page: PageQuery) => Page<DossierSummary, QueueCursor>;

/** The store query behind each section; all but "mine" are the whole office's. */
function sectionQueries(store: Store): Record<QueueSectionName, SectionQuery> {
  return {
    dueToday: (today, _user, page) => store.read((db) => listDueBetween(db, CLOCK_RUNNING, today.nowIso, today.endIso, page)),
    overdue: (today, _user, page) => store.read((db) => listOverdue(db, CLOCK_RUNNING, today.nowIso, page)),
    supplement: (_today, _user, page) => store.read((db) => listByStatus(db, ['supplement-requested'], page)),
    mine: (_today, user, page) => store.read((db) => listAssignedTo(db, user.id, ON_A_DESK, page)),
    online: (_today, _user, page) => store.read((db) => listWaiting(db, { ...page, status: 'submitted-online' })),
    drafts: (_today, _user, page) => store.read((db) => listWaiting(db, { ...page, status: 'draft', channel: 'volunteer' })),
  };
}

/** The queue for `user` at the clock's "now". Throws AppError 'list.invalid-cursor' for a bad cursor. */
export function todayQueue(deps: QueueDeps, input: ApiParsedInput<'queue.today'>, user: SessionUser): QueueToday {
  const wanted = queueSections.filter((name) => input.sections === undefined || input.sections.includes(name));
  // Every cursor is read before any query runs: a bad one fails the call as a whole.
  const cursors = new Map(wanted.map((name) => [name, decodeQueueCursor(input.after?.[name])]));
  const now = deps.clock.now();
  const today = officeDay(now);
  const ctx = listContext(deps.store, today);
  const queries = sectionQueries(deps.store);
  const limit = input.limit ?? DEFAULT_QUEUE_PAGE;
  const sections: QueueToday['sections'] = {};
  for (const name of wanted) {
    const page = queries[name](today, user, { limit, after: cursors.get(name) });
    sections[name] = { items: page.items.map((s) => toListItem(s, ctx)), next: encodeQueueCursor(page.next) };
  }
  return { now: now.toISOString(), today: today.day, sections };
}
