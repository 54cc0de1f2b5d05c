/**
 * Holiday overlays per year from the hub: the government's yearly decision on days off and
 * make-up working days (domain-vn §5), layered over the computed calendar by src/shared.
 * Stored as the hub sent it; the calendar code parses it.
 */
import type { ReadDb, WriteDb } from '../db';
import { fromJson, prepared, toJson } from '../statements';

export interface HolidayOverlay {
  readonly year: number;
  readonly overlay: unknown;
  readonly updatedAt: string;
}

/** Stores (or replaces) the overlay of `year`. */
export function putHolidayOverlay(db: WriteDb, year: number, overlay: unknown, updatedAt: string): void {
  prepared(
    db,
    `INSERT INTO holidays (year, overlay, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (year) DO UPDATE SET overlay = excluded.overlay, updated_at = excluded.updated_at`,
  ).run(year, toJson(overlay), updatedAt);
}

export function getHolidayOverlay(db: ReadDb, year: number): HolidayOverlay | undefined {
  const row = prepared(db, 'SELECT year, overlay, updated_at FROM holidays WHERE year = ?').get(year) as
    | { year: number; overlay: string; updated_at: string }
    | undefined;
  return row === undefined ? undefined : { year: row.year, overlay: fromJson(row.overlay), updatedAt: row.updated_at };
}

/** Overlays for `fromYear` … `toYear` inclusive (a deadline may cross into next year). */
export function listHolidayOverlays(db: ReadDb, fromYear: number, toYear: number): HolidayOverlay[] {
  const rows = prepared(db, 'SELECT year, overlay, updated_at FROM holidays WHERE year BETWEEN ? AND ? ORDER BY year').all(fromYear, toYear) as {
    year: number;
    overlay: string;
    updated_at: string;
  }[];
  return rows.map((r) => ({ year: r.year, overlay: fromJson(r.overlay), updatedAt: r.updated_at }));
}
