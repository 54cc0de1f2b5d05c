/** The embedded default: PGlite in process, in memory or in a data folder. */
import { PGlite } from '@electric-sql/pglite';
import type { HubDb, Queryable, Row } from './db';

/** Opens PGlite at `dataDir` (in memory when undefined). */
export async function openPglite(dataDir?: string): Promise<HubDb> {
  const pg = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await pg.waitReady;
  // PGlite runs one query at a time; transactions are serialised here so that a push and a pull
  // arriving together never interleave statements of two transactions on its single session.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
  const query = async <T extends Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> =>
    (await pg.query<T>(sql, [...params])).rows;
  return {
    query: (sql, params) => serial(() => query(sql, params)),
    exec: (sql) => serial(async () => void (await pg.exec(sql))),
    transaction: (fn) =>
      serial(() =>
        pg.transaction(async (tx) =>
          fn({
            query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => (await tx.query<T>(sql, [...params])).rows,
            exec: async (sql: string) => void (await tx.exec(sql)),
          } satisfies Queryable),
        ),
      ),
    close: () => serial(() => pg.close()),
    // PGlite delivers NOTIFY in process; a trigger's notification arrives after its commit.
    listen: async (channel, onPayload) => {
      const unlisten = await serial(() => pg.listen(channel, onPayload));
      return () => serial(() => unlisten());
    },
  };
}
