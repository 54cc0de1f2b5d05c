/*
 * The public holidays of a Gregorian year by the rule of Labour Code 2019 Art. 112 (notes §5.2).
 * The Prime Minister fixes the Tết days and the second National-Day day each year, so what this
 * file gives for them is a proposal, flagged `provisional`, that the hub's yearly overlay
 * confirms or corrects (holiday-overlay.ts). Swapped Saturdays, bridging days and compensatory
 * days for a holiday on a weekend are per-year decisions too and come only from the overlay.
 */
import { addDays, compareCivilDates, dayOfWeek, fromDayNumber, toDayNumber, type CivilDate } from './civil-date';
import { leapMonthOf, lunarNewYear, lunarToSolar } from './lunar';
import type { LocalizedText } from '../validation';

/** What a holiday commemorates; `other` is for days the hub adds that the rule does not know. */
export const HOLIDAY_KINDS = ['new-year', 'tet', 'hung-kings', 'reunification', 'labour', 'national-day', 'other'] as const;

/** See `HOLIDAY_KINDS`. */
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** One public holiday (ngày nghỉ lễ, tết): a whole day off for the office. */
export interface Holiday {
  readonly date: CivilDate;
  readonly kind: HolidayKind;
  readonly name: LocalizedText;
  /**
   * True when the rule can only propose the day because the Prime Minister decides it each year
   * (the five Tết days, the day next to 2/9) and no hub overlay for the year has confirmed it.
   */
  readonly provisional: boolean;
}

const NAMES = {
  'new-year': { vi: 'Tết Dương lịch', en: "New Year's Day" },
  'hung-kings': { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" },
  reunification: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
  labour: { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' },
  'national-day': { vi: 'Quốc khánh', en: 'National Day' },
} as const satisfies Partial<Record<HolidayKind, LocalizedText>>;

/**
 * The five Tết days as the 2026 decision gave them (notes §5.2: Mon 16 – Fri 20/02/2026): the
 * last day of the old lunar year and mùng 1–4. The other pattern the notes cite, two days
 * before and three after, comes through the overlay.
 */
const TET_OFFSETS = [-1, 0, 1, 2, 3] as const;

function tetName(offset: number): LocalizedText {
  return offset < 0
    ? { vi: 'Tết Âm lịch (ngày cuối năm cũ)', en: 'Lunar New Year (last day of the old year)' }
    : { vi: `Tết Âm lịch (mùng ${offset + 1})`, en: `Lunar New Year (day ${offset + 1})` };
}

function fixed(year: number, month: number, day: number, kind: keyof typeof NAMES): Holiday {
  return { date: { year, month, day }, kind, name: NAMES[kind], provisional: false };
}

/** The PM's Saturday–Sunday week, not an office's own: the national decision is made on it. */
function isWeekend(date: CivilDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

/** Length of the break around 2/9 if `companion` is the second day off, weekends included. */
function nationalDayBreak(year: number, companion: CivilDate): number {
  const national = toDayNumber({ year, month: 9, day: 2 });
  const extra = toDayNumber(companion);
  const off = (n: number): boolean => n === national || n === extra || isWeekend(fromDayNumber(n));
  let first = national;
  let last = national;
  while (off(first - 1)) first--;
  while (off(last + 1)) last++;
  return last - first + 1;
}

/**
 * The proposed second National-Day day: 1/9 or 3/9, whichever joins the longer break with the
 * weekend, as in 2024 (notes §5.2: Sat 31/8 → Tue 3/9); 1/9 when neither does. Only a guess at
 * the PM's decision, hence provisional.
 */
function nationalDayCompanion(year: number): CivilDate {
  const before = { year, month: 9, day: 1 };
  const after = { year, month: 9, day: 3 };
  return nationalDayBreak(year, after) > nationalDayBreak(year, before) ? after : before;
}

/**
 * The statutory holidays of Gregorian `year` by rule, in date order: 1/1; five Tết days; Giỗ Tổ
 * on 10/3 lunar; 30/4; 1/5; 2/9 and one day next to it. Throws a RangeError outside the lunar
 * calendar's supported years.
 *
 * In a year with a leap third month Giỗ Tổ is put in the regular one (2031: 1/4, not 30/4), a
 * convention the notes could not confirm, so that day is provisional too.
 */
export function statutoryHolidays(year: number): readonly Holiday[] {
  const tet = lunarNewYear(year);
  const companion = nationalDayCompanion(year);
  const holidays: Holiday[] = [
    fixed(year, 1, 1, 'new-year'),
    ...TET_OFFSETS.map((offset): Holiday => ({ date: addDays(tet, offset), kind: 'tet', name: tetName(offset), provisional: true })),
    {
      date: lunarToSolar({ year, month: 3, day: 10, leap: false }),
      kind: 'hung-kings',
      name: NAMES['hung-kings'],
      provisional: leapMonthOf(year) === 3,
    },
    fixed(year, 4, 30, 'reunification'),
    fixed(year, 5, 1, 'labour'),
    fixed(year, 9, 2, 'national-day'),
    { date: companion, kind: 'national-day', name: NAMES['national-day'], provisional: true },
  ];
  return holidays.sort((a, b) => compareCivilDates(a.date, b.date));
}
