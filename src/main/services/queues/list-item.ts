/**
 * A dossier as a row of the queue or of search results: the store's summary plus what the clerk
 * reads at a glance (procedure name, status label, due moment on the office clock, and whether
 * it is overdue, due today or soon). Shared by `queue.today` and `dossier.search`.
 */
import type { DossierListItem } from '../../../shared/api/queues';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar';
import { formatLocalDateTime, localDateTimeFromEpochMs, queueStatus, type LocalDateTime, type QueueStatus } from '../../../shared/deadline';
import { dossierStatusTable, isDossierStatus } from '../../../shared/dossier/states';
import type { Store } from '../../store/db';
import type { DossierSummary } from '../../store/repos/dossier-summary';
import { loadWorkingCalendar } from '../catalogue/working-calendar';
import type { OfficeDay } from '../dossiers/office-time';
import { procedureNameLookup } from './procedure-names';
import { CLOCK_RUNNING, CLOCK_STOPPED } from './status-groups';

/** What turning summaries into rows needs, read once per list. */
export interface ListContext {
  /** The office clock now. */
  readonly now: LocalDateTime;
  readonly calendar: WorkingCalendar;
  readonly procedureName: (code: string) => string | null;
}

/** Reads the calendar and prepares the name lookup for one list, as of `today`. */
export function listContext(store: Store, today: OfficeDay): ListContext {
  // Overdue rows reach back into last year; the loader adds the years a deadline can reach ahead.
  const calendar = store.read((db) => loadWorkingCalendar(db, today.now.date.year - 1, today.now.date.year));
  return { now: today.now, calendar, procedureName: procedureNameLookup(store, today.day) };
}

function statusLabel(status: string): DossierListItem['statusLabel'] {
  // A status this version does not know (from a newer hub) is shown as stored, not hidden.
  return isDossierStatus(status) ? dossierStatusTable[status].label : { vi: status, en: status };
}

function queueStatusOf(status: string, due: LocalDateTime | null, ctx: ListContext): QueueStatus | null {
  if ((CLOCK_STOPPED as readonly string[]).includes(status)) return 'stopped';
  if (due === null || !(CLOCK_RUNNING as readonly string[]).includes(status)) return null;
  return queueStatus(ctx.now, due, ctx.calendar);
}

/** The list row of one dossier. */
export function toListItem(summary: DossierSummary, ctx: ListContext): DossierListItem {
  const dueMs = summary.dueAt === null ? Number.NaN : Date.parse(summary.dueAt);
  const due = Number.isFinite(dueMs) ? localDateTimeFromEpochMs(dueMs) : null;
  return {
    id: summary.id,
    code: summary.code,
    applicantName: summary.applicantName,
    procedureCode: summary.procedureCode,
    procedureName: ctx.procedureName(summary.procedureCode),
    status: summary.status,
    statusLabel: statusLabel(summary.status),
    channel: summary.channel,
    receivedAt: summary.receivedAt,
    dueAt: summary.dueAt,
    dueLocal: due === null ? null : formatLocalDateTime(due),
    queueStatus: queueStatusOf(summary.status, due, ctx),
    assigneeId: summary.assigneeId,
  };
}
