/**
 * The sync client's own bookkeeping (pull cursor, last success, enrolment): small JSON values
 * by key, never synced themselves. Kept apart from settings so a settings reset cannot make
 * the PC forget where it stopped reading the hub's feed.
 */
import type { ReadDb, WriteDb } from '../db';
import { fromJson, prepared, toJson } from '../statements';

/** The value under `key`, or undefined; the caller parses its shape. */
export function getSyncState(db: ReadDb, key: string): unknown {
  const row = prepared(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined;
  return row === undefined ? undefined : fromJson(row.value);
}

/** Creates or replaces the value under `key`. */
export function putSyncState(db: WriteDb, key: string, value: unknown, now: string): void {
  prepared(
    db,
    `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, toJson(value), now);
}
