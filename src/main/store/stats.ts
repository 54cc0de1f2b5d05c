/**
 * Figures for the support CLI (`stats`, `doctor`): how many dossiers per status, how big the
 * file is, which SQLite runs. Not a hot path: the status count walks the whole status index,
 * which is fine for a support engineer and never done on a clerk's screen.
 */
import type { ReadDb } from './db';
import { prepared } from './statements';

/** Dossiers per status, most frequent first. */
export function countDossiersByStatus(db: ReadDb): { status: string; count: number }[] {
  return prepared(db, 'SELECT status, count(*) AS count FROM dossiers GROUP BY status ORDER BY count DESC, status').all() as { status: string; count: number }[];
}

export interface DatabaseSize {
  /** Pages in use and free, times the page size: the main file's size once the WAL is checkpointed. */
  readonly bytes: number;
  /** Bytes in free pages, which VACUUM would return to the disk. */
  readonly freeBytes: number;
}

/** Size of the main database file, from SQLite's own page counts. */
export function databaseSize(db: ReadDb): DatabaseSize {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  return { bytes: pageSize * pages, freeBytes: pageSize * free };
}

/** The SQLite library's version, e.g. "3.53.2". */
export function sqliteVersion(db: ReadDb): string {
  return prepared(db, 'SELECT sqlite_version() AS v').pluck().get() as string;
}
