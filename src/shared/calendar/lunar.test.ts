import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOfWeek, formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber, type CivilDate } from './civil-date';
import {
  FIRST_LUNAR_YEAR,
  LAST_LUNAR_YEAR,
  isValidLunarDate,
  leapMonthOf,
  lunarMonthsOf,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
  type LunarDate,
} from './lunar';

function iso(text: string): CivilDate {
  const date = parseIsoDate(text);
  if (date === undefined) throw new Error(`bad test date ${text}`);
  return date;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** domain-vn.md §5.4, every row: year, Tết, weekday, Giỗ Tổ (10/3 lunar), weekday, leap month. */
const NOTES_TABLE: readonly (readonly [number, string, string, string, string, number | undefined])[] = [
  [2000, '2000-02-05', 'Sat', '2000-04-14', 'Fri', undefined],
  [2001, '2001-01-24', 'Wed', '2001-04-03', 'Tue', 4],
  [2002, '2002-02-12', 'Tue', '2002-04-22', 'Mon', undefined],
  [2003, '2003-02-01', 'Sat', '2003-04-11', 'Fri', undefined],
  [2004, '2004-01-22', 'Thu', '2004-04-28', 'Wed', 2],
  [2005, '2005-02-09', 'Wed', '2005-04-18', 'Mon', undefined],
  [2006, '2006-01-29', 'Sun', '2006-04-07', 'Fri', 7],
  [2007, '2007-02-17', 'Sat', '2007-04-26', 'Thu', undefined],
  [2008, '2008-02-07', 'Thu', '2008-04-15', 'Tue', undefined],
  [2009, '2009-01-26', 'Mon', '2009-04-04', 'Sat', 5],
  [2010, '2010-02-14', 'Sun', '2010-04-23', 'Fri', undefined],
  [2011, '2011-02-03', 'Thu', '2011-04-12', 'Tue', undefined],
  [2012, '2012-01-23', 'Mon', '2012-03-31', 'Sat', 4],
  [2013, '2013-02-10', 'Sun', '2013-04-19', 'Fri', undefined],
  [2014, '2014-01-31', 'Fri', '2014-04-09', 'Wed', 9],
  [2015, '2015-02-19', 'Thu', '2015-04-28', 'Tue', undefined],
  [2016, '2016-02-08', 'Mon', '2016-04-16', 'Sat', undefined],
  [2017, '2017-01-28', 'Sat', '2017-04-06', 'Thu', 6],
  [2018, '2018-02-16', 'Fri', '2018-04-25', 'Wed', undefined],
  [2019, '2019-02-05', 'Tue', '2019-04-14', 'Sun', undefined],
  [2020, '2020-01-25', 'Sat', '2020-04-02', 'Thu', 4],
  [2021, '2021-02-12', 'Fri', '2021-04-21', 'Wed', undefined],
  [2022, '2022-02-01', 'Tue', '2022-04-10', 'Sun', undefined],
  [2023, '2023-01-22', 'Sun', '2023-04-29', 'Sat', 2],
  [2024, '2024-02-10', 'Sat', '2024-04-18', 'Thu', undefined],
  [2025, '2025-01-29', 'Wed', '2025-04-07', 'Mon', 6],
  [2026, '2026-02-17', 'Tue', '2026-04-26', 'Sun', undefined],
  [2027, '2027-02-06', 'Sat', '2027-04-16', 'Fri', undefined],
  [2028, '2028-01-26', 'Wed', '2028-04-04', 'Tue', 5],
  [2029, '2029-02-13', 'Tue', '2029-04-23', 'Mon', undefined],
  [2030, '2030-02-02', 'Sat', '2030-04-12', 'Fri', undefined],
  [2031, '2031-01-23', 'Thu', '2031-04-01', 'Tue', 3],
  [2032, '2032-02-11', 'Wed', '2032-04-19', 'Mon', undefined],
  [2033, '2033-01-31', 'Mon', '2033-04-09', 'Sat', 11],
  [2034, '2034-02-19', 'Sun', '2034-04-28', 'Fri', undefined],
  [2035, '2035-02-08', 'Thu', '2035-04-17', 'Tue', undefined],
  [2036, '2036-01-28', 'Mon', '2036-04-06', 'Sun', 6],
  [2037, '2037-02-15', 'Sun', '2037-04-24', 'Fri', undefined],
  [2038, '2038-02-04', 'Thu', '2038-04-13', 'Tue', undefined],
  [2039, '2039-01-24', 'Mon', '2039-04-03', 'Sun', 5],
  [2040, '2040-02-12', 'Sun', '2040-04-20', 'Fri', undefined],
];

describe('Tết and Giỗ Tổ 2000–2040 (notes §5.4, every row)', () => {
  it.each(NOTES_TABLE)('%i: Tết %s (%s), Giỗ Tổ %s (%s), leap month %s', (year, tet, tetWeekday, gioTo, gioToWeekday, leap) => {
    expect(formatIsoDate(lunarNewYear(year))).toBe(tet);
    expect(solarToLunar(iso(tet))).toEqual({ year, month: 1, day: 1, leap: false });
    expect(WEEKDAYS[dayOfWeek(iso(tet))]).toBe(tetWeekday);
    expect(formatIsoDate(lunarToSolar({ year, month: 3, day: 10, leap: false }))).toBe(gioTo);
    expect(solarToLunar(iso(gioTo))).toEqual({ year, month: 3, day: 10, leap: false });
    expect(WEEKDAYS[dayOfWeek(iso(gioTo))]).toBe(gioToWeekday);
    expect(leapMonthOf(year)).toBe(leap);
  });
});

describe('the Vietnamese calendar (UTC+7), not the Chinese one (UTC+8)', () => {
  // Notes §5.3 for 2007, 2030, 2053 and for 1985 being a month apart; 1968 is the year the North
  // first used UTC+7. The Vietnamese dates agree with Hồ Ngọc Đức's precomputed tables.
  it.each([
    [1968, '1968-01-29', '1968-01-30'],
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
    [2053, '2053-02-18', '2053-02-19'],
  ])('Tết %i is %s in Vietnam, not %s as in China', (year, vietnam, china) => {
    const tet = formatIsoDate(lunarNewYear(year));
    expect(tet).toBe(vietnam);
    expect(tet).not.toBe(china);
  });

  it.each([2007, 2030, 2053])("China's New Year's Day %i is mùng 2 in Vietnam", (year) => {
    const chinese = { 2007: '2007-02-18', 2030: '2030-02-03', 2053: '2053-02-19' }[year] ?? '';
    expect(solarToLunar(iso(chinese))).toEqual({ year, month: 1, day: 2, leap: false });
  });
});

describe('dates reported in the news (notes §5.4)', () => {
  it.each([
    ['2020-01-29', { year: 2020, month: 1, day: 5, leap: false }],
    ['2026-02-14', { year: 2025, month: 12, day: 27, leap: false }],
    ['2026-02-22', { year: 2026, month: 1, day: 6, leap: false }],
  ])('%s is %o', (solar, lunar) => {
    expect(solarToLunar(iso(solar))).toEqual(lunar);
    expect(formatIsoDate(lunarToSolar(lunar))).toBe(solar);
  });
});

describe('leap months', () => {
  it.each([
    [2020, 4, '2020-05-23'],
    [2023, 2, '2023-03-22'],
    [2025, 6, '2025-07-25'],
    [2033, 11, '2033-12-22'],
  ])('%i repeats month %i from %s', (year, month, start) => {
    const months = lunarMonthsOf(year);
    expect(months).toHaveLength(13);
    const leap = months.filter((m) => m.leap);
    expect(leap.map((m) => [m.month, formatIsoDate(m.start)])).toEqual([[month, start]]);
    expect(months[months.indexOf(leap[0]!) - 1]?.month).toBe(month);
    expect(solarToLunar(iso(start))).toEqual({ year, month, day: 1, leap: true });
    expect(formatIsoDate(lunarToSolar({ year, month, day: 1, leap: true }))).toBe(start);
  });

  it('puts Giỗ Tổ 2031 in the regular third month, before the leap one', () => {
    expect(formatIsoDate(lunarToSolar({ year: 2031, month: 3, day: 10, leap: false }))).toBe('2031-04-01');
    expect(formatIsoDate(lunarToSolar({ year: 2031, month: 3, day: 10, leap: true }))).toBe('2031-04-30');
  });
});

describe('lunar dates that do not exist', () => {
  it.each<[string, LunarDate]>([
    ['leap month 6 in 2024, a year without leap', { year: 2024, month: 6, day: 1, leap: true }],
    ['leap month 5 in 2025, whose leap month is 6', { year: 2025, month: 5, day: 1, leap: true }],
    ['30 tháng Chạp 2025, a 29-day month', { year: 2025, month: 12, day: 30, leap: false }],
    ['month 13', { year: 2025, month: 13, day: 1, leap: false }],
    ['day 0', { year: 2025, month: 1, day: 0, leap: false }],
    ['a fractional day', { year: 2025, month: 1, day: 1.5, leap: false }],
    ['a year before the range', { year: FIRST_LUNAR_YEAR - 1, month: 1, day: 1, leap: false }],
    ['a year after the range', { year: LAST_LUNAR_YEAR + 1, month: 1, day: 1, leap: false }],
  ])('%s throws a RangeError', (_, lunar) => {
    expect(isValidLunarDate(lunar)).toBe(false);
    expect(() => lunarToSolar(lunar)).toThrow(RangeError);
  });

  it('knows the last day of a 29-day month', () => {
    expect(formatIsoDate(lunarToSolar({ year: 2025, month: 12, day: 29, leap: false }))).toBe('2026-02-16');
  });

  it.each(['2026-02-30', '1899-02-09', '2101-01-29'])('refuses the solar date %s (invalid or out of range)', (text) => {
    const [year, month, day] = text.split('-').map(Number);
    expect(() => solarToLunar({ year: year!, month: month!, day: day! })).toThrow(RangeError);
  });
});

describe('the ends of the range', () => {
  it('starts with lunar 1899 and covers all of 1900', () => {
    expect(formatIsoDate(lunarNewYear(FIRST_LUNAR_YEAR))).toBe('1899-02-10');
    expect(solarToLunar(iso('1900-01-01'))).toEqual({ year: 1899, month: 12, day: 1, leap: false });
    expect(formatIsoDate(lunarNewYear(1900))).toBe('1900-01-31');
    expect(leapMonthOf(1900)).toBe(8);
  });

  it('ends with lunar 2100, which covers all of 2100', () => {
    expect(formatIsoDate(lunarNewYear(2100))).toBe('2100-02-09');
    expect(formatIsoDate(lunarToSolar({ year: 2100, month: 3, day: 10, leap: false }))).toBe('2100-04-18');
    expect(solarToLunar(iso('2100-12-31'))).toEqual({ year: 2100, month: 12, day: 1, leap: false });
    expect(solarToLunar(iso('2101-01-28'))).toEqual({ year: 2100, month: 12, day: 29, leap: false });
  });
});

describe('every lunar year and every day of the range', () => {
  it('has 12 months, or 13 with one leap after its namesake, of 29 or 30 days, end to end', () => {
    const faults: string[] = [];
    for (let year = FIRST_LUNAR_YEAR; year <= LAST_LUNAR_YEAR; year++) {
      const months = lunarMonthsOf(year);
      const regular = months.filter((m) => !m.leap).map((m) => m.month);
      const leap = months.filter((m) => m.leap);
      if (regular.join() !== '1,2,3,4,5,6,7,8,9,10,11,12' || months.length !== 12 + leap.length || leap.length > 1) faults.push(`${year}: months`);
      months.forEach((m, i) => {
        const next = months[i + 1];
        if (m.length !== 29 && m.length !== 30) faults.push(`${year}/${m.month}: length ${m.length}`);
        if (m.leap && months[i - 1]?.month !== m.month) faults.push(`${year}: leap ${m.month} misplaced`);
        if (next !== undefined && toDayNumber(next.start) !== toDayNumber(m.start) + m.length) faults.push(`${year}/${m.month}: gap`);
      });
      const last = months.at(-1);
      if (year < LAST_LUNAR_YEAR && last !== undefined && toDayNumber(last.start) + last.length !== toDayNumber(lunarNewYear(year + 1))) {
        faults.push(`${year}: does not end on the eve of Tết ${year + 1}`);
      }
    }
    expect(faults).toEqual([]);
  });

  it('converts each day 1900-01-01…2100-12-31 and back, one lunar day after another', () => {
    const faults: string[] = [];
    const first = toDayNumber(iso('1900-01-01'));
    let previous = solarToLunar(fromDayNumber(first));
    for (let n = first + 1; n <= toDayNumber(iso('2100-12-31')); n++) {
      const lunar = solarToLunar(fromDayNumber(n));
      if (!follows(previous, lunar)) faults.push(`${formatIsoDate(fromDayNumber(n))}: ${JSON.stringify(previous)} → ${JSON.stringify(lunar)}`);
      if (toDayNumber(lunarToSolar(lunar)) !== n) faults.push(`${formatIsoDate(fromDayNumber(n))}: no round trip`);
      previous = lunar;
    }
    expect(faults).toEqual([]);
  });
});

/** True when `b` is the lunar day after `a`: the next day of the month, or day 1 of the next month. */
function follows(a: LunarDate, b: LunarDate): boolean {
  if (b.year === a.year && b.month === a.month && b.leap === a.leap) return b.day === a.day + 1;
  if (b.day !== 1 || (a.day !== 29 && a.day !== 30)) return false;
  const next = leapMonthOf(a.year) === a.month && !a.leap
    ? { year: a.year, month: a.month, leap: true }
    : { year: a.month === 12 ? a.year + 1 : a.year, month: a.month === 12 ? 1 : a.month + 1, leap: false };
  return b.year === next.year && b.month === next.month && b.leap === next.leap;
}

describe('properties (fast-check)', () => {
  const solarDay = fc.integer({ min: toDayNumber(iso('1900-02-01')), max: toDayNumber(iso('2100-12-31')) });

  it('lunarToSolar(solarToLunar(d)) is d, with day 1–30 and month 1–12', () => {
    fc.assert(
      fc.property(solarDay, (n) => {
        const lunar = solarToLunar(fromDayNumber(n));
        expect(lunar.day).toBeGreaterThanOrEqual(1);
        expect(lunar.day).toBeLessThanOrEqual(30);
        expect(lunar.month).toBeGreaterThanOrEqual(1);
        expect(lunar.month).toBeLessThanOrEqual(12);
        expect(toDayNumber(lunarToSolar(lunar))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('maps consecutive solar days to consecutive lunar days or to day 1 of the next month', () => {
    fc.assert(
      fc.property(solarDay, (n) => {
        expect(follows(solarToLunar(fromDayNumber(n - 1)), solarToLunar(fromDayNumber(n)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips every lunar date that exists and refuses every one that does not', () => {
    const lunarDate = fc.record({
      year: fc.integer({ min: FIRST_LUNAR_YEAR, max: LAST_LUNAR_YEAR }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 30 }),
      leap: fc.boolean(),
    });
    fc.assert(
      fc.property(lunarDate, (lunar) => {
        if (isValidLunarDate(lunar)) expect(solarToLunar(lunarToSolar(lunar))).toEqual(lunar);
        else expect(() => lunarToSolar(lunar)).toThrow(RangeError);
      }),
      { numRuns: 2000 },
    );
  });
});
