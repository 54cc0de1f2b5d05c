/**
 * The office's working calendar: the statutory holidays by rule, corrected by the yearly overlays
 * the hub published (stored in `holidays`). Built per use case from the years a deadline can
 * reach, so an overlay that arrives by sync applies to the next dossier without a restart.
 */
import { HolidayCalendar, holidayOverlaySchema, type HolidayOverlay } from '../../../shared/calendar/holidays';
import type { ReadDb } from '../../store/db';
import { listHolidayOverlays } from '../../store/repos/holidays';

/** Years past the last one asked about: a long processing time may cross New Year twice. */
const YEARS_AHEAD = 2;

/** The calendar for deadlines that start in `fromYear` … `toYear`. */
export function loadWorkingCalendar(db: ReadDb, fromYear: number, toYear = fromYear): HolidayCalendar {
  const overlays: HolidayOverlay[] = [];
  for (const stored of listHolidayOverlays(db, fromYear, toYear + YEARS_AHEAD)) {
    const parsed = holidayOverlaySchema.safeParse(stored.overlay);
    // An overlay the hub should never have sent: the rule alone is a safer calendar than none.
    if (parsed.success && parsed.data.year === stored.year) overlays.push(parsed.data);
    else console.warn(`[calendar] ignoring an invalid holiday overlay for ${stored.year}`);
  }
  return new HolidayCalendar({ overlays });
}
