/**
 * Instants and the office wall clock. The store keeps ISO UTC text; deadlines, dossier codes and
 * "today" are about the office clock in Vietnam (UTC+7, no daylight saving).
 */
import { addDays, formatIsoDate } from '../../../shared/calendar/civil-date';
import { formatLocalDateTime, localDateTimeFromEpochMs, localDateTimeToEpochMs, type LocalDateTime } from '../../../shared/deadline';
import type { Clock } from '../clock';

/** One reading of the clock, in every form the use cases need. */
export interface OfficeNow {
  /** ISO UTC, as stored. */
  readonly iso: string;
  readonly ms: number;
  readonly local: LocalDateTime;
  /** Today on the office calendar, `YYYY-MM-DD`. */
  readonly day: string;
  readonly year: number;
}

/** Reads the injected clock once, so one use case sees one "now" throughout. */
export function officeNow(clock: Clock): OfficeNow {
  const ms = clock.now().getTime();
  const local = localDateTimeFromEpochMs(ms);
  return { iso: new Date(ms).toISOString(), ms, local, day: formatIsoDate(local.date), year: local.date.year };
}

/** The office wall clock at a stored instant. */
export function isoToLocal(iso: string): LocalDateTime {
  return localDateTimeFromEpochMs(Date.parse(iso));
}

/** The stored instant of an office wall-clock moment. */
export function localToIso(local: LocalDateTime): string {
  return new Date(localDateTimeToEpochMs(local)).toISOString();
}

/** "2026-11-23T17:00" for a stored instant, or null. */
export function localText(iso: string | null): string | null {
  return iso === null ? null : formatLocalDateTime(isoToLocal(iso));
}

const MINUTE_MS = 60_000;

/** "Today" for queues and reports: the office day of an instant, and where it ends. */
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
    endIso: localToIso({ date: addDays(local.date, 1), minutes: 0 }),
  };
}
