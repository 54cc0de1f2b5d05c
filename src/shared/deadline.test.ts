import { describe, expect, it } from 'vitest';
import { dayOfWeek, formatIsoDate, type CivilDate } from './calendar/civil-date';
import type { WorkingCalendar } from './calendar/working-calendar';
import {
  computeDue,
  tryComputeDue,
  DeadlineError,
  formatLocalDateTime,
  formatVietnameseDateTime,
  localDateTimeFromEpochMs,
  localDateTimeToEpochMs,
  parseLocalDateTime,
  queueStatus,
  remainingWorkingTime,
  type ClockStop,
  type DueResult,
  type LocalDateTime,
  type ProcessingTime,
} from './deadline';
import type { ProcessingTime as CatalogueProcessingTime } from './procedures/procedure';

/*
 * Worked examples over a table calendar for 2026 (domain-vn §5.2): weekends plus the days
 * below. The real table comes from the hub; this one only has to be plausible.
 */
const HOLIDAYS_2026 = [
  '2026-01-01', '2026-01-02',
  '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', // Tết Bính Ngọ, break Sat 14 – Sun 22/02
  '2026-04-27', '2026-04-30', '2026-05-01',
  '2026-09-01', '2026-09-02',
];

function tableCalendar(holidays: readonly string[], workingWeekendDays: readonly string[] = []): WorkingCalendar {
  const off = new Set(holidays);
  const worked = new Set(workingWeekendDays);
  return {
    isDayOff: (date: CivilDate) => {
      const iso = formatIsoDate(date);
      const weekday = dayOfWeek(date);
      return off.has(iso) || ((weekday === 0 || weekday === 6) && !worked.has(iso));
    },
  };
}

const CALENDAR = tableCalendar(HOLIDAYS_2026);
/** With the pending 12th holiday, 24/11 Ngày Văn hóa Việt Nam (§5.2, not law as of Feb 2026). */
const CALENDAR_WITH_24_11 = tableCalendar([...HOLIDAYS_2026, '2026-11-24']);

const at = (text: string): LocalDateTime => {
  const parsed = parseLocalDateTime(text);
  if (!parsed.ok) throw new Error(`bad test moment ${text}`);
  return parsed.value;
};

const days = (n: number): ProcessingTime => ({ kind: 'working-days', days: n });
const hours = (n: number): ProcessingTime => ({ kind: 'working-hours', hours: n });
const sameDay = (cutoffMinutes?: number): ProcessingTime => (cutoffMinutes === undefined ? { kind: 'same-day' } : { kind: 'same-day', cutoffMinutes });
const immediate: ProcessingTime = { kind: 'immediate' };

function dueOf(receivedAt: string, processing: ProcessingTime, stops: readonly ClockStop[] = [], calendar = CALENDAR): string {
  const result = computeDue({ receivedAt: at(receivedAt), processing, calendar, stops });
  return result.state === 'running' ? formatLocalDateTime(result.due) : `stopped since ${formatLocalDateTime(result.since)}`;
}

const pause = (from: string, to?: string): ClockStop => (to === undefined ? { from: at(from) } : { from: at(from), to: at(to) });
const restart = (from: string, to?: string): ClockStop => ({ ...pause(from, to), effect: 'restart' });

describe('computeDue: worked examples', () => {
  it.each([
    // §5.1 worked examples [V]
    ['§5.1: Wed 29/04 morning, 3 days over 30/4, 1/5 and a weekend', '2026-04-29T10:00', days(3), '2026-05-06T11:30'],
    ['§5.1: Fri 13/02 afternoon, 5 days over the Tết break', '2026-02-13T14:00', days(5), '2026-02-27T17:00'],
    ['§5.1: same-day attestation Fri 13/02 15:20 → Mon 23/02', '2026-02-13T15:20', sameDay(), '2026-02-23T17:00'],
    // Friday afternoon, 3 working days: Mon, Tue, Wed; the Friday is not counted
    ['Friday afternoon, 3 days', '2026-11-20T14:05', days(3), '2026-11-25T17:00'],
    ['Friday morning, 3 days', '2026-11-20T08:00', days(3), '2026-11-25T11:30'],
    // Tết 2026 = 17/02 (§5.4); the eve (16/02) is inside the break, so the dossier counts from Mon 23/02
    ['last working day before Tết, 1 day', '2026-02-13T10:00', days(1), '2026-02-23T11:30'],
    ['on the eve of Tết (online, a day off), 3 days', '2026-02-16T21:00', days(3), '2026-02-26T11:30'],
    ['on the eve of Tết, same-day', '2026-02-16T09:00', sameDay(), '2026-02-23T17:00'],
    // Saturday counts as received at Monday 07:30, and Monday is then the day of receipt
    ['Saturday, 3 days', '2026-11-21T09:00', days(3), '2026-11-26T11:30'],
    ['Saturday, same-day', '2026-11-21T09:00', sameDay(), '2026-11-23T17:00'],
    ['after hours on Friday, 1 day', '2026-11-20T17:00', days(1), '2026-11-24T11:30'],
    ['before opening, 1 day', '2026-11-23T06:45', days(1), '2026-11-24T11:30'],
    // Same day and the 15:00 cut-off (NĐ 23/2015 Art. 7)
    ['same-day at 14:59', '2026-11-23T14:59', sameDay(), '2026-11-23T17:00'],
    ['same-day at 15:00 is not after the cut-off', '2026-11-23T15:00', sameDay(), '2026-11-23T17:00'],
    ['same-day at 15:01', '2026-11-23T15:01', sameDay(), '2026-11-24T17:00'],
    ['same-day received at lunch', '2026-11-23T12:10', sameDay(), '2026-11-23T17:00'],
    ['same-day with a 16:00 cut-off at 15:30', '2026-11-23T15:30', sameDay(16 * 60), '2026-11-23T17:00'],
    ['same-day with an 11:00 cut-off at 11:05', '2026-11-23T11:05', sameDay(11 * 60), '2026-11-24T17:00'],
    ['same-day after the cut-off on Friday', '2026-11-20T15:40', sameDay(), '2026-11-23T17:00'],
    // Half-days and sessions around lunch (§5.1 practice)
    ['0.5 day, morning → that afternoon', '2026-11-23T10:00', days(0.5), '2026-11-23T17:00'],
    ['0.5 day, 11:29 is still the morning', '2026-11-23T11:29', days(0.5), '2026-11-23T17:00'],
    ['0.5 day, 11:30 is the afternoon', '2026-11-23T11:30', days(0.5), '2026-11-24T11:30'],
    ['0.5 day, received at lunch → next morning', '2026-11-23T12:15', days(0.5), '2026-11-24T11:30'],
    ['0.5 day, afternoon → next working morning', '2026-11-23T14:00', days(0.5), '2026-11-24T11:30'],
    ['0.5 day, Friday afternoon → Monday morning', '2026-11-20T14:00', days(0.5), '2026-11-23T11:30'],
    ['1.5 days, morning', '2026-11-23T09:00', days(1.5), '2026-11-24T17:00'],
    ['1.5 days, afternoon', '2026-11-23T14:00', days(1.5), '2026-11-25T11:30'],
    ['"ngay", morning → that morning', '2026-11-23T09:00', immediate, '2026-11-23T11:30'],
    ['"ngay", afternoon → that afternoon', '2026-11-23T14:00', immediate, '2026-11-23T17:00'],
    ['"ngay" after hours → next working morning', '2026-11-20T17:10', immediate, '2026-11-23T11:30'],
    ['0 days behaves as "ngay"', '2026-11-23T14:00', days(0), '2026-11-23T17:00'],
    ['4 working hours across lunch', '2026-11-23T10:00', hours(4), '2026-11-23T16:00'],
    ['4 working hours across the night', '2026-11-23T15:00', hours(4), '2026-11-24T09:30'],
    ['4 working hours ending exactly at 11:30', '2026-11-23T07:30', hours(4), '2026-11-23T11:30'],
    ['1.5 working hours from lunch', '2026-11-23T12:00', hours(1.5), '2026-11-23T15:00'],
    // Quốc khánh: 1/9 and 2/9 are off in this table
    ['due would be 2/9 → 3/9', '2026-08-28T09:00', days(2), '2026-09-03T11:30'],
    ['due would be 1/9 → 3/9', '2026-08-28T14:00', days(1.5), '2026-09-03T11:30'],
    ['0.5 day on Mon 31/8 afternoon → Thu 3/9 morning', '2026-08-31T14:00', days(0.5), '2026-09-03T11:30'],
  ])('%s', (_name, receivedAt, processing, expected) => {
    expect(dueOf(receivedAt, processing)).toBe(expected);
  });

  it('moves with the calendar: 24/11/2026 as a holiday (pending, §5.2) adds a day', () => {
    expect(dueOf('2026-11-20T14:05', days(3), [], CALENDAR_WITH_24_11)).toBe('2026-11-26T17:00');
  });

  it('counts a swapped working Saturday as a working day', () => {
    const calendar = tableCalendar(['2026-05-04'], ['2026-05-09']);
    expect(dueOf('2026-05-08T09:00', days(1), [], calendar)).toBe('2026-05-09T11:30');
  });

  it('reads processing times in the shape the procedure catalogue stores them', () => {
    const fromCatalogue: CatalogueProcessingTime = { kind: 'same-day', cutoffMinutes: 15 * 60 };
    const processing: ProcessingTime = fromCatalogue;
    expect(dueOf('2026-11-23T15:01', processing)).toBe('2026-11-24T17:00');
  });

  it('reports the initial due moment and when the clock started', () => {
    const result = computeDue({ receivedAt: at('2026-11-23T09:00'), processing: days(3), calendar: CALENDAR });
    expect(result).toEqual({ state: 'running', due: at('2026-11-26T11:30'), clockStart: at('2026-11-23T11:30'), initialDue: at('2026-11-26T11:30') });
  });
});

describe('computeDue: clock stops', () => {
  // Received Mon 23/11 09:00, 3 working days → Thu 26/11 11:30 without stops.
  const receivedAt = '2026-11-23T09:00';

  it.each<[string, readonly ClockStop[], string]>([
    ['a supplement pause of one working day adds one working day', [pause('2026-11-24T10:00', '2026-11-25T10:00')], '2026-11-27T11:30'],
    ['a pause of two working hours adds them (11:30 + 2h across lunch)', [pause('2026-11-24T10:00', '2026-11-24T14:00')], '2026-11-26T15:30'],
    ['a pause ending after hours only costs the office time it covered', [pause('2026-11-24T16:00', '2026-11-24T19:00')], '2026-11-26T14:30'],
    ['a pause inside the session of receipt changes nothing: it is not counted', [pause('2026-11-23T09:30', '2026-11-23T11:00')], '2026-11-26T11:30'],
    ['a pause after the due moment changes nothing', [pause('2026-11-26T14:00', '2026-11-27T09:00')], '2026-11-26T11:30'],
    ['pauses are read in any order', [pause('2026-11-25T08:00', '2026-11-25T09:00'), pause('2026-11-24T08:00', '2026-11-24T08:30')], '2026-11-26T15:00'],
    ['a restart counts the dossier as received anew when the supplement arrives', [restart('2026-11-24T10:00', '2026-11-25T10:00')], '2026-11-30T11:30'],
    ['a restart in the afternoon keeps the afternoon session', [restart('2026-11-24T10:00', '2026-11-25T14:00')], '2026-11-30T17:00'],
    ['pauses before a restart do not matter, pauses after it do', [pause('2026-11-23T14:00', '2026-11-24T14:00'), restart('2026-11-24T15:00', '2026-11-25T10:00'), pause('2026-11-26T07:30', '2026-11-27T07:30')], '2026-12-01T11:30'],
    ['an open stop after the due moment leaves the dossier late, not stopped', [pause('2026-11-27T08:00')], '2026-11-26T11:30'],
  ])('%s', (_name, stops, expected) => {
    expect(dueOf(receivedAt, days(3), stops)).toBe(expected);
  });

  it('a pause in a "ngay" dossier adds the paused office time', () => {
    expect(dueOf('2026-11-23T09:00', immediate, [pause('2026-11-23T10:00', '2026-11-23T14:00')])).toBe('2026-11-23T15:30');
  });

  it('a pause in a same-day dossier pushes the due moment into the next day', () => {
    expect(dueOf('2026-11-23T09:00', sameDay(), [pause('2026-11-23T14:00', '2026-11-23T16:00')])).toBe('2026-11-24T09:30');
  });

  it('an open pause leaves the dossier stopped with the working time that is left', () => {
    const result = computeDue({ receivedAt: at(receivedAt), processing: days(3), calendar: CALENDAR, stops: [pause('2026-11-24T10:00')] });
    // Budget 3 × 450 from Mon 11:30; Mon afternoon (210) and Tue 07:30–10:00 (150) are used.
    expect(result).toEqual({ state: 'stopped', since: at('2026-11-24T10:00'), remainingMinutes: 3 * 450 - 360, initialDue: at('2026-11-26T11:30') });
  });

  it('an open restart leaves the dossier stopped with no remaining time to report', () => {
    const result = computeDue({ receivedAt: at(receivedAt), processing: days(3), calendar: CALENDAR, stops: [restart('2026-11-24T10:00')] });
    expect(result).toMatchObject({ state: 'stopped', remainingMinutes: null });
  });
});

describe('remainingWorkingTime and queueStatus', () => {
  const due = at('2026-11-26T11:30');
  const running: DueResult = { state: 'running', due, clockStart: at('2026-11-23T11:30'), initialDue: due };
  const stopped: DueResult = { state: 'stopped', since: at('2026-11-24T10:00'), remainingMinutes: 990, initialDue: due };

  it.each([
    ['2026-11-23T09:00', 150 + 210 + 2 * 450 + 240],
    ['2026-11-26T11:30', 0],
    ['2026-11-26T13:00', 0],
    ['2026-11-26T14:00', -30],
    ['2026-11-27T08:30', -(210 + 60)],
  ])('at %s, %i working minutes are left', (now, minutes) => {
    const left = remainingWorkingTime(at(now), due, CALENDAR);
    expect(left.minutes).toBe(minutes);
    expect(left.workingDays).toBeCloseTo(minutes / 450, 10);
  });

  it.each([
    ['2026-11-26T13:00', 'overdue'],
    ['2026-11-26T11:31', 'overdue'],
    ['2026-11-26T11:30', 'due-today'],
    ['2026-11-26T06:00', 'due-today'],
    ['2026-11-25T11:30', 'due-soon'],
    ['2026-11-25T11:00', 'on-track'],
    ['2026-11-23T09:00', 'on-track'],
  ])('at %s the dossier is %s', (now, status) => {
    expect(queueStatus(at(now), running, CALENDAR)).toBe(status);
    expect(queueStatus(at(now), due, CALENDAR)).toBe(status);
  });

  it('counts "soon" in working time, so a weekend does not use it up', () => {
    expect(queueStatus(at('2026-11-28T10:00'), at('2026-11-30T11:30'), CALENDAR)).toBe('due-soon');
    expect(queueStatus(at('2026-11-28T10:00'), at('2026-11-30T11:30'), CALENDAR, { soonWorkingDays: 0.5 })).toBe('on-track');
    expect(queueStatus(at('2026-11-23T09:00'), due, CALENDAR, { soonWorkingDays: 5 })).toBe('due-soon');
  });

  it('reports a stopped clock whatever the time', () => {
    expect(queueStatus(at('2026-12-31T10:00'), stopped, CALENDAR)).toBe('stopped');
  });
});

describe('local date-time helpers', () => {
  it('formats for slips in Vietnamese', () => {
    expect(formatVietnameseDateTime(at('2026-11-23T14:05'))).toBe('14 giờ 05 phút, ngày 23/11/2026');
    expect(formatVietnameseDateTime(at('2026-01-05T07:30'))).toBe('07 giờ 30 phút, ngày 05/01/2026');
  });

  it('reads ISO local times, dropping seconds and accepting only the +07:00 offset', () => {
    expect(at('2026-11-23T14:05')).toEqual({ date: { year: 2026, month: 11, day: 23 }, minutes: 845 });
    expect(at(' 2026-11-23 14:05:59 ')).toEqual(at('2026-11-23T14:05'));
    expect(at('2026-11-23T14:05:00.000+07:00')).toEqual(at('2026-11-23T14:05'));
    for (const bad of ['2026-11-23T14:05Z', '2026-11-23T14:05+08:00', '2026-02-30T10:00', '2026-11-23T24:00', '2026-11-23T10:60', '2026-11-23', '23/11/2026 14:05', '']) {
      const result = parseLocalDateTime(bad, { field: 'receivedAt' });
      expect(result).toMatchObject({ ok: false, error: { code: 'deadline.invalid-iso', field: 'receivedAt' } });
    }
  });

  it('converts to and from UTC instants at +07:00', () => {
    expect(localDateTimeFromEpochMs(Date.UTC(2026, 10, 23, 7, 5, 59))).toEqual(at('2026-11-23T14:05'));
    expect(localDateTimeFromEpochMs(Date.UTC(2026, 10, 22, 17, 0))).toEqual(at('2026-11-23T00:00'));
    expect(localDateTimeFromEpochMs(Date.UTC(1969, 11, 31, 16, 59, 30))).toEqual(at('1969-12-31T23:59'));
    expect(localDateTimeToEpochMs(at('2026-11-23T14:05'))).toBe(Date.UTC(2026, 10, 23, 7, 5));
  });
});

describe('input validation', () => {
  const base = { receivedAt: at('2026-11-23T09:00'), processing: days(3), calendar: CALENDAR };
  const codeOf = (run: () => unknown): { code: string; field: string | undefined; vi: string; en: string } => {
    try {
      run();
    } catch (error) {
      if (!(error instanceof DeadlineError)) throw error;
      return { code: error.issue.code, field: error.issue.field, vi: error.issue.message.vi, en: error.issue.message.en };
    }
    throw new Error('expected a DeadlineError');
  };
  const due = (extra: object) => () => computeDue({ ...base, ...extra });
  const moment = (year: number, month: number, day: number, minutes: number) => ({ date: { year, month, day }, minutes });

  it('tryComputeDue returns the issue instead of throwing, and passes other errors on', () => {
    expect(tryComputeDue(base)).toEqual({ ok: true, value: computeDue(base) });
    expect(tryComputeDue({ ...base, processing: days(-1) })).toMatchObject({ ok: false, error: { code: 'deadline.days-negative' } });
    const broken: WorkingCalendar = {
      isDayOff: () => {
        throw new TypeError('calendar not loaded');
      },
    };
    expect(() => tryComputeDue({ ...base, calendar: broken })).toThrow(TypeError);
  });

  it.each<[string, () => unknown, string, string | undefined]>([
    ['receipt on a date that does not exist', due({ receivedAt: moment(2026, 2, 30, 600) }), 'deadline.invalid-moment', 'receivedAt'],
    ['receipt at 24:00', due({ receivedAt: moment(2026, 2, 3, 1440) }), 'deadline.invalid-moment', 'receivedAt'],
    ['receipt at a fraction of a minute', due({ receivedAt: moment(2026, 2, 3, 600.5) }), 'deadline.invalid-moment', 'receivedAt'],
    ['negative days', due({ processing: days(-1) }), 'deadline.days-negative', 'processing.days'],
    ['days not a number', due({ processing: days(Number.NaN) }), 'deadline.days-not-number', 'processing.days'],
    ['infinite days', due({ processing: days(Number.POSITIVE_INFINITY) }), 'deadline.days-not-number', 'processing.days'],
    ['days not in half-days', due({ processing: days(1.25) }), 'deadline.days-not-half-day', 'processing.days'],
    ['too many days', due({ processing: days(366) }), 'deadline.days-too-large', 'processing.days'],
    ['zero hours', due({ processing: hours(0) }), 'deadline.hours-not-positive', 'processing.hours'],
    ['negative hours', due({ processing: hours(-4) }), 'deadline.hours-not-positive', 'processing.hours'],
    ['hours not a number', due({ processing: hours(Number.NaN) }), 'deadline.hours-not-positive', 'processing.hours'],
    ['hours with a fraction of a minute', due({ processing: hours(0.01) }), 'deadline.hours-not-whole-minutes', 'processing.hours'],
    ['too many hours', due({ processing: hours(3000) }), 'deadline.hours-too-large', 'processing.hours'],
    ['cut-off at lunch', due({ processing: sameDay(12 * 60) }), 'deadline.cutoff-outside-hours', 'processing.cutoffMinutes'],
    ['cut-off after closing', due({ processing: sameDay(18 * 60) }), 'deadline.cutoff-outside-hours', 'processing.cutoffMinutes'],
    ['cut-off before opening', due({ processing: sameDay(6 * 60) }), 'deadline.cutoff-outside-hours', 'processing.cutoffMinutes'],
    ['negative cut-off', due({ processing: sameDay(-5) }), 'deadline.cutoff-outside-hours', 'processing.cutoffMinutes'],
    ['cut-off not a whole minute', due({ processing: sameDay(900.5) }), 'deadline.cutoff-invalid', 'processing.cutoffMinutes'],
    ['unknown kind of processing time', due({ processing: { kind: 'calendar-days', days: 3 } }), 'deadline.unknown-processing-kind', 'processing.kind'],
    ['office hours not whole minutes', due({ officeHours: { morning: { start: 450.5, end: 690 }, afternoon: { start: 810, end: 1020 } } }), 'deadline.office-hours-value', 'officeHours'],
    ['office hours past midnight', due({ officeHours: { morning: { start: 450, end: 690 }, afternoon: { start: 810, end: 1440 } } }), 'deadline.office-hours-value', 'officeHours'],
    ['morning ending after the afternoon starts', due({ officeHours: { morning: { start: 450, end: 840 }, afternoon: { start: 810, end: 1020 } } }), 'deadline.office-hours-order', 'officeHours'],
    ['empty morning', due({ officeHours: { morning: { start: 450, end: 450 }, afternoon: { start: 810, end: 1020 } } }), 'deadline.office-hours-order', 'officeHours'],
    ['stop start that is not a moment', due({ stops: [{ from: moment(2026, 13, 1, 0) }] }), 'deadline.invalid-moment', 'stops.0.from'],
    ['stop end that is not a moment', due({ stops: [{ from: at('2026-11-24T08:00'), to: moment(2026, 11, 24, -1) }] }), 'deadline.invalid-moment', 'stops.0.to'],
    ['stop ending before it starts', due({ stops: [pause('2026-11-24T10:00', '2026-11-24T09:00')] }), 'deadline.stop-ends-before-start', 'stops.0.to'],
    ['stop before receipt', due({ stops: [pause('2026-11-24T10:00', '2026-11-24T11:00'), pause('2026-11-23T08:00', '2026-11-23T10:00')] }), 'deadline.stop-before-receipt', 'stops.1.from'],
    ['overlapping stops', due({ stops: [pause('2026-11-24T10:00', '2026-11-24T15:00'), pause('2026-11-24T14:00', '2026-11-24T16:00')] }), 'deadline.stops-overlap', 'stops'],
    ['an open stop followed by another', due({ stops: [pause('2026-11-24T10:00'), pause('2026-11-25T14:00', '2026-11-25T16:00')] }), 'deadline.stops-overlap', 'stops'],
    ['unknown stop effect', due({ stops: [{ ...pause('2026-11-24T10:00'), effect: 'cancel' }] }), 'deadline.unknown-stop-effect', 'stops.0.effect'],
    ['a calendar with no working day', due({ calendar: { isDayOff: () => true } }), 'deadline.no-working-day', undefined],
    ['epoch that is not a number', () => localDateTimeFromEpochMs(Number.NaN), 'deadline.invalid-epoch', undefined],
    ['remaining time from an invalid now', () => remainingWorkingTime(moment(2026, 2, 29, 0), at('2026-11-23T09:00'), CALENDAR), 'deadline.invalid-moment', 'now'],
    ['remaining time to an invalid due moment', () => remainingWorkingTime(at('2026-11-23T09:00'), moment(2026, 11, 23, 2000), CALENDAR), 'deadline.invalid-moment', 'due'],
    ['remaining time under broken hours', () => remainingWorkingTime(at('2026-11-23T09:00'), at('2026-11-24T09:00'), CALENDAR, { morning: { start: 700, end: 600 }, afternoon: { start: 810, end: 1020 } }), 'deadline.office-hours-order', 'officeHours'],
    ['status from an invalid now', () => queueStatus(moment(2026, 2, 29, 0), at('2026-11-23T09:00'), CALENDAR), 'deadline.invalid-moment', 'now'],
    ['status of an invalid due moment', () => queueStatus(at('2026-11-23T09:00'), moment(2026, 11, 31, 0), CALENDAR), 'deadline.invalid-moment', 'due'],
    ['negative "soon" threshold', () => queueStatus(at('2026-11-23T09:00'), at('2026-11-24T09:00'), CALENDAR, { soonWorkingDays: -1 }), 'deadline.soon-threshold-invalid', 'soonWorkingDays'],
    ['"soon" threshold not a number', () => queueStatus(at('2026-11-23T09:00'), at('2026-11-24T09:00'), CALENDAR, { soonWorkingDays: Number.NaN }), 'deadline.soon-threshold-invalid', 'soonWorkingDays'],
  ])('%s', (_name, run, code, field) => {
    const error = codeOf(run);
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expect(error.vi).toMatch(/[ạảãàáâậầấẩẫăặằắẳẵẹẻẽèéêệềếểễịỉĩìíọỏõòóôộồốổỗơợờớởỡụủũùúưựừứửữỵỷỹỳýđ]/u);
    expect(error.en).toMatch(/^[\x20-\x7e–]+$/u);
  });
});
