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
    // LISTEN needs a session of its own (never a pooled one). A lost session (a restarted server)
    // is opened again after a second; meanwhile waiters still wake on their periodic re-check
    // (`feed-notifier.ts`), only later.
    listen: async (channel, onPayload) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new RangeError(`bad channel ${channel}`);
      let client: pg.Client | undefined;
      let stopped = false;
      const retry = (): void => {
        if (!stopped) setTimeout(() => void connectOnce().catch(retry), 1000).unref();
      };
      const connectOnce = async (): Promise<void> => {
        const c = new pg.Client({ connectionString });
        client = c;
        let lost = false;
        const reconnect = (): void => {
          if (lost || stopped) return;
          lost = true;
          void c.end().catch(() => undefined);
          retry();
        };
        c.on('error', reconnect);
        c.on('end', reconnect);
        c.on('notification', (n) => {
          if (n.channel === channel) onPayload(n.payload ?? '');
        });
        await c.connect();
        await c.query(`LISTEN ${channel}`);
      };
      await connectOnce();
      return async () => {
        stopped = true;
        await client?.end().catch(() => undefined);
      };
    },
  };
}
