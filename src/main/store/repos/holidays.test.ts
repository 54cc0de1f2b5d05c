import { describe, expect, it } from 'vitest';
import { at, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { getHolidayOverlay, listHolidayOverlays, putHolidayOverlay } from './holidays';

const tempDir = useTempDirs();

describe('holiday overlays', () => {
  it('stores one overlay per year, replaces it, and lists a range of years', () => {
    const store = openTestStore(tempDir());
    store.write((db) => {
      putHolidayOverlay(db, 2026, { off: ['2026-02-16'] }, at(0));
      putHolidayOverlay(db, 2027, { off: [] }, at(0));
      putHolidayOverlay(db, 2026, { off: ['2026-02-16', '2026-02-17'], makeUp: ['2026-02-28'] }, at(5));
    });
    expect(store.read((db) => getHolidayOverlay(db, 2026))).toEqual({ year: 2026, overlay: { off: ['2026-02-16', '2026-02-17'], makeUp: ['2026-02-28'] }, updatedAt: at(5) });
    expect(store.read((db) => listHolidayOverlays(db, 2026, 2027)).map((o) => o.year)).toEqual([2026, 2027]);
    expect(store.read((db) => getHolidayOverlay(db, 2025))).toBeUndefined();
    store.close();
  });
});
