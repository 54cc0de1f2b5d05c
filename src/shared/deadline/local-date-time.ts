import {
  formatIsoDate,
  formatVietnameseDate,
  fromDayNumber,
  isValidCivilDate,
  parseIsoDate,
  toDayNumber,
  type CivilDate,
} from '../calendar/civil-date';
import { issue, type Validated, type ValidationIssue } from '../validation';
import { DeadlineError } from './deadline-error';

/*
 * Wall-clock time at the office. Vietnam has been on UTC+7 without daylight saving since 1975,
 * so a local value converts to and from an instant with a fixed offset and no zone database.
 * Minute precision is what slips print ("… giờ … phút") and what the deadline maths uses.
 */

/** A moment as the office clock shows it: a civil date and the minutes since 00:00 (0–1439). */
export interface LocalDateTime {
  readonly date: CivilDate;
  readonly minutes: number;
}

/** Minutes in a calendar day (no DST in Vietnam, so every day has them all). */
export const MINUTES_PER_DAY = 1440;

/** Vietnam's offset from UTC. */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

const MS_PER_MINUTE = 60_000;
const ISO_EXAMPLE = '2026-11-23T14:05';
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** True for a real date and a whole minute from 00:00 to 23:59. */
export function isValidLocalDateTime(t: LocalDateTime): boolean {
  return isValidCivilDate(t.date) && Number.isInteger(t.minutes) && t.minutes >= 0 && t.minutes < MINUTES_PER_DAY;
}

/** The issue with a moment given as `field`, if it is not a valid LocalDateTime. */
export function checkLocalDateTime(t: LocalDateTime, field: string): ValidationIssue | undefined {
  if (isValidLocalDateTime(t)) return undefined;
  return issue(
    'deadline.invalid-moment',
    'Thời điểm nhập vào không hợp lệ: cần một ngày có thật và giờ từ 00:00 đến 23:59. Hãy kiểm tra lại ngày giờ.',
    'The moment is not valid: it needs a real date and a time from 00:00 to 23:59. Check the date and time.',
    field,
  );
}

/** Negative when a is earlier than b, 0 when equal, positive when later (the difference in minutes). */
export function compareLocalDateTimes(a: LocalDateTime, b: LocalDateTime): number {
  return (toDayNumber(a.date) - toDayNumber(b.date)) * MINUTES_PER_DAY + (a.minutes - b.minutes);
}

/** "14:05" for 845. */
export function formatClockTime(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** "2026-11-23T14:05": ISO 8601 local time, no offset. */
export function formatLocalDateTime(t: LocalDateTime): string {
  return `${formatIsoDate(t.date)}T${formatClockTime(t.minutes)}`;
}

/**
 * Reads "2026-11-23T14:05" (a space instead of T is accepted). Seconds, if present, are dropped;
 * an offset is accepted only when it is +07:00, because any other would silently shift the day.
 */
export function parseLocalDateTime(text: string, options: { readonly field?: string } = {}): Validated<LocalDateTime> {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(\+07:00)?$/u.exec(text.trim());
  const date = m?.[1] === undefined ? undefined : parseIsoDate(m[1]);
  const hour = Number(m?.[2]);
  const minute = Number(m?.[3]);
  const second = m?.[4] === undefined ? 0 : Number(m[4]);
  if (date === undefined || hour > 23 || minute > 59 || second > 59) {
    return {
      ok: false,
      error: issue(
        'deadline.invalid-iso',
        `"${text}" không phải ngày giờ hợp lệ. Cần dạng năm-tháng-ngàyTgiờ:phút theo giờ Việt Nam, ví dụ ${ISO_EXAMPLE}.`,
        `"${text}" is not a valid date and time. Use year-month-dayThour:minute in Vietnam time, e.g. ${ISO_EXAMPLE}.`,
        options.field,
      ),
    };
  }
  return { ok: true, value: { date, minutes: hour * 60 + minute } };
}

/** The office wall clock at a UTC instant (ms since the epoch); seconds are dropped. */
export function localDateTimeFromEpochMs(epochMs: number): LocalDateTime {
  if (!Number.isFinite(epochMs)) {
    throw new DeadlineError(
      issue(
        'deadline.invalid-epoch',
        'Thời điểm lưu trong dữ liệu bị hỏng (không phải một mốc thời gian). Hãy báo bộ phận hỗ trợ.',
        `The stored instant is not a time (${epochMs}). Contact support.`,
      ),
    );
  }
  const localMinutes = Math.floor(epochMs / MS_PER_MINUTE) + VIETNAM_UTC_OFFSET_MINUTES;
  const day = Math.floor(localMinutes / MINUTES_PER_DAY);
  return { date: fromDayNumber(day), minutes: localMinutes - day * MINUTES_PER_DAY };
}

/** The UTC instant (ms since the epoch) of an office wall-clock moment. */
export function localDateTimeToEpochMs(t: LocalDateTime): number {
  return (toDayNumber(t.date) * MINUTES_PER_DAY + t.minutes - VIETNAM_UTC_OFFSET_MINUTES) * MS_PER_MINUTE;
}

/** "14 giờ 05 phút, ngày 23/11/2026", as slips and Mẫu 05 write times (domain-vn §1.3). */
export function formatVietnameseDateTime(t: LocalDateTime): string {
  return `${pad2(Math.floor(t.minutes / 60))} giờ ${pad2(t.minutes % 60)} phút, ngày ${formatVietnameseDate(t.date)}`;
}
