/*
 * The astronomy under the Vietnamese lunar calendar, as Hồ Ngọc Đức computes it (notes §5.3):
 * Meeus' new-moon series and low-precision solar longitude, evaluated in Hanoi time. The
 * formulas and constants are his, term for term, because the calendar Vietnam uses is the
 * output of exactly this computation; a more precise ephemeris could disagree with it on a
 * new moon that falls within minutes of midnight.
 *
 * Inside, days are Julian Day Numbers as in his code, so intermediate values can be compared
 * with his; the exported functions speak `toDayNumber` days (since 1970-01-01) like the rest
 * of src/shared/calendar.
 */
import { toDayNumber } from './civil-date';

/**
 * Hanoi time. Vietnam has computed its calendar at UTC+7 since 1968 (North) and 1976 (whole
 * country). UTC+8 gives the Chinese calendar, which differs in 1985, 2007, 2030, 2053…
 */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

const TZ_DAYS = VIETNAM_UTC_OFFSET_HOURS / 24;
const DEG = Math.PI / 180;
const SYNODIC_MONTH = 29.530588853;
/** Julian date of the new moon of 1900-01-01 13:52 UT, from which new moons are numbered. */
const NEW_MOON_EPOCH = 2415021.076998695;
/** Julian Day Number of 1970-01-01, the origin of `toDayNumber`. */
const JDN_OF_DAY_ZERO = 2440588;

/** Moment of the k-th new moon after 1900-01-01 (Julian date, UT); Meeus 1998 ch. 49 via HND. */
function newMoonMoment(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const correction = (0.1734 - 0.000393 * t) * Math.sin(m * DEG) + 0.0021 * Math.sin(2 * DEG * m)
    - 0.4068 * Math.sin(mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * mpr)
    - 0.0004 * Math.sin(DEG * 3 * mpr)
    + 0.0104 * Math.sin(DEG * 2 * f) - 0.0051 * Math.sin(DEG * (m + mpr))
    - 0.0074 * Math.sin(DEG * (m - mpr)) + 0.0004 * Math.sin(DEG * (2 * f + m))
    - 0.0004 * Math.sin(DEG * (2 * f - m)) - 0.0006 * Math.sin(DEG * (2 * f + mpr))
    + 0.001 * Math.sin(DEG * (2 * f - mpr)) + 0.0005 * Math.sin(DEG * (2 * mpr + m));
  const deltaT = t < -11
    ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** JDN of the Hanoi day on which new moon k falls. */
function newMoonJdn(k: number): number {
  return Math.floor(newMoonMoment(k) + 0.5 + TZ_DAYS);
}

/** Sun's true longitude in radians, 0 ≤ L < 2π, at Julian date `jd` (Meeus, low precision). */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525;
  const t2 = t * t;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const center = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * m)
    + (0.019993 - 0.000101 * t) * Math.sin(DEG * 2 * m) + 0.00029 * Math.sin(DEG * 3 * m);
  const l = (l0 + center) * DEG;
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
}

/**
 * The 30° arc of the ecliptic (0 = 0°–30°, …, 9 = winter solstice to 300°, …, 11) the sun is
 * in at the Hanoi midnight that begins day `jdn`. Major solar terms (trung khí) sit on the arc
 * boundaries, so a month whose first day and next month's first day share an arc has none.
 */
function sunArcAtDayStart(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TZ_DAYS) / Math.PI) * 6);
}

/** First day of the lunar month that new moon k begins (a `toDayNumber` day). */
export function newMoonDay(k: number): number {
  return newMoonJdn(k) - JDN_OF_DAY_ZERO;
}

/** Index k of the new moon that begins the month starting on `monthStart` (a `toDayNumber` day). */
export function newMoonIndexAt(monthStart: number): number {
  return Math.floor((monthStart + JDN_OF_DAY_ZERO - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
}

/**
 * First day of lunar month 11 — the month holding the winter solstice — of Gregorian `year`:
 * the new moon before 31 December, or the one before that if the sun had already passed the
 * solstice (arc 9 or more) when it began.
 */
export function month11Start(year: number): number {
  const dec31 = toDayNumber({ year, month: 12, day: 31 }) + JDN_OF_DAY_ZERO;
  const k = Math.floor((dec31 - 2415021) / SYNODIC_MONTH);
  const first = newMoonJdn(k);
  return (sunArcAtDayStart(first) >= 9 ? newMoonJdn(k - 1) : first) - JDN_OF_DAY_ZERO;
}

/**
 * For a 13-month span starting with month 11 on `month11` (a `toDayNumber` day): the position
 * (1 = the month after month 11) of the first month with no major solar term, which is the
 * leap month (notes §5.3 rule 3). 13 would mean none was found; the caller treats it as a fault.
 */
export function leapMonthPosition(month11: number): number {
  const k = newMoonIndexAt(month11);
  let position = 1;
  let arc = sunArcAtDayStart(newMoonJdn(k + 1));
  let previous: number;
  do {
    previous = arc;
    position++;
    arc = sunArcAtDayStart(newMoonJdn(k + position));
  } while (arc !== previous && position < 14);
  return position - 1;
}
