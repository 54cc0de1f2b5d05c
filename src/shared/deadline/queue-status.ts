import { compareCivilDates } from '../calendar/civil-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { issue } from '../validation';
import { throwIfIssue } from './deadline-error';
import type { DueResult } from './due';
import { checkLocalDateTime, compareLocalDateTimes, type LocalDateTime } from './local-date-time';
import { checkOfficeHours, DEFAULT_OFFICE_HOURS, workingMinutesPerDay, type OfficeHours } from './office-hours';
import { workingMinutesBetween } from './working-time';

/** Working time from "now" to the due moment; negative once it has passed. */
export interface RemainingTime {
  /** Working minutes; 0 when the due moment passed only outside office hours. */
  readonly minutes: number;
  /** `minutes` over the minutes of a full working day (unrounded: round for display). */
  readonly workingDays: number;
}

/** Default "soon" threshold: one working day. */
export const DEFAULT_SOON_WORKING_DAYS = 1;

/**
 * How a dossier stands in the queue: `stopped` while a clock stop is open; `overdue` once the due
 * moment has passed; `due-today` when it falls later today; `due-soon` within the threshold of
 * working time; `on-track` otherwise.
 */
export type QueueStatus = 'stopped' | 'overdue' | 'due-today' | 'due-soon' | 'on-track';

/** Settings of queueStatus. */
export interface QueueStatusOptions {
  /** Default DEFAULT_OFFICE_HOURS. */
  readonly officeHours?: OfficeHours;
  /** Working days (fractions allowed) under which a dossier is due soon; default 1. */
  readonly soonWorkingDays?: number;
}

/** Working time left between `now` and `due`; throws DeadlineError on invalid moments or hours. */
export function remainingWorkingTime(now: LocalDateTime, due: LocalDateTime, calendar: WorkingCalendar, officeHours: OfficeHours = DEFAULT_OFFICE_HOURS): RemainingTime {
  const hours = officeHours;
  throwIfIssue(checkOfficeHours(hours) ?? checkLocalDateTime(now, 'now') ?? checkLocalDateTime(due, 'due'));
  const minutes = workingMinutesBetween(now, due, calendar, hours);
  return { minutes, workingDays: minutes / workingMinutesPerDay(hours) };
}

/** The queue status of a dossier at `now`, given its computed due result or due moment. */
export function queueStatus(now: LocalDateTime, due: DueResult | LocalDateTime, calendar: WorkingCalendar, options: QueueStatusOptions = {}): QueueStatus {
  const hours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
  const soonWorkingDays = options.soonWorkingDays ?? DEFAULT_SOON_WORKING_DAYS;
  throwIfIssue(checkOfficeHours(hours) ?? checkLocalDateTime(now, 'now'));
  if (!Number.isFinite(soonWorkingDays) || soonWorkingDays < 0) {
    throwIfIssue(
      issue(
        'deadline.soon-threshold-invalid',
        'Ngưỡng "sắp đến hạn" phải là số ngày làm việc không âm (ví dụ 1 hoặc 0,5). Hãy sửa trong phần cài đặt.',
        'The "due soon" threshold must be a non-negative number of working days (e.g. 1 or 0.5). Fix it in the settings.',
        'soonWorkingDays',
      ),
    );
  }
  let at: LocalDateTime = due as LocalDateTime;
  if ('state' in due) {
    if (due.state === 'stopped') return 'stopped';
    at = due.due;
  }
  throwIfIssue(checkLocalDateTime(at, 'due'));
  if (compareLocalDateTimes(now, at) > 0) return 'overdue';
  if (compareCivilDates(now.date, at.date) === 0) return 'due-today';
  const left = workingMinutesBetween(now, at, calendar, hours);
  return left <= soonWorkingDays * workingMinutesPerDay(hours) ? 'due-soon' : 'on-track';
}
