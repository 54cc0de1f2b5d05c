import type { CivilDate } from './civil-date';

/**
 * The one question deadline maths asks of a calendar. `HolidayCalendar` (holidays.ts) answers it
 * from statutory rules overlaid with what the hub publishes; tests may answer it from a table.
 */
export interface WorkingCalendar {
  /** True when the office is closed the whole day: a weekend that was not swapped to a working day, or a holiday. */
  isDayOff(date: CivilDate): boolean;
}
