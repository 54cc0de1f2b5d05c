import { issue, type ValidationIssue } from '../validation';
import { formatClockTime } from './local-date-time';
import { isWithinOfficeHours, type OfficeHours } from './office-hours';

/*
 * The statutory time limits that occur at a commune counter (domain-vn §3.2, §5.1):
 * n working days (03, 05 …), half-days inside a procedure's steps (e-PAR: 0.5 day), "trong
 * ngày" with the 15:00 rule (chứng thực, bản sao trích lục), and "ngay" (immediately: khai sinh,
 * khai tử), which e-PAR returns within the session of receipt. Limits in working hours were not
 * found in the notes [U]; they are supported for procedures that state them. The union is the
 * one the procedure catalogue (src/shared/procedures/procedure.ts) stores.
 */

/** A procedure's processing time (thời hạn giải quyết). */
export type ProcessingTime =
  /**
   * Counted in sessions (§5.1, practice [C-2]): the session of receipt is not counted, and the
   * result is due at the end of the same session `days` working days later (morning → morning,
   * afternoon → afternoon); 0.5 moves one session (morning → that afternoon, afternoon → next
   * working morning). Steps of 0.5; 0 behaves as `immediate`.
   */
  | { readonly kind: 'working-days'; readonly days: number }
  /** Counted in working minutes from receipt; whole minutes. Not seen in the notes [U]. */
  | { readonly kind: 'working-hours'; readonly hours: number }
  /**
   * "Trong ngày" (§3.2): due at the end of the working day of receipt; received after
   * `cutoffMinutes` (since 00:00; default 15:00, NĐ 23/2015 Art. 7), due at the end of the next
   * working day.
   */
  | { readonly kind: 'same-day'; readonly cutoffMinutes?: number }
  /** "Ngay": due at the end of the session of receipt (e-PAR's 0-day rule, §5.1 [C-2]). */
  | { readonly kind: 'immediate' };

/** 15:00: NĐ 23/2015 Art. 7, TT 01/2020/TT-BTP Art. 2 (domain-vn §5.1). */
export const DEFAULT_SAME_DAY_CUTOFF = 15 * 60;

/** Bounds typing slips (300 for 30) and runaway loops; no commune procedure comes near a year. */
export const MAX_WORKING_DAYS = 365;
/** The same bound for limits in hours: a year of eight-hour days. */
export const MAX_WORKING_HOURS = MAX_WORKING_DAYS * 8;

const FIX_CATALOGUE_VI = 'Hãy sửa thời hạn giải quyết của thủ tục trong danh mục (hoặc báo quản trị viên).';
const FIX_CATALOGUE_EN = "Correct the procedure's processing time in the catalogue (or tell the administrator).";
const viNumber = (n: number): string => String(n).replace('.', ',');

function fail(code: string, field: string, vi: string, en: string): ValidationIssue {
  return issue(code, `${vi} ${FIX_CATALOGUE_VI}`, `${en} ${FIX_CATALOGUE_EN}`, field);
}

function checkDays(days: number): ValidationIssue | undefined {
  const field = 'processing.days';
  if (typeof days !== 'number' || !Number.isFinite(days)) {
    return fail('deadline.days-not-number', field, 'Số ngày làm việc chưa được nhập hoặc không phải là số.', 'The number of working days is missing or not a number.');
  }
  if (days < 0) {
    return fail('deadline.days-negative', field, `Số ngày làm việc không thể âm (đang là ${viNumber(days)}).`, `The number of working days cannot be negative (it is ${days}).`);
  }
  if (!Number.isInteger(days * 2)) {
    return fail(
      'deadline.days-not-half-day',
      field,
      `Số ngày làm việc ${viNumber(days)} không hợp lệ: chỉ tính theo nửa ngày (buổi), ví dụ 0,5; 1; 1,5; 3.`,
      `${days} working days is not valid: days are counted in half-days (sessions), e.g. 0.5, 1, 1.5, 3.`,
    );
  }
  if (days > MAX_WORKING_DAYS) {
    return fail('deadline.days-too-large', field, `Số ngày làm việc ${days} quá lớn (tối đa ${MAX_WORKING_DAYS}).`, `${days} working days is too many (at most ${MAX_WORKING_DAYS}).`);
  }
  return undefined;
}

function checkHours(hours: number): ValidationIssue | undefined {
  const field = 'processing.hours';
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) {
    return fail('deadline.hours-not-positive', field, 'Số giờ làm việc phải là một số lớn hơn 0.', 'The number of working hours must be a number greater than 0.');
  }
  if (!Number.isInteger(Math.round(hours * 60 * 1e6) / 1e6)) {
    return fail(
      'deadline.hours-not-whole-minutes',
      field,
      `Số giờ làm việc ${viNumber(hours)} không quy ra được số phút tròn (ví dụ 4 hoặc 1,5 giờ).`,
      `${hours} working hours is not a whole number of minutes (e.g. 4 or 1.5 hours).`,
    );
  }
  if (hours > MAX_WORKING_HOURS) {
    return fail('deadline.hours-too-large', field, `Số giờ làm việc ${viNumber(hours)} quá lớn (tối đa ${MAX_WORKING_HOURS}).`, `${hours} working hours is too many (at most ${MAX_WORKING_HOURS}).`);
  }
  return undefined;
}

function checkCutoff(cutoff: number, hours: OfficeHours): ValidationIssue | undefined {
  const field = 'processing.cutoffMinutes';
  if (typeof cutoff !== 'number' || !Number.isInteger(cutoff)) {
    return fail('deadline.cutoff-invalid', field, 'Giờ chốt nhận hồ sơ trong ngày phải là một giờ:phút (ví dụ 15:00).', 'The same-day cut-off must be a time of day (e.g. 15:00).');
  }
  if (!isWithinOfficeHours(hours, cutoff)) {
    const shown = cutoff >= 0 && cutoff < 1440 ? formatClockTime(cutoff) : String(cutoff);
    const sessions = `${formatClockTime(hours.morning.start)}–${formatClockTime(hours.morning.end)}, ${formatClockTime(hours.afternoon.start)}–${formatClockTime(hours.afternoon.end)}`;
    return fail(
      'deadline.cutoff-outside-hours',
      field,
      `Giờ chốt nhận hồ sơ trong ngày ${shown} nằm ngoài giờ làm việc (${sessions}).`,
      `The same-day cut-off ${shown} is outside office hours (${sessions}).`,
    );
  }
  return undefined;
}

/** The problem with a processing time under the given (already checked) office hours, if any. */
export function checkProcessingTime(processing: ProcessingTime, hours: OfficeHours): ValidationIssue | undefined {
  switch (processing.kind) {
    case 'working-days':
      return checkDays(processing.days);
    case 'working-hours':
      return checkHours(processing.hours);
    case 'same-day':
      return processing.cutoffMinutes === undefined ? undefined : checkCutoff(processing.cutoffMinutes, hours);
    case 'immediate':
      return undefined;
    default: {
      // The catalogue arrives from the hub as JSON, so a kind this version does not know can reach here.
      const raw: unknown = (processing as { readonly kind?: unknown }).kind;
      const kind = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? 'undefined');
      return fail(
        'deadline.unknown-processing-kind',
        'processing.kind',
        `Không nhận ra loại thời hạn "${kind}" (chỉ có: ngày làm việc, giờ làm việc, trong ngày, ngay).`,
        `Unknown kind of processing time "${kind}" (known: working-days, working-hours, same-day, immediate).`,
      );
    }
  }
}
