import { z } from 'zod';
import { compareCivilDates, dayOfWeek, formatIsoDate, isValidCivilDate, parseIsoDate, toDayNumber, type CivilDate } from './civil-date';
import { holidayOverlaySchema, type HolidayOverlay } from './holiday-overlay';
import { statutoryHolidays, type Holiday } from './holiday-rules';
import type { WorkingCalendar } from './working-calendar';

export { HOLIDAY_KINDS, statutoryHolidays, type Holiday, type HolidayKind } from './holiday-rules';
export { holidayOverlaySchema, type HolidayOverlay } from './holiday-overlay';

/** Saturday and Sunday, as `dayOfWeek` numbers them: the civil servants' Mon–Fri week. */
export const DEFAULT_WEEKLY_DAYS_OFF: readonly number[] = Object.freeze([0, 6]);

/** How a `HolidayCalendar` is set up; every part is optional. */
export interface HolidayCalendarOptions {
  /** Days of the week the office is closed, 0 = Sunday … 6 = Saturday. Default Saturday and Sunday. */
  readonly weeklyDaysOff?: readonly number[];
  /** At most one overlay per year, as the hub published them. */
  readonly overlays?: readonly HolidayOverlay[];
}

/** One year, resolved once: holidays after the overlay and the overlay's day sets. */
interface YearView {
  readonly holidays: readonly Holiday[];
  readonly holidayDays: ReadonlySet<number>;
  readonly workingDays: ReadonlySet<number>;
  readonly daysOff: ReadonlySet<number>;
}

function civilDateOf(iso: string): CivilDate {
  const date = parseIsoDate(iso);
  // Unreachable after the schema; kept so that a bad date can never pass silently.
  if (date === undefined) throw new RangeError(`Not a date: ${iso}`);
  return date;
}

function dayNumberOf(iso: string): number {
  return toDayNumber(civilDateOf(iso));
}

/**
 * The working calendar of one office: weekly days off, the statutory holidays by rule, and the
 * hub's yearly overlays. For a given day the first answer that applies wins:
 *
 * 1. listed in the overlay's `workingDays` → a working day (a swapped Saturday);
 * 2. listed in its `daysOff` → a day off (a bridging or compensatory day);
 * 3. a holiday of `holidaysOf(year)` → a day off;
 * 4. otherwise a day off exactly when its weekday is a weekly day off.
 *
 * Immutable: `withOverlay` returns a new calendar. Results are cached per year.
 */
export class HolidayCalendar implements WorkingCalendar {
  /** Days of the week the office is closed, 0 = Sunday … 6 = Saturday. */
  readonly weeklyDaysOff: readonly number[];
  private readonly overlays: ReadonlyMap<number, HolidayOverlay>;
  private readonly years = new Map<number, YearView>();

  /** Throws a RangeError for a weekday outside 0–6, an invalid overlay or two overlays for one year. */
  constructor(options: HolidayCalendarOptions = {}) {
    const weekly = options.weeklyDaysOff ?? DEFAULT_WEEKLY_DAYS_OFF;
    if (weekly.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
      throw new RangeError(`Weekly days off must be 0 (Sunday) to 6 (Saturday), got ${JSON.stringify(weekly)}`);
    }
    this.weeklyDaysOff = Object.freeze([...new Set(weekly)].sort((a, b) => a - b));
    const overlays = new Map<number, HolidayOverlay>();
    for (const candidate of options.overlays ?? []) {
      const parsed = holidayOverlaySchema.safeParse(candidate);
      if (!parsed.success) throw new RangeError(`Invalid holiday overlay: ${z.prettifyError(parsed.error)}`);
      if (overlays.has(parsed.data.year)) throw new RangeError(`Two holiday overlays for ${parsed.data.year}`);
      overlays.set(parsed.data.year, parsed.data);
    }
    this.overlays = overlays;
  }

  /** A calendar like this one with `overlay` in place of any overlay it had for the same year. */
  withOverlay(overlay: HolidayOverlay): HolidayCalendar {
    const others = [...this.overlays.values()].filter((o) => o.year !== overlay.year);
    return new HolidayCalendar({ weeklyDaysOff: this.weeklyDaysOff, overlays: [...others, overlay] });
  }

  /** The overlay in force for a year, if the hub has published one. */
  overlayOf(year: number): HolidayOverlay | undefined {
    return this.overlays.get(year);
  }

  /**
   * The holidays of a Gregorian year after the overlay, in date order. With an overlay nothing is
   * provisional any more: the hub has stated the year. Throws a RangeError outside 1899–2100.
   */
  holidaysOf(year: number): readonly Holiday[] {
    return this.view(year).holidays;
  }

  /** True when the date is a holiday after the overlay (weekends and bridging days are not). Throws like `isDayOff`. */
  isHoliday(date: CivilDate): boolean {
    return this.view(checked(date).year).holidayDays.has(toDayNumber(date));
  }

  /**
   * True when the office is closed all day; see the class comment for the order of the rules.
   * Throws a RangeError for an invalid date or one in a year outside 1899–2100.
   */
  isDayOff(date: CivilDate): boolean {
    const view = this.view(checked(date).year);
    const day = toDayNumber(date);
    if (view.workingDays.has(day)) return false;
    if (view.daysOff.has(day) || view.holidayDays.has(day)) return true;
    return this.weeklyDaysOff.includes(dayOfWeek(date));
  }

  private view(year: number): YearView {
    const cached = this.years.get(year);
    if (cached !== undefined) return cached;
    const overlay = this.overlays.get(year);
    const rule = statutoryHolidays(year);
    let holidays = rule;
    if (overlay !== undefined) {
      const replaced = new Set([...overlay.removed, ...overlay.added.map((a) => a.date)]);
      const added = overlay.added.map((a): Holiday => ({ date: civilDateOf(a.date), kind: a.kind ?? 'other', name: a.name, provisional: false }));
      holidays = [...rule.filter((h) => !replaced.has(formatIsoDate(h.date))).map((h) => ({ ...h, provisional: false })), ...added]
        .sort((a, b) => compareCivilDates(a.date, b.date));
    }
    const view: YearView = {
      holidays: Object.freeze(holidays),
      holidayDays: new Set(holidays.map((h) => toDayNumber(h.date))),
      workingDays: new Set(overlay?.workingDays.map(dayNumberOf)),
      daysOff: new Set(overlay?.daysOff.map(dayNumberOf)),
    };
    this.years.set(year, view);
    return view;
  }
}

function checked(date: CivilDate): CivilDate {
  if (!isValidCivilDate(date)) throw new RangeError(`Not a date: ${JSON.stringify(date)}`);
  return date;
}
