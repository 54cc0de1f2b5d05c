import { z } from 'zod';
import { parseIsoDate } from './civil-date';
import { HOLIDAY_KINDS } from './holiday-rules';
import { FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR } from './lunar';

/*
 * What the city hub publishes each year about the working calendar, once the Prime Minister's
 * decisions are known (notes §5.2, §5.5). It is a correction of the rule in holiday-rules.ts,
 * not a replacement: the year's holidays are the rule's, minus `removed`, plus `added`. Removing
 * a day that is not a holiday does nothing, so an overlay that both removes the rule's guess
 * and adds the decided day stays right even if a later version of the rule guesses otherwise.
 *
 * Dates are ISO strings so the overlay is plain JSON and round-trips unchanged. Unknown
 * properties are dropped rather than refused, so an older PC still reads a newer hub's overlay.
 */

const MAX_DATES = 366;

/** An ISO calendar date, "2026-02-16", that names a real day. */
const isoDateSchema = z.string().refine((s) => parseIsoDate(s) !== undefined, { error: 'Must be a real date written YYYY-MM-DD' });

const nameSchema = z.object({
  vi: z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});

/** A holiday the hub adds: a day the rule does not know, or a decided day replacing its guess. */
export const addedHolidaySchema = z.object({
  date: isoDateSchema,
  name: nameSchema,
  /** Defaults to `other`; give `tet` or `national-day` for a day the PM moved. */
  kind: z.enum(HOLIDAY_KINDS).optional(),
});

/** Schema of `HolidayOverlay`; parse anything that came over the network with it. */
export const holidayOverlaySchema = z
  .object({
    year: z.int().min(FIRST_LUNAR_YEAR).max(LAST_LUNAR_YEAR),
    /** Holidays on top of the rule's (or replacing the rule's holiday on the same date). */
    added: z.array(addedHolidaySchema).max(MAX_DATES),
    /** Dates the rule proposes as holidays that are not holidays this year. */
    removed: z.array(isoDateSchema).max(MAX_DATES),
    /** Days worked although they are weekly days off or holidays, e.g. a swapped Saturday. */
    workingDays: z.array(isoDateSchema).max(MAX_DATES),
    /** Days off that are not holidays: bridging days, compensatory days for a holiday on a weekend. */
    daysOff: z.array(isoDateSchema).max(MAX_DATES),
  })
  .superRefine((overlay, ctx) => {
    const lists = {
      added: overlay.added.map((a) => a.date),
      removed: overlay.removed,
      workingDays: overlay.workingDays,
      daysOff: overlay.daysOff,
    };
    for (const [key, dates] of Object.entries(lists)) {
      const seen = new Set<string>();
      dates.forEach((date, i) => {
        const path = key === 'added' ? [key, i, 'date'] : [key, i];
        const parsed = parseIsoDate(date);
        if (parsed !== undefined && parsed.year !== overlay.year) ctx.addIssue({ code: 'custom', message: `${date} is not in ${overlay.year}`, path });
        if (seen.has(date)) ctx.addIssue({ code: 'custom', message: `${date} is listed twice`, path });
        seen.add(date);
      });
    }
    const clash = (a: keyof typeof lists, b: keyof typeof lists): void => {
      const other = new Set(lists[b]);
      lists[a].forEach((date, i) => {
        if (other.has(date)) ctx.addIssue({ code: 'custom', message: `${date} is in both ${a} and ${b}`, path: [a, i] });
      });
    };
    clash('workingDays', 'daysOff');
    clash('workingDays', 'added');
    clash('added', 'removed');
  });

/**
 * The hub's yearly correction of the working calendar; see the file header. Every date lies in
 * `year` — a break across New Year is published in both years' overlays.
 */
export type HolidayOverlay = z.infer<typeof holidayOverlaySchema>;
