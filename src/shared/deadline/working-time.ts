import { addDays, compareCivilDates, formatVietnameseDate, type CivilDate } from '../calendar/civil-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { issue } from '../validation';
import { DeadlineError } from './deadline-error';
import { compareLocalDateTimes, MINUTES_PER_DAY, type LocalDateTime } from './local-date-time';
import { sessionsOf, type OfficeHours } from './office-hours';

/*
 * Working-time arithmetic over a calendar and office hours. Everything steps a day or a
 * session at a time, never a minute, because the queue recomputes thousands of dossiers.
 * Functions here trust their office hours to be checked (checkOfficeHours) by the caller.
 */

/** Longer than any real closure (Tết is at most 9–10 days): a calendar with more is broken. */
const MAX_CONSECUTIVE_DAYS_OFF = 366;

function noWorkingDay(from: CivilDate): DeadlineError {
  return new DeadlineError(
    issue(
      'deadline.no-working-day',
      `Lịch làm việc không có ngày làm việc nào trong một năm kể từ ${formatVietnameseDate(from)}, nên không tính được hạn. Hãy đồng bộ lại lịch ngày nghỉ hoặc báo quản trị viên.`,
      `The working calendar has no working day within a year from ${formatVietnameseDate(from)}, so no deadline can be computed. Sync the holiday calendar again or tell the administrator.`,
    ),
  );
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: CivilDate, calendar: WorkingCalendar): CivilDate {
  let day = date;
  for (let i = 0; i < MAX_CONSECUTIVE_DAYS_OFF; i++) {
    day = addDays(day, 1);
    if (!calendar.isDayOff(day)) return day;
  }
  throw noWorkingDay(date);
}

/** The working day `count` working days after `date` (`date` itself is not counted). */
export function addWorkingDays(date: CivilDate, count: number, calendar: WorkingCalendar): CivilDate {
  let day = date;
  for (let i = 0; i < count; i++) day = nextWorkingDay(day, calendar);
  return day;
}

/**
 * The first moment at or after `at` when the office is open. A session's end counts as closed,
 * so a dossier handed in at 11:30 is received in the afternoon session.
 */
export function firstOpenMoment(at: LocalDateTime, calendar: WorkingCalendar, hours: OfficeHours): LocalDateTime {
  let day = at.date;
  let from = at.minutes;
  for (let i = 0; i <= MAX_CONSECUTIVE_DAYS_OFF; i++) {
    if (!calendar.isDayOff(day)) {
      for (const p of sessionsOf(hours)) {
        if (from < p.end) return { date: day, minutes: Math.max(from, p.start) };
      }
    }
    day = addDays(day, 1);
    from = 0;
  }
  throw noWorkingDay(at.date);
}

/**
 * The moment `minutes` working minutes after `from`. A result at a session boundary is the end
 * of the earlier session (11:30, not 13:30), so a positive amount always lands inside office
 * hours on a working day. Zero returns `from` unchanged.
 */
export function addWorkingMinutes(from: LocalDateTime, minutes: number, calendar: WorkingCalendar, hours: OfficeHours): LocalDateTime {
  if (minutes <= 0) return from;
  let left = minutes;
  let day = from.date;
  let cursor = from.minutes;
  let daysOff = 0;
  for (;;) {
    if (calendar.isDayOff(day)) {
      if (++daysOff > MAX_CONSECUTIVE_DAYS_OFF) throw noWorkingDay(from.date);
    } else {
      daysOff = 0;
      for (const p of sessionsOf(hours)) {
        const start = Math.max(cursor, p.start);
        if (start >= p.end) continue;
        const open = p.end - start;
        if (left <= open) return { date: day, minutes: start + left };
        left -= open;
      }
    }
    day = addDays(day, 1);
    cursor = 0;
  }
}

/** Open minutes of one working day between two times of that day. */
function openMinutesWithin(hours: OfficeHours, lo: number, hi: number): number {
  let sum = 0;
  for (const p of sessionsOf(hours)) sum += Math.max(0, Math.min(hi, p.end) - Math.max(lo, p.start));
  return sum;
}

/**
 * Working minutes from `from` to `to`: positive when `to` is later, negative when earlier.
 * Time outside office hours and on days off does not count.
 */
export function workingMinutesBetween(from: LocalDateTime, to: LocalDateTime, calendar: WorkingCalendar, hours: OfficeHours): number {
  if (compareLocalDateTimes(from, to) > 0) return 0 - workingMinutesBetween(to, from, calendar, hours);
  let sum = 0;
  for (let day = from.date; compareCivilDates(day, to.date) <= 0; day = addDays(day, 1)) {
    if (calendar.isDayOff(day)) continue;
    const lo = compareCivilDates(day, from.date) === 0 ? from.minutes : 0;
    const hi = compareCivilDates(day, to.date) === 0 ? to.minutes : MINUTES_PER_DAY;
    sum += openMinutesWithin(hours, lo, hi);
  }
  return sum;
}
