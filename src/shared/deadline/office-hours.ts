import { issue, type ValidationIssue } from '../validation';
import { formatClockTime, MINUTES_PER_DAY } from './local-date-time';

/*
 * Office hours come in two sessions because appointments do (sáng / chiều, domain-vn §5.1).
 * Real hours vary by province and some switch between summer and winter [U, §5.1]; the only
 * hours found in a source are e-PAR's 07:30–11:30 and 13:30–16:00 [C-2]. The default below is
 * the common civil-service day (07:30–11:30, 13:30–17:00); the hub or settings should pass the
 * commune's own.
 */

/** A working session, in minutes since 00:00: [start, end). */
export interface WorkingPeriod {
  readonly start: number;
  readonly end: number;
}

/** The office day: a morning and an afternoon session, the morning ending before the afternoon starts. */
export interface OfficeHours {
  readonly morning: WorkingPeriod;
  readonly afternoon: WorkingPeriod;
}

/** Buổi sáng / buổi chiều. */
export type Session = 'morning' | 'afternoon';

/** 07:30–11:30 and 13:30–17:00 (unconfirmed for any given commune: pass the real hours). */
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  morning: { start: 7 * 60 + 30, end: 11 * 60 + 30 },
  afternoon: { start: 13 * 60 + 30, end: 17 * 60 },
};

/** Working minutes in one full working day. */
export function workingMinutesPerDay(hours: OfficeHours): number {
  return hours.morning.end - hours.morning.start + (hours.afternoon.end - hours.afternoon.start);
}

/** The two sessions in order; the deadline maths walks them. */
export function sessionsOf(hours: OfficeHours): readonly [WorkingPeriod, WorkingPeriod] {
  return [hours.morning, hours.afternoon];
}

/** True when `minutes` lies inside a session, both ends included (a due moment may be a session's end). */
export function isWithinOfficeHours(hours: OfficeHours, minutes: number): boolean {
  return sessionsOf(hours).some((p) => minutes >= p.start && minutes <= p.end);
}

/**
 * The problem with an office-hours setting, if any: values that are not whole minutes of a day,
 * or sessions that are empty, reversed or overlapping.
 */
export function checkOfficeHours(hours: OfficeHours): ValidationIssue | undefined {
  const { morning, afternoon } = hours;
  const values = [morning.start, morning.end, afternoon.start, afternoon.end];
  if (!values.every((v) => Number.isInteger(v) && v >= 0 && v < MINUTES_PER_DAY)) {
    return issue(
      'deadline.office-hours-value',
      'Giờ làm việc của cơ quan chưa đúng: mỗi mốc giờ phải là một giờ trong ngày, từ 00:00 đến 23:59. Hãy sửa trong phần cài đặt giờ làm việc.',
      'The office hours are wrong: each bound must be a time of day from 00:00 to 23:59. Fix them in the office-hours settings.',
      'officeHours',
    );
  }
  if (!(morning.start < morning.end && morning.end <= afternoon.start && afternoon.start < afternoon.end)) {
    const shown = `${formatClockTime(morning.start)}–${formatClockTime(morning.end)}, ${formatClockTime(afternoon.start)}–${formatClockTime(afternoon.end)}`;
    return issue(
      'deadline.office-hours-order',
      `Giờ làm việc "${shown}" chưa đúng: buổi sáng phải bắt đầu trước khi kết thúc, và kết thúc trước khi buổi chiều bắt đầu. Hãy sửa trong phần cài đặt giờ làm việc.`,
      `The office hours "${shown}" are wrong: the morning must start before it ends, and end before the afternoon starts. Fix them in the office-hours settings.`,
      'officeHours',
    );
  }
  return undefined;
}
