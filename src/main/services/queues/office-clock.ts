/**
 * "Today" on the office clock. Vietnam keeps UTC+7 all year, so the local day's bounds are fixed
 * offsets from UTC; services take the instant from the injected clock, never from Date.now().
 */
import { addDays, formatIsoDate } from '../../../shared/calendar/civil-date';
import { localDateTimeFromEpochMs, localDateTimeToEpochMs, type LocalDateTime } from '../../../shared/deadline';

const MINUTE_MS = 60_000;

export interface OfficeDay {
  /** Now, truncated to the minute: due moments are whole minutes, so both sides compare alike. */
  readonly nowIso: string;
  readonly now: LocalDateTime;
  /** `YYYY-MM-DD`. */
  readonly day: string;
  /** Start of tomorrow on the office clock, ISO UTC: the end of "due today". */
  readonly endIso: string;
}

/** Today on the office clock at the instant `now`. */
export function officeDay(now: Date): OfficeDay {
  const minuteMs = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
  const local = localDateTimeFromEpochMs(minuteMs);
  return {
    nowIso: new Date(minuteMs).toISOString(),
    now: local,
    day: formatIsoDate(local.date),
    endIso: new Date(localDateTimeToEpochMs({ date: addDays(local.date, 1), minutes: 0 })).toISOString(),
  };
}
