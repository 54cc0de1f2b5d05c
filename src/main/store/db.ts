/**
 * The one place that opens SQLite. WAL so readers never wait for the writer; foreign keys on;
 * a busy timeout so a backup or a second reader does not fail a clerk's save.
 * `synchronous` is NORMAL by default and FULL around a durable write (a receipt or a result):
 * SQLite cannot change it inside a transaction, so `write(fn, {durable: true})` sets it before.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { migrate } from './migrate';

declare const readBrand: unique symbol;
declare const writeBrand: unique symbol;

/** A connection handed to read-only repository functions. */
export type ReadDb = Database.Database & { readonly [readBrand]: true };
/** A connection inside a write transaction; only `Store.write` hands these out. */
export type WriteDb = ReadDb & { readonly [writeBrand]: true };

export interface WriteOptions {
  /** Flush to disk before returning: a power cut must not lose a receipt already printed. */
  readonly durable?: boolean;
}

export interface Store {
  readonly path: string;
  readonly schemaVersion: number;
  /** Runs `fn` on the connection; reads see committed data only (WAL snapshot per statement). */
  read<T>(fn: (db: ReadDb) => T): T;
  /** Runs `fn` in one IMMEDIATE transaction: all of it commits, or none of it (it throws). */
  write<T>(fn: (db: WriteDb) => T, options?: WriteOptions): T;
  close(): void;
}

export interface OpenOptions {
  /**
   * Called with every statement the connection runs, parameters filled in. For tests (query
   * plans) and local profiling only: the text holds citizen data, so it must never reach a log.
   */
  readonly trace?: (sql: string) => void;
}

export function openStore(path: string, options: OpenOptions = {}): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let db: Database.Database | undefined;
  let schemaVersion: number;
  try {
    db = options.trace === undefined ? new Database(path) : new Database(path, { verbose: (sql) => options.trace?.(String(sql)) });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // tech §8.2: a bounded page cache (16 MB) keeps a 4 GB PC comfortable with a large file.
    db.pragma('cache_size = -16000');
    db.pragma('temp_store = MEMORY');
    db.pragma('journal_size_limit = 67108864');
    schemaVersion = migrate(db);
  } catch (error) {
    db?.close();
    if (error instanceof AppError) throw error;
    throw new AppError('store.unavailable', { reason: sqliteFailureKind(error) });
  }
  const open = db;

  return {
    path,
    schemaVersion,
    read: (fn) => fn(open as ReadDb),
    write(fn, options = {}) {
      // IMMEDIATE takes the write lock up front, so a second connection (backup, CLI) cannot
      // make a half-done transaction fail with SQLITE_BUSY when it upgrades from read to write.
      if (!options.durable) return open.transaction(() => fn(open as WriteDb)).immediate();
      open.pragma('synchronous = FULL');
      try {
        return open.transaction(() => fn(open as WriteDb)).immediate();
      } finally {
        open.pragma('synchronous = NORMAL');
      }
    },
    close() {
      if (!open.open) return;
      // Lets SQLite refresh planner statistics for tables whose size changed a lot.
      open.pragma('optimize');
      open.close();
    },
  };
}

/**
 * SQLite failures reduced to a kind the UI can react to ('corrupt', 'busy', 'cannot-open',
 * 'disk-full', 'unknown'); never the raw message, which may hold paths.
 */
export function sqliteFailureKind(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) return 'cannot-open';
  if (code === 'SQLITE_FULL') return 'disk-full';
  return 'unknown';
}
