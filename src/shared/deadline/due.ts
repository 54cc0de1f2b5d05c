import { formatVietnameseDate } from '../calendar/civil-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { issue, type Validated, type ValidationIssue } from '../validation';
import { DeadlineError, throwIfIssue } from './deadline-error';
import { checkLocalDateTime, compareLocalDateTimes, formatClockTime, type LocalDateTime } from './local-date-time';
import { checkOfficeHours, DEFAULT_OFFICE_HOURS, type OfficeHours, type Session } from './office-hours';
import { checkProcessingTime, DEFAULT_SAME_DAY_CUTOFF, type ProcessingTime } from './processing-time';
import { addWorkingDays, addWorkingMinutes, firstOpenMoment, nextWorkingDay, workingMinutesBetween } from './working-time';

/*
 * The appointment (hẹn trả) of a dossier, domain-vn §5.1:
 * - received outside office hours or on a day off → received when the office next opens;
 * - the day of receipt is not counted (BLDS 2015 Art. 147.2); at the half-day precision of
 *   practice, the session of receipt is not counted, and the due moment keeps the session;
 * - only working days and office hours count, so a due moment never falls on a day off
 *   (Art. 148.5) nor outside office hours;
 * - clock stops (§1.5: supplement, payment — "tạm dừng") either pause the count, which resumes
 *   with the working time that was left, or restart it as if the dossier were received anew when
 *   the stop ends. Which one a supplement does is unconfirmed (§9.2); the caller decides per stop.
 */

/**
 * `pause`: the remaining working time continues when the clock resumes (e-PAR pause/unpause).
 * `restart`: when the stop ends the dossier counts as newly received, with its full time.
 */
export type ClockStopEffect = 'pause' | 'restart';

/** An interval during which the clock did not run; no `to` means it is stopped now. */
export interface ClockStop {
  readonly from: LocalDateTime;
  readonly to?: LocalDateTime;
  /** Default `pause`. */
  readonly effect?: ClockStopEffect;
}

/** What computeDue needs to know about a dossier. */
export interface DueInput {
  /** When the complete dossier was handed in, office wall clock. */
  readonly receivedAt: LocalDateTime;
  readonly processing: ProcessingTime;
  readonly calendar: WorkingCalendar;
  /** Default DEFAULT_OFFICE_HOURS. */
  readonly officeHours?: OfficeHours;
  /** In any order; they may not overlap, start before receipt, and only the latest may be open. */
  readonly stops?: readonly ClockStop[];
}

/** The appointment while the clock runs (or has run out), or the stopped state while a stop is open. */
export type DueResult =
  | {
      readonly state: 'running';
      /** The appointment. */
      readonly due: LocalDateTime;
      /** When the count began (after the last restart, if any): the due moment is the processing time after it, plus paused time. */
      readonly clockStart: LocalDateTime;
      /** The appointment as it was at receipt, before any stop: the date printed on the first slip. */
      readonly initialDue: LocalDateTime;
    }
  | {
      readonly state: 'stopped';
      /** Start of the open stop. */
      readonly since: LocalDateTime;
      /** Working minutes left when the clock resumes; null when it will restart from the full time. */
      readonly remainingMinutes: number | null;
      readonly initialDue: LocalDateTime;
    };

interface Clock {
  readonly start: LocalDateTime;
  readonly due: LocalDateTime;
  /** Working minutes from start to due. */
  readonly budget: number;
}

interface Context {
  readonly calendar: WorkingCalendar;
  readonly hours: OfficeHours;
}

/** The session a moment inside office hours belongs to. */
const sessionOf = (hours: OfficeHours, open: LocalDateTime): Session => (open.minutes < hours.morning.end ? 'morning' : 'afternoon');

/** Session `steps` half-days after the given one, as the end of that session. */
function shiftSessions(ctx: Context, from: LocalDateTime, session: Session, steps: number): LocalDateTime {
  let day = from.date;
  let target = session;
  if (steps % 2 === 1) {
    if (session === 'morning') target = 'afternoon';
    else {
      target = 'morning';
      day = nextWorkingDay(day, ctx.calendar);
    }
  }
  day = addWorkingDays(day, Math.floor(steps / 2), ctx.calendar);
  return { date: day, minutes: ctx.hours[target].end };
}

function startClock(ctx: Context, at: LocalDateTime, processing: ProcessingTime): Clock {
  const { calendar, hours } = ctx;
  const open = firstOpenMoment(at, calendar, hours);
  const clock = (start: LocalDateTime, due: LocalDateTime): Clock => ({ start, due, budget: workingMinutesBetween(start, due, calendar, hours) });
  const session = sessionOf(hours, open);
  const sessionEnd: LocalDateTime = { date: open.date, minutes: hours[session].end };
  switch (processing.kind) {
    case 'working-hours': {
      const budget = Math.round(processing.hours * 60);
      return { start: open, due: addWorkingMinutes(open, budget, calendar, hours), budget };
    }
    case 'same-day': {
      const cutoff = processing.cutoffMinutes ?? DEFAULT_SAME_DAY_CUTOFF;
      const start = open.minutes <= cutoff ? open : { date: nextWorkingDay(open.date, calendar), minutes: hours.morning.start };
      return clock(start, { date: start.date, minutes: hours.afternoon.end });
    }
    case 'immediate':
      return clock(open, sessionEnd);
    case 'working-days':
      if (processing.days === 0) return clock(open, sessionEnd);
      // The session of receipt is not counted: the clock starts when it ends.
      return clock(sessionEnd, shiftSessions(ctx, open, session, processing.days * 2));
  }
}

/** Walks the pauses after the clock started, consuming the budget in the working time between them. */
function runClock(ctx: Context, clock: Clock, pauses: readonly ClockStop[], initialDue: LocalDateTime): DueResult {
  let cursor = clock.start;
  let left = clock.budget;
  let paused = false;
  for (const stop of pauses) {
    if (stop.to !== undefined && compareLocalDateTimes(stop.to, cursor) <= 0) continue;
    const from = compareLocalDateTimes(stop.from, cursor) > 0 ? stop.from : cursor;
    const before = workingMinutesBetween(cursor, from, ctx.calendar, ctx.hours);
    if (before >= left) break;
    left -= before;
    if (stop.to === undefined) return { state: 'stopped', since: stop.from, remainingMinutes: left, initialDue };
    cursor = stop.to;
    paused = true;
  }
  const due = paused ? addWorkingMinutes(cursor, left, ctx.calendar, ctx.hours) : clock.due;
  return { state: 'running', due, clockStart: clock.start, initialDue };
}

const describeMoment = (t: LocalDateTime): string => `${formatClockTime(t.minutes)} ${formatVietnameseDate(t.date)}`;

function checkStop(stop: ClockStop, index: number, receivedAt: LocalDateTime): ValidationIssue | undefined {
  const field = `stops.${index}`;
  const problem = checkLocalDateTime(stop.from, `${field}.from`) ?? (stop.to === undefined ? undefined : checkLocalDateTime(stop.to, `${field}.to`));
  if (problem !== undefined) return problem;
  if (stop.effect !== undefined && stop.effect !== 'pause' && stop.effect !== 'restart') {
    return issue(
      'deadline.unknown-stop-effect',
      'Không nhận ra cách dừng tính thời hạn của hồ sơ (chỉ có: tạm dừng, tính lại từ đầu). Hãy báo bộ phận hỗ trợ.',
      'Unknown effect of a clock stop (known: pause, restart). Contact support.',
      `${field}.effect`,
    );
  }
  if (stop.to !== undefined && compareLocalDateTimes(stop.to, stop.from) < 0) {
    return issue(
      'deadline.stop-ends-before-start',
      `Thời gian dừng tính hạn kết thúc (${describeMoment(stop.to)}) trước khi bắt đầu (${describeMoment(stop.from)}). Hãy kiểm tra lại ngày giờ yêu cầu bổ sung / tạm dừng và ngày giờ tiếp tục.`,
      `A clock stop ends (${describeMoment(stop.to)}) before it starts (${describeMoment(stop.from)}). Check the dates of the supplement request or pause and of the resumption.`,
      `${field}.to`,
    );
  }
  if (compareLocalDateTimes(stop.from, receivedAt) < 0) {
    return issue(
      'deadline.stop-before-receipt',
      `Hồ sơ được tiếp nhận lúc ${describeMoment(receivedAt)} nhưng có lần dừng tính hạn từ ${describeMoment(stop.from)}, trước khi tiếp nhận. Hãy kiểm tra lại ngày giờ tiếp nhận và ngày giờ dừng.`,
      `The dossier was received at ${describeMoment(receivedAt)} but a clock stop starts at ${describeMoment(stop.from)}, before receipt. Check the receipt and stop dates.`,
      `${field}.from`,
    );
  }
  return undefined;
}

/** Checks every stop and returns them in time order; throws DeadlineError on the first problem. */
function orderedStops(stops: readonly ClockStop[], receivedAt: LocalDateTime): readonly ClockStop[] {
  stops.forEach((stop, index) => throwIfIssue(checkStop(stop, index, receivedAt)));
  const sorted = [...stops].sort((a, b) => compareLocalDateTimes(a.from, b.from));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const next = sorted[i];
    if (prev === undefined || next === undefined) continue;
    if (prev.to === undefined || compareLocalDateTimes(next.from, prev.to) < 0) {
      const until = prev.to === undefined ? 'nay' : describeMoment(prev.to);
      throw new DeadlineError(
        issue(
          'deadline.stops-overlap',
          `Hai lần dừng tính hạn chồng lên nhau (từ ${describeMoment(prev.from)} đến ${until}, và từ ${describeMoment(next.from)}). Mỗi lần dừng phải kết thúc trước lần sau; chỉ lần cuối cùng được để trống ngày tiếp tục.`,
          `Two clock stops overlap (from ${describeMoment(prev.from)} to ${prev.to === undefined ? 'now' : describeMoment(prev.to)}, and from ${describeMoment(next.from)}). Each stop must end before the next; only the last may be open.`,
          'stops',
        ),
      );
    }
  }
  return sorted;
}

/**
 * The appointment for a dossier, or the stopped state when a stop is open. A stop opened after
 * the due moment does not stop a late dossier: the result stays running (and overdue). Throws
 * DeadlineError (with a Vietnamese and an English message) on invalid moments, processing time,
 * office hours or stops, and on a calendar without working days. Never reads the clock.
 */
export function computeDue(input: DueInput): DueResult {
  const { receivedAt, processing, calendar } = input;
  const hours = input.officeHours ?? DEFAULT_OFFICE_HOURS;
  throwIfIssue(checkOfficeHours(hours) ?? checkLocalDateTime(receivedAt, 'receivedAt') ?? checkProcessingTime(processing, hours));
  const stops = orderedStops(input.stops ?? [], receivedAt);
  const ctx: Context = { calendar, hours };

  const initial = startClock(ctx, receivedAt, processing);
  const lastRestart = stops.findLastIndex((s) => s.effect === 'restart');
  const restart = lastRestart >= 0 ? stops[lastRestart] : undefined;
  if (restart === undefined) return runClock(ctx, initial, stops, initial.due);
  if (restart.to === undefined) return { state: 'stopped', since: restart.from, remainingMinutes: null, initialDue: initial.due };
  return runClock(ctx, startClock(ctx, restart.to, processing), stops.slice(lastRestart + 1), initial.due);
}

/** computeDue for callers that prefer a value to an exception (forms, the catalogue editor). */
export function tryComputeDue(input: DueInput): Validated<DueResult> {
  try {
    return { ok: true, value: computeDue(input) };
  } catch (error) {
    if (error instanceof DeadlineError) return { ok: false, error: error.issue };
    throw error;
  }
}
