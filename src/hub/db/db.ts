/**
 * The hub's database, narrowed to what the hub needs so PGlite (embedded default) and
 * PostgreSQL (`pg`) are interchangeable. SQL written against it stays within PostgreSQL 15.
 */

/** A row as returned by either driver (numbers from BIGINT come back as strings with `pg`). */
export type Row = Record<string, unknown>;

/** One connection inside a transaction, or the pool outside one. */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** The hub's database handle. */
export interface HubDb extends Queryable {
  /** Runs `fn` in one transaction: commits if it returns, rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Calls `onPayload` for every NOTIFY on `channel` (delivered at commit); resolves to an unlisten. */
  listen?(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
}

/** BIGINT/COUNT results are strings under `pg` and numbers under PGlite; this evens them out. */
export function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' || typeof value === 'bigint') return Number(value);
  throw new Error(`expected a number, got ${typeof value}`);
}
