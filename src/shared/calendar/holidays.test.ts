import { describe, expect, it } from 'vitest';
import { addDays, compareCivilDates, formatIsoDate, parseIsoDate, type CivilDate } from './civil-date';
import { HolidayCalendar, holidayOverlaySchema, statutoryHolidays, type HolidayOverlay } from './holidays';

function iso(text: string): CivilDate {
  const date = parseIsoDate(text);
  if (date === undefined) throw new Error(`bad test date ${text}`);
  return date;
}

/** The days from `from` to `to` inclusive that the calendar says are off, as ISO strings. */
function daysOff(calendar: HolidayCalendar, from: string, to: string): string[] {
  const off: string[] = [];
  for (let d = iso(from); compareCivilDates(d, iso(to)) <= 0; d = addDays(d, 1)) if (calendar.isDayOff(d)) off.push(formatIsoDate(d));
  return off;
}

/** The working day `count` working days after `from`, the way deadline code counts. */
function afterWorkingDays(calendar: HolidayCalendar, from: string, count: number): string {
  let day = iso(from);
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (!calendar.isDayOff(day)) left--;
  }
  return formatIsoDate(day);
}

const emptyOverlay = (year: number): HolidayOverlay => ({ year, added: [], removed: [], workingDays: [], daysOff: [] });

describe('statutoryHolidays', () => {
  it('gives 2026 as the notes do (§5.2), the PM-decided days flagged provisional', () => {
    expect(statutoryHolidays(2026).map((h) => [formatIsoDate(h.date), h.kind, h.provisional])).toEqual([
      ['2026-01-01', 'new-year', false],
      ['2026-02-16', 'tet', true],
      ['2026-02-17', 'tet', true],
      ['2026-02-18', 'tet', true],
      ['2026-02-19', 'tet', true],
      ['2026-02-20', 'tet', true],
      ['2026-04-26', 'hung-kings', false],
      ['2026-04-30', 'reunification', false],
      ['2026-05-01', 'labour', false],
      ['2026-09-01', 'national-day', true],
      ['2026-09-02', 'national-day', false],
    ]);
  });

  it('gives 2025: Tết from the last day of Giáp Thìn (28/1) to mùng 4, Giỗ Tổ on 7/4', () => {
    expect(statutoryHolidays(2025).map((h) => formatIsoDate(h.date))).toEqual([
      '2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01',
      '2025-04-07', '2025-04-30', '2025-05-01', '2025-09-01', '2025-09-02',
    ]);
  });

  it('names each day in Vietnamese and English', () => {
    const [newYear, eve, firstDay] = statutoryHolidays(2026);
    expect(newYear?.name).toEqual({ vi: 'Tết Dương lịch', en: "New Year's Day" });
    expect(eve?.name.vi).toBe('Tết Âm lịch (ngày cuối năm cũ)');
    expect(firstDay?.name.vi).toBe('Tết Âm lịch (mùng 1)');
  });

  // Only 2024 is in the notes; the other years check the rule itself (Thursday → Friday, Friday → Thursday).
  it('proposes the day next to 2/9 that joins the weekend (2024: Sat 31/8 → Tue 3/9, notes §5.2)', () => {
    const companion = (year: number): string | undefined =>
      statutoryHolidays(year).filter((h) => h.kind === 'national-day' && h.provisional).map((h) => formatIsoDate(h.date))[0];
    expect(companion(2024)).toBe('2024-09-03');
    expect(companion(2022)).toBe('2022-09-01');
    expect(companion(2021)).toBe('2021-09-03');
  });

  it('flags Giỗ Tổ provisional only in a year with a leap third month (2031)', () => {
    const gioTo = (year: number) => statutoryHolidays(year).find((h) => h.kind === 'hung-kings');
    expect(gioTo(2031)).toMatchObject({ date: iso('2031-04-01'), provisional: true });
    expect(gioTo(2030)).toMatchObject({ date: iso('2030-04-12'), provisional: false });
  });

  it('throws a RangeError outside the lunar range', () => {
    expect(() => statutoryHolidays(2101)).toThrow(RangeError);
  });
});

describe('HolidayCalendar without overlays', () => {
  const calendar = new HolidayCalendar();

  it('closes on weekends and holidays only', () => {
    expect(daysOff(calendar, '2026-04-24', '2026-05-05')).toEqual(['2026-04-25', '2026-04-26', '2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03']);
  });

  it('gives the nine-day Tết Bính Ngọ break, Sat 14/02 to Sun 22/02/2026 (notes §5.2)', () => {
    expect(daysOff(calendar, '2026-02-13', '2026-02-23')).toEqual([
      '2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22',
    ]);
  });

  it('reproduces the worked deadline examples of notes §5.1', () => {
    expect(afterWorkingDays(calendar, '2026-04-29', 3)).toBe('2026-05-06');
    expect(afterWorkingDays(calendar, '2026-02-13', 5)).toBe('2026-02-27');
    expect(afterWorkingDays(calendar, '2026-02-13', 1)).toBe('2026-02-23');
  });

  it('tells holidays from weekends', () => {
    expect(calendar.isHoliday(iso('2026-04-30'))).toBe(true);
    expect(calendar.isHoliday(iso('2026-05-02'))).toBe(false);
    expect(calendar.isDayOff(iso('2026-05-02'))).toBe(true);
  });

  it('takes its weekly days off from the options', () => {
    const sundaysOnly = new HolidayCalendar({ weeklyDaysOff: [0] });
    expect(sundaysOnly.isDayOff(iso('2026-05-09'))).toBe(false);
    expect(sundaysOnly.isDayOff(iso('2026-05-10'))).toBe(true);
    expect(sundaysOnly.isDayOff(iso('2026-05-01'))).toBe(true);
    expect(() => new HolidayCalendar({ weeklyDaysOff: [7] })).toThrow(RangeError);
  });

  it('refuses a date that does not exist', () => {
    expect(() => calendar.isDayOff({ year: 2026, month: 2, day: 30 })).toThrow(RangeError);
  });
});

describe('HolidayCalendar with the hub overlay', () => {
  it('applies a swapped Saturday and a bridging day (30/4–1/5/2025, notes §5.2)', () => {
    const overlay: HolidayOverlay = { ...emptyOverlay(2025), workingDays: ['2025-04-26'], daysOff: ['2025-05-02'] };
    const calendar = new HolidayCalendar().withOverlay(overlay);
    expect(calendar.isDayOff(iso('2025-04-26'))).toBe(false);
    expect(daysOff(calendar, '2025-04-26', '2025-05-05')).toEqual(['2025-04-27', '2025-04-30', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04']);
    expect(calendar.isHoliday(iso('2025-05-02'))).toBe(false);
  });

  it('applies 2024: off Mon 29/4 for a five-day break, work Sat 4/5 (notes §5.2)', () => {
    const calendar = new HolidayCalendar({ overlays: [{ ...emptyOverlay(2024), workingDays: ['2024-05-04'], daysOff: ['2024-04-29'] }] });
    expect(daysOff(calendar, '2024-04-26', '2024-05-05')).toEqual(['2024-04-27', '2024-04-28', '2024-04-29', '2024-04-30', '2024-05-01', '2024-05-05']);
  });

  it('adds, removes and renames holidays, and confirms the year', () => {
    // The 2 + 3 Tết pattern: 28 Chạp instead of mùng 4; a compensatory day after Giỗ Tổ on Sunday.
    const overlay: HolidayOverlay = {
      ...emptyOverlay(2026),
      removed: ['2026-02-20'],
      added: [
        { date: '2026-02-15', name: { vi: 'Tết Âm lịch (28 tháng Chạp)', en: 'Lunar New Year (28th of the 12th month)' }, kind: 'tet' },
        { date: '2026-11-24', name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' } },
        { date: '2026-09-02', name: { vi: 'Quốc khánh', en: 'National Day (Independence Day)' }, kind: 'national-day' },
      ],
      daysOff: ['2026-04-27'],
    };
    const calendar = new HolidayCalendar({ overlays: [overlay] });
    const holidays = calendar.holidaysOf(2026);
    expect(holidays.filter((h) => h.kind === 'tet').map((h) => formatIsoDate(h.date))).toEqual(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19']);
    expect(holidays.find((h) => formatIsoDate(h.date) === '2026-11-24')?.kind).toBe('other');
    expect(holidays.filter((h) => formatIsoDate(h.date) === '2026-09-02').map((h) => h.name.en)).toEqual(['National Day (Independence Day)']);
    expect(holidays.every((h) => !h.provisional)).toBe(true);
    expect(calendar.isDayOff(iso('2026-02-20'))).toBe(false);
    expect(calendar.isDayOff(iso('2026-11-24'))).toBe(true);
    expect(calendar.isDayOff(iso('2026-04-27'))).toBe(true);
    expect(new HolidayCalendar().holidaysOf(2026).some((h) => h.provisional)).toBe(true);
  });

  it('lets a listed working day win over a holiday', () => {
    const calendar = new HolidayCalendar({ overlays: [{ ...emptyOverlay(2026), workingDays: ['2026-09-01'] }] });
    expect(calendar.isDayOff(iso('2026-09-01'))).toBe(false);
  });

  it('keeps one overlay per year: withOverlay replaces, the constructor refuses two', () => {
    const first = new HolidayCalendar().withOverlay({ ...emptyOverlay(2026), daysOff: ['2026-01-02'] });
    expect(first.isDayOff(iso('2026-01-02'))).toBe(true);
    const second = first.withOverlay(emptyOverlay(2026));
    expect(second.isDayOff(iso('2026-01-02'))).toBe(false);
    expect(first.isDayOff(iso('2026-01-02'))).toBe(true);
    expect(second.overlayOf(2026)).toEqual(emptyOverlay(2026));
    expect(() => new HolidayCalendar({ overlays: [emptyOverlay(2026), emptyOverlay(2026)] })).toThrow(RangeError);
  });

  it('refuses an invalid overlay handed to it directly', () => {
    expect(() => new HolidayCalendar().withOverlay({ ...emptyOverlay(2026), daysOff: ['2026-02-30'] })).toThrow(RangeError);
  });
});

describe('holidayOverlaySchema', () => {
  const valid = { year: 2026, added: [], removed: [], workingDays: [], daysOff: ['2026-01-02'] };

  it('accepts a good overlay and drops unknown properties', () => {
    expect(holidayOverlaySchema.parse({ ...valid, publishedBy: 'hub' })).toEqual(valid);
  });

  it.each<[string, unknown]>([
    ['not an object', '2026'],
    ['a missing list', { year: 2026, added: [], removed: [], workingDays: [] }],
    ['a year that is not an integer', { ...valid, year: 2026.5 }],
    ['a year outside the lunar range', { ...valid, year: 2200, daysOff: [] }],
    ['a date that does not exist', { ...valid, daysOff: ['2026-02-30'] }],
    ['a date in another format', { ...valid, daysOff: ['02/01/2026'] }],
    ['a date in another year', { ...valid, daysOff: ['2027-01-02'] }],
    ['a date listed twice', { ...valid, daysOff: ['2026-01-02', '2026-01-02'] }],
    ['a day both worked and off', { ...valid, workingDays: ['2026-01-02'] }],
    ['a day both added and removed', { ...valid, removed: ['2026-11-24'], added: [{ date: '2026-11-24', name: { vi: 'Ngày Văn hóa', en: 'Culture Day' } }] }],
    ['an added holiday that is also a working day', { ...valid, workingDays: ['2026-11-24'], added: [{ date: '2026-11-24', name: { vi: 'x', en: 'x' } }] }],
    ['a blank name', { ...valid, added: [{ date: '2026-11-24', name: { vi: ' ', en: 'Culture Day' } }] }],
    ['an unknown kind', { ...valid, added: [{ date: '2026-11-24', name: { vi: 'x', en: 'x' }, kind: 'culture' }] }],
  ])('rejects %s', (_, input) => {
    expect(holidayOverlaySchema.safeParse(input).success).toBe(false);
  });

  it('rejects bad JSON from the network', () => {
    const json = '{"year":2026,"added":[{"date":"2026-13-01","name":{"vi":"x","en":"x"}}],"removed":[],"workingDays":[],"daysOff":[]}';
    const parsed = holidayOverlaySchema.safeParse(JSON.parse(json));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['added', 0, 'date']);
  });
});
