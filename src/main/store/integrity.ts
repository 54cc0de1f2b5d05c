import type { ReadDb } from './db';

/** `PRAGMA quick_check`: "ok", or the first problems SQLite found. */
export function quickCheck(db: ReadDb): { ok: boolean; detail: string } {
  const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
  const detail = rows.map((r) => r.quick_check).join('; ');
  return { ok: detail === 'ok', detail };
}
