/**
 * Backups through SQLite's online backup API: a consistent copy while the counter keeps
 * working. A backup is written under a temporary name and renamed when complete, so a file
 * with a backup's name is always whole; only the newest `keep` are kept. Restore trusts nothing:
 * it opens the backup read-only, runs the full integrity check, and refuses a damaged file with
 * the live database untouched. The clock is the caller's: times come in as arguments.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { sqliteFailureKind, type Store } from './db';
import { integrityCheck } from './integrity';
import { latestSchemaVersion } from './migrate';

const PREFIX = 'motcua-';
const SUFFIX = '.sqlite';
const NAME = /^motcua-\d{8}T\d{9}Z\.sqlite$/u;
/** Pages copied per step of the backup API; larger steps finish sooner, smaller yield more often. */
const PAGES_PER_STEP = 2000;

export interface BackupOptions {
  /** Folder for backups; created if missing. */
  readonly dir: string;
  /** The time the backup is taken; it names the file. */
  readonly now: Date;
  /** How many backups to keep, newest first (at least 1). */
  readonly keep: number;
  /**
   * Pages copied per step (default 2000). The backup yields to the event loop between steps, so
   * a backup started from a screen uses smaller steps to keep the counter's calls answering.
   */
  readonly pagesPerStep?: number;
  /** Told after each step: pages copied so far out of the database's pages. */
  readonly onProgress?: (copied: number, total: number) => void;
}

export interface BackupResult {
  readonly path: string;
  readonly bytes: number;
  /** Older backups deleted to keep `keep`. */
  readonly removed: readonly string[];
}

/** `motcua-20261123T013000123Z.sqlite`: sorts by time, and is a valid name on Windows. */
export function backupFileName(now: Date): string {
  return `${PREFIX}${now.toISOString().replace(/[-:.]/gu, '')}${SUFFIX}`;
}

/** Backups in `dir`, oldest first (their names sort by time). */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** Copies the open store into `dir` now, then prunes to the newest `keep`. */
export async function backupStore(store: Store, options: BackupOptions): Promise<BackupResult> {
  if (!Number.isInteger(options.keep) || options.keep < 1) throw new RangeError(`keep must be a positive integer, got ${options.keep}`);
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const path = join(options.dir, backupFileName(options.now));
  const partial = `${path}.partial`;
  try {
    const step = options.pagesPerStep ?? PAGES_PER_STEP;
    await store.read((db) =>
      db.backup(partial, {
        progress: ({ totalPages, remainingPages }) => {
          options.onProgress?.(totalPages - remainingPages, totalPages);
          return step;
        },
      }),
    );
    // The copy inherits WAL mode; a backup should be one self-contained file.
    const copy = new Database(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new AppError('store.backup-failed', { reason: sqliteFailureKind(error) === 'unknown' ? errorName(error) : sqliteFailureKind(error) });
  }
  const all = listBackups(options.dir);
  const removed = all.slice(0, Math.max(0, all.length - options.keep));
  for (const old of removed) rmSync(old, { force: true });
  return { path, bytes: statSync(path).size, removed };
}

export interface RestoreResult {
  /** Where the database that was live before the restore now lies, if there was one. */
  readonly previous?: string;
}

/**
 * Replaces the database at `livePath` with the backup, after checking the backup whole. The
 * live database must be closed. The previous file (and its WAL) is kept beside it as
 * `<name>.before-restore`, replacing any older one. Throws AppError 'store.backup-corrupt' for a
 * damaged or foreign file and 'store.future-version' for a backup from a newer version; in both
 * cases nothing at `livePath` changes.
 */
export async function restoreBackup(backupPath: string, livePath: string): Promise<RestoreResult> {
  const backup = openVerified(backupPath);
  const restoring = `${livePath}.restoring`;
  try {
    mkdirSync(dirname(livePath), { recursive: true, mode: 0o700 });
    await backup.backup(restoring);
  } catch (error) {
    rmSync(restoring, { force: true });
    throw new AppError('store.backup-failed', { reason: sqliteFailureKind(error) === 'unknown' ? errorName(error) : sqliteFailureKind(error) });
  } finally {
    backup.close();
  }
  const aside = `${livePath}.before-restore`;
  let previous: string | undefined;
  for (const suffix of ['', '-wal', '-shm']) rmSync(aside + suffix, { force: true });
  for (const suffix of ['-wal', '-shm', '']) {
    if (!existsSync(livePath + suffix)) continue;
    renameSync(livePath + suffix, aside + suffix);
    if (suffix === '') previous = aside;
  }
  renameSync(restoring, livePath);
  return previous === undefined ? {} : { previous };
}

/** Opens a backup read-only and proves it is a whole Motcua database this version can read. */
function openVerified(backupPath: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(backupPath, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppError('store.backup-corrupt', { detail: `${basename(backupPath)}: ${sqliteFailureKind(error)}` });
  }
  try {
    const check = integrityCheck(db, 5);
    if (!check.ok) throw new AppError('store.backup-corrupt', { detail: `${basename(backupPath)}: ${check.detail.slice(0, 200)}` });
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasDossiers = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'dossiers'").get() !== undefined;
    if (version === 0 || !hasDossiers) throw new AppError('store.backup-corrupt', { detail: `${basename(backupPath)}: not a Motcua Desk database` });
    if (version > latestSchemaVersion()) throw new AppError('store.future-version', { found: version, known: latestSchemaVersion() });
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError('store.backup-corrupt', { detail: `${basename(backupPath)}: ${sqliteFailureKind(error)}` });
  }
}

function errorName(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code !== '' ? code : 'unknown';
}
