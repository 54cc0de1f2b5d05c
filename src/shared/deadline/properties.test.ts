import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOfWeek, fromDayNumber, toDayNumber } from '../calendar/civil-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import {
  compareLocalDateTimes,
  computeDue,
  DEFAULT_OFFICE_HOURS,
  formatLocalDateTime,
  isWithinOfficeHours,
  localDateTimeFromEpochMs,
  localDateTimeToEpochMs,
  parseLocalDateTime,
  remainingWorkingTime,
  workingMinutesPerDay,
  type ClockStop,
  type DueResult,
  type LocalDateTime,
  type OfficeHours,
  type ProcessingTime,
} from '../deadline';

/*
 * Properties over random calendars, office hours, receipts and stops, and a comparison with a
 * deliberately naive reference that walks minute by minute and lists sessions one by one.
 */

const BASE_DAY = toDayNumber({ year: 2026, month: 1, day: 1 });
const SPAN_DAYS = 120;
const int = (min: number, max: number) => fc.integer({ min, max });

const absolute = (t: LocalDateTime): number => toDayNumber(t.date) * 1440 + t.minutes;
const fromAbsolute = (n: number): LocalDateTime => ({ date: fromDayNumber(Math.floor(n / 1440)), minutes: n - Math.floor(n / 1440) * 1440 });

interface Setup {
  readonly calendar: WorkingCalendar;
  readonly hours: OfficeHours;
}

const hoursArb: fc.Arbitrary<OfficeHours> = fc.oneof(
  fc.constant(DEFAULT_OFFICE_HOURS),
  fc.tuple(int(300, 600), int(30, 300), int(0, 180), int(30, 300)).map(([start, morning, lunch, afternoon]) => ({
    morning: { start, end: start + morning },
    afternoon: { start: start + morning + lunch, end: start + morning + lunch + afternoon },
  })),
);

/** Weekends (Saturdays optionally open), random holidays and one long break like Tết. */
const calendarArb: fc.Arbitrary<WorkingCalendar> = fc
  .record({ holidays: fc.uniqueArray(int(0, SPAN_DAYS + 200), { maxLength: 30 }), breakStart: int(0, SPAN_DAYS), breakLength: int(0, 10), saturdaysOpen: fc.boolean() })
  .map(({ holidays, breakStart, breakLength, saturdaysOpen }) => {
    const off = new Set(holidays.map((d) => BASE_DAY + d));
    for (let d = 0; d < breakLength; d++) off.add(BASE_DAY + breakStart + d);
    return {
      isDayOff: (date) => {
        const weekday = dayOfWeek(date);
        return off.has(toDayNumber(date)) || weekday === 0 || (weekday === 6 && !saturdaysOpen);
      },
    };
  });

const setupArb: fc.Arbitrary<Setup> = fc.record({ calendar: calendarArb, hours: hoursArb });
const momentArb = fc.tuple(int(0, SPAN_DAYS), int(0, 1439)).map(([day, minutes]) => ({ date: fromDayNumber(BASE_DAY + day), minutes }));

/** A cut-off somewhere inside the sessions of `hours`, picked by a fraction. */
const cutoffIn = (hours: OfficeHours, fraction: number, afternoon: boolean): number => {
  const p = afternoon ? hours.afternoon : hours.morning;
  return p.start + Math.round(fraction * (p.end - p.start));
};

const processingArb = (hours: OfficeHours): fc.Arbitrary<ProcessingTime> =>
  fc.oneof(
    int(0, 30).map((k): ProcessingTime => ({ kind: 'working-days', days: k / 2 })),
    int(1, 2400).map((m): ProcessingTime => ({ kind: 'working-hours', hours: m / 60 })),
    fc.constant<ProcessingTime>({ kind: 'immediate' }),
    fc.option(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { nil: undefined }).map(
      (c): ProcessingTime => (c === undefined ? { kind: 'same-day' } : { kind: 'same-day', cutoffMinutes: cutoffIn(hours, c[0], c[1]) }),
    ),
  );

/** Disjoint pauses after `receivedAt`, in order; the last may be open. */
const pausesArb = (receivedAt: LocalDateTime): fc.Arbitrary<ClockStop[]> =>
  fc.tuple(fc.array(fc.tuple(int(0, 4000), int(0, 4000)), { maxLength: 4 }), fc.boolean()).map(([spans, lastOpen]) => {
    let cursor = absolute(receivedAt);
    return spans.map(([gap, length], i) => {
      const from = cursor + gap;
      cursor = from + length;
      return lastOpen && i === spans.length - 1 ? { from: fromAbsolute(from) } : { from: fromAbsolute(from), to: fromAbsolute(cursor) };
    });
  });

const scenarioArb = setupArb.chain((setup) =>
  fc.record({ setup: fc.constant(setup), receivedAt: momentArb, processing: processingArb(setup.hours) }).chain((s) => fc.record({ ...mapConstants(s), stops: pausesArb(s.receivedAt) })),
);

function mapConstants<T extends object>(value: T): { [K in keyof T]: fc.Arbitrary<T[K]> } {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fc.constant(v)])) as { [K in keyof T]: fc.Arbitrary<T[K]> };
}

const due = (setup: Setup, receivedAt: LocalDateTime, processing: ProcessingTime, stops: readonly ClockStop[] = []): DueResult =>
  computeDue({ receivedAt, processing, calendar: setup.calendar, officeHours: setup.hours, stops });

/** Due moment as a number for ordering; a stopped clock is later than any moment. */
const dueRank = (result: DueResult): number => (result.state === 'running' ? absolute(result.due) : Number.POSITIVE_INFINITY);

const runningDue = (result: DueResult): LocalDateTime => {
  if (result.state !== 'running') throw new Error('expected a running clock');
  return result.due;
};

// Naive reference: minute by minute, session by session.

const isOpenMinute = ({ calendar, hours }: Setup, n: number): boolean => {
  const t = fromAbsolute(n);
  return !calendar.isDayOff(t.date) && [hours.morning, hours.afternoon].some((p) => t.minutes >= p.start && t.minutes < p.end);
};

function referenceDue(setup: Setup, receivedAt: LocalDateTime, processing: ProcessingTime): LocalDateTime {
  const { calendar, hours } = setup;
  let open = absolute(receivedAt);
  while (!isOpenMinute(setup, open)) open++;
  if (processing.kind === 'working-hours') {
    let left = Math.round(processing.hours * 60);
    let t = open;
    for (;;) {
      if (isOpenMinute(setup, t) && --left === 0) return fromAbsolute(t + 1);
      t++;
    }
  }
  const sessions: LocalDateTime[] = [];
  for (let day = Math.floor(open / 1440); sessions.length < 200; day++) {
    if (calendar.isDayOff(fromDayNumber(day))) continue;
    for (const p of [hours.morning, hours.afternoon]) sessions.push({ date: fromDayNumber(day), minutes: p.end });
  }
  const at = fromAbsolute(open);
  const current = at.minutes < hours.morning.end ? 0 : 1;
  if (processing.kind === 'immediate') return sessions[current] as LocalDateTime;
  if (processing.kind === 'working-days') return sessions[current + processing.days * 2] as LocalDateTime;
  const cutoff = processing.cutoffMinutes ?? 15 * 60;
  return sessions[at.minutes <= cutoff ? 1 : 3] as LocalDateTime;
}

function referenceWorkingMinutes(setup: Setup, a: LocalDateTime, b: LocalDateTime): number {
  let sum = 0;
  for (let t = absolute(a); t < absolute(b); t++) if (isOpenMinute(setup, t)) sum++;
  return sum;
}

describe('computeDue properties', () => {
  it('agrees with a minute-by-minute reference', () => {
    fc.assert(
      fc.property(scenarioArb, ({ setup, receivedAt, processing }) => {
        expect(formatLocalDateTime(runningDue(due(setup, receivedAt, processing)))).toBe(formatLocalDateTime(referenceDue(setup, receivedAt, processing)));
      }),
      { numRuns: 300 },
    );
  });

  it('never puts the due moment on a day off, outside office hours, or before receipt', () => {
    fc.assert(
      fc.property(scenarioArb, ({ setup, receivedAt, processing, stops }) => {
        const result = due(setup, receivedAt, processing, stops);
        if (result.state !== 'running') return;
        expect(setup.calendar.isDayOff(result.due.date)).toBe(false);
        expect(isWithinOfficeHours(setup.hours, result.due.minutes)).toBe(true);
        expect(compareLocalDateTimes(result.due, receivedAt)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never gives an earlier due moment for a later receipt', () => {
    fc.assert(
      fc.property(setupArb, momentArb, int(0, 3000), fc.integer({ min: 0, max: 2 }), (setup, receivedAt, later, pick) => {
        const processing = [{ kind: 'working-days', days: 1.5 }, { kind: 'working-hours', hours: 5 }, { kind: 'same-day' }][pick] as ProcessingTime;
        const laterReceipt = fromAbsolute(absolute(receivedAt) + later);
        expect(dueRank(due(setup, laterReceipt, processing))).toBeGreaterThanOrEqual(dueRank(due(setup, receivedAt, processing)));
      }),
      { numRuns: 500 },
    );
  });

  it('never gives an earlier due moment for more processing time', () => {
    fc.assert(
      fc.property(setupArb, momentArb, int(0, 20), int(0, 6), fc.boolean(), (setup, receivedAt, steps, more, inHours) => {
        const time = (k: number): ProcessingTime => (inHours ? { kind: 'working-hours', hours: (k + 1) / 4 } : { kind: 'working-days', days: k / 2 });
        expect(dueRank(due(setup, receivedAt, time(steps + more)))).toBeGreaterThanOrEqual(dueRank(due(setup, receivedAt, time(steps))));
      }),
      { numRuns: 500 },
    );
  });

  it('never gives an earlier due moment for an added pause or restart', () => {
    fc.assert(
      fc.property(scenarioArb, int(0, 3), (scenario, drop) => {
        const { setup, receivedAt, processing, stops } = scenario;
        const fewer = stops.filter((_, i) => i !== drop);
        expect(dueRank(due(setup, receivedAt, processing, stops))).toBeGreaterThanOrEqual(dueRank(due(setup, receivedAt, processing, fewer)));
        const first = stops[0];
        if (first !== undefined) {
          const restarted = due(setup, receivedAt, processing, [{ ...first, effect: 'restart' }]);
          expect(dueRank(restarted)).toBeGreaterThanOrEqual(dueRank(due(setup, receivedAt, processing)));
          if (first.to !== undefined) expect(runningDue(restarted)).toEqual(runningDue(due(setup, first.to, processing)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('runs the clock for exactly the processing time, pauses excluded', () => {
    fc.assert(
      fc.property(scenarioArb, ({ setup, receivedAt, processing, stops }) => {
        const plain = due(setup, receivedAt, processing);
        const paused = due(setup, receivedAt, processing, stops);
        if (plain.state !== 'running' || paused.state !== 'running') return;
        const remaining = (from: LocalDateTime, to: LocalDateTime) => remainingWorkingTime(from, to, setup.calendar, setup.hours).minutes;
        const budget = remaining(plain.clockStart, plain.due);
        if (processing.kind === 'working-hours') {
          expect(budget).toBe(Math.round(processing.hours * 60));
          expect(remaining(receivedAt, plain.due)).toBe(budget);
        }
        if (processing.kind === 'working-days' && processing.days >= 1 && Number.isInteger(processing.days)) expect(budget).toBe(processing.days * workingMinutesPerDay(setup.hours));
        const stopped = stops.reduce((sum, s) => {
          const from = compareLocalDateTimes(s.from, paused.clockStart) > 0 ? s.from : paused.clockStart;
          const to = s.to !== undefined && compareLocalDateTimes(s.to, paused.due) < 0 ? s.to : paused.due;
          return sum + Math.max(0, remaining(from, to));
        }, 0);
        expect(remaining(paused.clockStart, paused.due) - stopped).toBe(budget);
      }),
      { numRuns: 500 },
    );
  });
});

describe('working time and conversions', () => {
  it('counts working minutes like the reference, with the sign of the direction', () => {
    fc.assert(
      fc.property(setupArb, momentArb, int(-6000, 6000), (setup, a, offset) => {
        const b = fromAbsolute(absolute(a) + offset);
        const forward = offset >= 0 ? referenceWorkingMinutes(setup, a, b) : 0 - referenceWorkingMinutes(setup, b, a);
        expect(remainingWorkingTime(a, b, setup.calendar, setup.hours).minutes).toBe(forward);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips ISO text and UTC instants', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
        const local = localDateTimeFromEpochMs(ms);
        const instant = localDateTimeToEpochMs(local);
        expect(ms - instant).toBeGreaterThanOrEqual(0);
        expect(ms - instant).toBeLessThan(60_000);
        expect(parseLocalDateTime(formatLocalDateTime(local))).toEqual({ ok: true, value: local });
      }),
    );
  });

  it('computes a queue of 10,000 dossiers quickly (steps by days, not minutes)', () => {
    const calendar: WorkingCalendar = { isDayOff: (d) => dayOfWeek(d) === 0 || dayOfWeek(d) === 6 };
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const receivedAt = fromAbsolute((BASE_DAY + (i % 300)) * 1440 + 420 + (i % 600));
      computeDue({ receivedAt, processing: { kind: 'working-days', days: 1 + (i % 30) }, calendar, stops: [{ from: receivedAt, to: fromAbsolute(absolute(receivedAt) + 2000) }] });
    }
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
