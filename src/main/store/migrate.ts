/**
 * Applies pending migrations in one transaction and records the version in `user_version`.
 * A database written by a newer version is refused untouched, with a message the clerk can act on.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { migrations } from './migrations';

export function latestSchemaVersion(): number {
  return migrations.at(-1)?.version ?? 0;
}

export function migrate(db: Database.Database, target = latestSchemaVersion()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestSchemaVersion()) {
    throw new AppError('store.future-version', { found: current, known: latestSchemaVersion() });
  }
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${pending.at(-1)!.version}`);
  })();
  return pending.at(-1)!.version;
}
