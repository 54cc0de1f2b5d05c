/** PostgreSQL through `pg`: production and the second leg of the tests. */
import pg from 'pg';
import type { HubDb, Queryable, Row } from './db';

/** Connects a small pool to `connectionString`. */
export function openPostgres(connectionString: string): HubDb {
  const pool = new pg.Pool({ connectionString, max: 8 });
  return {
    query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => (await pool.query<T>(sql, [...params])).rows,
    exec: async (sql: string) => void (await pool.query(sql)),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <R extends Row>(sql: string, params: readonly unknown[] = []) => (await client.query<R>(sql, [...params])).rows,
          exec: async (sql: string) => void (await client.query(sql)),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    // LISTEN needs a session of its own (never a pooled one). If it drops, waiters still wake on
    // their periodic re-check (`feed-notifier.ts`), only later.
    listen: async (channel, onPayload) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new RangeError(`bad channel ${channel}`);
      const client = new pg.Client({ connectionString });
      client.on('error', () => undefined);
      client.on('notification', (n) => {
        if (n.channel === channel) onPayload(n.payload ?? '');
      });
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      return () => client.end().catch(() => undefined);
    },
  };
}
