/*
 * Plan tests for the report aggregates (as in query-plans.test.ts): each statement must reach
 * its rows through an index range, never by scanning the dossiers table, with and without
 * planner statistics. Counting itself is tested through the service (reports.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { at, newDossier, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import type { ReadDb } from '../db';
import { insertDossier } from './dossiers';
import { countPending, countReceived, countResolved } from './reports';
import { countDossiersByStatus } from '../stats';

const tempDir = useTempDirs();

const queries: Record<string, (db: ReadDb) => unknown> = {
  received: (db) => countReceived(db, { from: at(0), to: at(60 * 24 * 30), excludedStatuses: ['refused'] }),
  'received, one procedure': (db) => countReceived(db, { from: at(0), to: at(60 * 24 * 30), excludedStatuses: ['refused'], procedureCode: '1.001193' }),
  resolved: (db) => countResolved(db, { from: at(0), to: at(60 * 24 * 30), resolvedStatuses: ['resolved', 'returned'] }),
  pending: (db) => countPending(db, { asOf: at(60 * 24 * 30), openStatuses: ['received', 'processing', 'paused'], stoppedStatuses: ['paused'] }),
};

describe.each([false, true])('report aggregates use an index (ANALYZE run: %s)', (analyse) => {
  it.each(Object.keys(queries))('%s', (name) => {
    let captured: string[] | undefined;
    const store = openTestStore(tempDir(), { trace: (sql) => captured?.push(sql) });
    store.write((db) => {
      for (let i = 0; i < 300; i++) {
        const open = i % 10 === 0;
        insertDossier(db, newDossier({ status: open ? 'processing' : 'returned', receivedAt: at(i * 60), dueAt: at(i * 60 + 600) }));
      }
      db.prepare("UPDATE dossiers SET resolved_at = due_at WHERE status = 'returned'").run();
      if (analyse) db.exec('ANALYZE');
    });
    captured = [];
    store.read((db) => queries[name]?.(db));
    const statements = captured.filter((sql) => /^\s*SELECT/iu.test(sql));
    captured = undefined;
    expect(statements).toHaveLength(1);
    for (const sql of statements) {
      const plan = store.read((db) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
      expect(plan.filter((line) => /^SCAN dossiers\b/u.test(line)), plan.join('\n')).toEqual([]);
      expect(plan.some((line) => /^SEARCH dossiers USING (COVERING )?INDEX/u.test(line)), plan.join('\n')).toBe(true);
    }
    store.close();
  });
});

describe('support figures', () => {
  it('counts dossiers per status, most frequent first', () => {
    const store = openTestStore(tempDir());
    store.write((db) => {
      for (const status of ['returned', 'returned', 'processing']) insertDossier(db, newDossier({ status }));
    });
    expect(store.read(countDossiersByStatus)).toEqual([
      { status: 'returned', count: 2 },
      { status: 'processing', count: 1 },
    ]);
    store.close();
  });
});
