/**
 * A report period as a leader picks it: whole days on the Vietnam calendar, [from, to), turned
 * into the UTC instants the store compares. Pending dossiers are counted at the end of the
 * period, or now when the period has not ended yet (a report for the current month).
 */
import { AppError } from '../../../shared/api/errors';
import { MAX_REPORT_DAYS } from '../../../shared/api/reports';
import { parseIsoDate, toDayNumber, type CivilDate } from '../../../shared/calendar/civil-date';
import { localDateTimeToEpochMs } from '../../../shared/deadline';

export interface ReportPeriod {
  /** Start of the first day, ISO UTC. */
  readonly fromIso: string;
  /** Start of the day after the period, ISO UTC. */
  readonly toIso: string;
  /** When pending dossiers are counted: `toIso`, or now if that is earlier. */
  readonly asOfIso: string;
}

function day(text: string): CivilDate {
  const date = parseIsoDate(text);
  if (date === undefined) throw new AppError('report.invalid-period', { reason: 'not-a-date', day: text });
  return date;
}

const startOf = (date: CivilDate): string => new Date(localDateTimeToEpochMs({ date, minutes: 0 })).toISOString();

/** The period [from, to) at `now`; throws AppError 'report.invalid-period' when it is not one. */
export function reportPeriod(from: string, to: string, now: Date): ReportPeriod {
  const first = day(from);
  const after = day(to);
  const days = toDayNumber(after) - toDayNumber(first);
  if (days <= 0) throw new AppError('report.invalid-period', { reason: 'reversed', from, to });
  if (days > MAX_REPORT_DAYS) throw new AppError('report.invalid-period', { reason: 'too-long', max: MAX_REPORT_DAYS });
  const toIso = startOf(after);
  const nowIso = now.toISOString();
  return { fromIso: startOf(first), toIso, asOfIso: nowIso < toIso ? nowIso : toIso };
}
