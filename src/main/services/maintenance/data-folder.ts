/**
 * The database file of a data folder, for support commands that work on the folder rather than
 * through a running core (backup, restore, stats). They never create a database where there is
 * none: a wrong `--data-dir` must be reported, not silently filled with an empty commune.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { openStore, type Store } from '../../store/db';
import { databaseFileName } from '../core';

/** Where the data folder keeps its database. */
export function databasePath(dataDir: string): string {
  return join(dataDir, databaseFileName);
}

/** The database path; throws AppError 'store.no-database' when the folder has none. */
export function requireDatabase(dataDir: string): string {
  const path = databasePath(dataDir);
  if (!existsSync(path)) throw new AppError('store.no-database', { dir: dataDir });
  return path;
}

/** Opens the folder's existing database (migrating it as the app would), runs `fn`, closes it. */
export async function withDataStore<T>(dataDir: string, fn: (store: Store) => T | Promise<T>): Promise<T> {
  const store = openStore(requireDatabase(dataDir));
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}
