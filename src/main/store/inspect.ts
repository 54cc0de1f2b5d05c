/**
 * Looking at a database file without changing it, for `doctor` and `restore`. `openStore`
 * migrates and would refuse a damaged file; a support engineer needs the opposite: open
 * read-only, report the schema as found, run the full integrity check, and say what is wrong.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { sqliteFailureKind, type ReadDb } from './db';
import { integrityCheck, type CheckResult } from './integrity';
import { latestSchemaVersion } from './migrate';
import { countUnsentOutbox } from './repos/outbox';
import { databaseSize, sqliteVersion } from './stats';

/** The version of the SQLite library this build links, e.g. "3.53.2". */
export function sqliteLibraryVersion(): string {
  const db = new Database(':memory:');
  try {
    return sqliteVersion(db as ReadDb);
  } finally {
    db.close();
  }
}

export type DatabaseInspection =
  | { readonly state: 'missing' }
  /** The file exists but SQLite cannot read it; `reason` as `sqliteFailureKind` gives it. */
  | { readonly state: 'unreadable'; readonly reason: string }
  | {
      readonly state: 'readable';
      readonly schemaVersion: number;
      readonly latestSchemaVersion: number;
      readonly integrity: CheckResult;
      readonly bytes: number;
      /** Commands waiting for the hub; null when the schema has no outbox yet. */
      readonly unsentOutbox: number | null;
    };

/** Describes the database at `path` without writing to it. Never throws for a bad file. */
export function inspectDatabaseFile(path: string): DatabaseInspection {
  if (!existsSync(path)) return { state: 'missing' };
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { state: 'unreadable', reason: sqliteFailureKind(error) };
  }
  try {
    const read = db as ReadDb;
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const hasOutbox = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'outbox'").get() !== undefined;
    return {
      state: 'readable',
      schemaVersion,
      latestSchemaVersion: latestSchemaVersion(),
      integrity: integrityCheck(read, 10),
      bytes: databaseSize(read).bytes,
      unsentOutbox: hasOutbox ? countUnsentOutbox(read) : null,
    };
  } catch (error) {
    return { state: 'unreadable', reason: sqliteFailureKind(error) };
  } finally {
    db.close();
  }
}

/**
 * True when another connection (the app, the browser host, a second CLI) has the database open.
 * In WAL mode every open connection holds a shared lock on the file, so an exclusive lock that
 * cannot be had at once means someone else is there. False for a missing or unreadable file.
 */
export function isDatabaseInUse(path: string): boolean {
  if (!existsSync(path)) return false;
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 0 });
  } catch {
    return false;
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    // A damaged file (the usual reason to restore) cannot be locked either; that is not "in use".
    return sqliteFailureKind(error) === 'busy';
  } finally {
    db.close();
  }
}
