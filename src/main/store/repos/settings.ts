import type { ReadDb, WriteDb } from '../db';
import { fromJson, prepared, toJson } from '../statements';

/** Settings are small JSON values by key; callers parse them with their own zod schema. */
export function getSetting(db: ReadDb, key: string): unknown {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row === undefined ? undefined : fromJson(row.value);
}

/** Creates or replaces a setting; `now` is ISO 8601 UTC. */
export function putSetting(db: WriteDb, key: string, value: unknown, now: string): void {
  prepared(
    db,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, toJson(value), now);
}
