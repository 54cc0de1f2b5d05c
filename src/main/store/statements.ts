/**
 * Prepared statements, compiled once per connection and reused (as Signal's `prepare` does):
 * a hot query pays for parsing and planning on first use only. Keyed weakly by the connection,
 * so closing and dropping a store drops its statements. SQL text here is always a constant of
 * the calling module; values are bound, never spliced in.
 */
import type Database from 'better-sqlite3';
import type { ReadDb } from './db';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The prepared statement for `sql` on this connection. */
export function prepared(db: ReadDb, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (statements === undefined) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/** JSON text for a JSON column; `undefined` (which JSON cannot hold) is a programmer error. */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('Cannot store undefined as JSON');
  return text;
}

/** Parses a JSON column; the caller validates the shape with its own schema. */
export function fromJson(text: string): unknown {
  return JSON.parse(text) as unknown;
}

/** SQLite has no boolean: flags are stored as 0/1. */
export const bit = (value: boolean): 0 | 1 => (value ? 1 : 0);
