/*
 * The Vietnamese lunar calendar (âm lịch), computed — never looked up — by Hồ Ngọc Đức's rules
 * (notes §5.3): a month starts on the Hanoi day of a new moon, month 11 holds the winter
 * solstice, and in a 13-month year the first month without a major solar term is the leap
 * month, numbered like the month before it. Chinese tables and libraries compute at UTC+8 and
 * give different dates (Tết 2007, 2030, 2053), so none is used here.
 *
 * Solar dates are `CivilDate`s. Anything that is not a real date in the supported range throws a
 * RangeError; `isValidLunarDate` asks the same question without throwing.
 *
 * Every year is computed at UTC+7. Before 1968 (North) and 1976 (South) calendars were computed
 * at UTC+8, so for old dates this can differ by a day from what was printed then (notes §5.3).
 */
import { fromDayNumber, isValidCivilDate, toDayNumber, type CivilDate } from './civil-date';
import { leapMonthPosition, month11Start, newMoonDay, newMoonIndexAt } from './lunar-astronomy';

/** A day of the lunar calendar. `month` 1–12 (1 = tháng Giêng, 12 = tháng Chạp), `day` 1–30. */
export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** True for a day in the leap month (tháng nhuận) that repeats `month`. */
  readonly leap: boolean;
}

/** One month of a lunar year. */
export interface LunarMonth {
  readonly year: number;
  readonly month: number;
  readonly leap: boolean;
  /** The solar date of its first day (mùng 1). */
  readonly start: CivilDate;
  /** 29 (tháng thiếu) or 30 (tháng đủ). */
  readonly length: number;
}

/**
 * Supported lunar years. They cover every solar date from 1900-01-01 to 2100-12-31 (the range
 * the algorithm is verified on) and run a little past both ends: Tết 1899 to the eve of Tết 2101.
 */
export const FIRST_LUNAR_YEAR = 1899;
export const LAST_LUNAR_YEAR = 2100;

interface MonthSpan {
  readonly year: number;
  readonly month: number;
  readonly leap: boolean;
  /** `toDayNumber` of the first day. */
  readonly start: number;
  readonly length: number;
}

/** The months from month 11 of lunar year s − 1 up to, not including, month 11 of lunar year s. */
interface SolsticeYear {
  readonly end: number;
  readonly months: readonly MonthSpan[];
}

/** Keyed by s; at most one per supported year, and a year's conversions need one or two. */
const solsticeYears = new Map<number, SolsticeYear>();

function solsticeYear(s: number): SolsticeYear {
  const cached = solsticeYears.get(s);
  if (cached !== undefined) return cached;
  const start = month11Start(s - 1);
  const end = month11Start(s);
  const k = newMoonIndexAt(start);
  const count = end - start > 365 ? 13 : 12;
  const leapAt = count === 13 ? leapMonthPosition(start) : 0;
  const months: MonthSpan[] = [];
  for (let i = 0; i < count; i++) {
    const first = newMoonDay(k + i);
    // From the leap month on, the month number lags one behind the count of months.
    const raw = 11 + i - (leapAt > 0 && i >= leapAt ? 1 : 0);
    months.push({
      year: raw > 12 ? s : s - 1,
      month: raw > 12 ? raw - 12 : raw,
      leap: leapAt > 0 && i === leapAt,
      start: first,
      length: newMoonDay(k + i + 1) - first,
    });
  }
  // Cheap self-checks: a failure would be a broken port, and a wrong Tết is worse than an error.
  const broken = (count === 13 && (leapAt < 1 || leapAt > 12))
    || newMoonDay(k) !== start || newMoonDay(k + count) !== end
    || months.some((m) => m.length !== 29 && m.length !== 30);
  if (broken) throw new Error(`Lunar calendar: inconsistent months around the solstice of ${s - 1}`);
  const year: SolsticeYear = { end, months };
  solsticeYears.set(s, year);
  return year;
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** The month span a lunar date falls in, or undefined when no such month or day exists. */
function locate(date: LunarDate): MonthSpan | undefined {
  if (!isIntegerIn(date.year, FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR) || !isIntegerIn(date.month, 1, 12)) return undefined;
  if (!isIntegerIn(date.day, 1, 30) || typeof date.leap !== 'boolean') return undefined;
  // Months 11 and 12 of a year, leap or not, open the solstice year of the next one.
  const span = solsticeYear(date.month >= 11 ? date.year + 1 : date.year);
  const month = span.months.find((m) => m.year === date.year && m.month === date.month && m.leap === date.leap);
  return month !== undefined && date.day <= month.length ? month : undefined;
}

/**
 * The lunar date of a solar date. Throws a RangeError for an invalid date or one outside the
 * supported lunar years (before Tết 1899 or from Tết 2101).
 */
export function solarToLunar(date: CivilDate): LunarDate {
  if (!isValidCivilDate(date) || date.year < FIRST_LUNAR_YEAR || date.year > LAST_LUNAR_YEAR + 1) {
    throw new RangeError(`No lunar date for ${JSON.stringify(date)}: outside ${FIRST_LUNAR_YEAR}–${LAST_LUNAR_YEAR} or not a date`);
  }
  const day = toDayNumber(date);
  let span = solsticeYear(date.year);
  if (day >= span.end) span = solsticeYear(date.year + 1);
  const month = span.months.findLast((m) => m.start <= day);
  if (month === undefined || month.year < FIRST_LUNAR_YEAR || month.year > LAST_LUNAR_YEAR) {
    throw new RangeError(`No lunar date for ${JSON.stringify(date)}: outside lunar years ${FIRST_LUNAR_YEAR}–${LAST_LUNAR_YEAR}`);
  }
  return { year: month.year, month: month.month, day: day - month.start + 1, leap: month.leap };
}

/** True when the lunar date exists: the year is supported, the month (leap or not) occurs that year and has that day. */
export function isValidLunarDate(date: LunarDate): boolean {
  return locate(date) !== undefined;
}

/**
 * The solar date of a lunar date. Throws a RangeError when it does not exist — `leap: true` for a
 * month that is not leap that year, day 30 of a 29-day month, a year outside the supported range.
 */
export function lunarToSolar(date: LunarDate): CivilDate {
  const month = locate(date);
  if (month === undefined) throw new RangeError(`The lunar date ${JSON.stringify(date)} does not exist`);
  return fromDayNumber(month.start + date.day - 1);
}

/** The 12 or 13 months of a lunar year in order, from tháng Giêng to tháng Chạp. */
export function lunarMonthsOf(year: number): readonly LunarMonth[] {
  if (!isIntegerIn(year, FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR)) throw new RangeError(`Lunar year ${year} is outside ${FIRST_LUNAR_YEAR}–${LAST_LUNAR_YEAR}`);
  return [...solsticeYear(year).months, ...solsticeYear(year + 1).months]
    .filter((m) => m.year === year)
    .map((m) => ({ year, month: m.month, leap: m.leap, start: fromDayNumber(m.start), length: m.length }));
}

/** The month that is repeated as a leap month in a lunar year, or undefined in a 12-month year. */
export function leapMonthOf(year: number): number | undefined {
  return lunarMonthsOf(year).find((m) => m.leap)?.month;
}

/** Tết Nguyên đán: the solar date of mùng 1 tháng Giêng of a lunar year. */
export function lunarNewYear(year: number): CivilDate {
  return lunarToSolar({ year, month: 1, day: 1, leap: false });
}
