/*
 * Plan tests (style-anchors §6.3): every hot query must reach its rows through an index, never
 * by scanning a table. The repository functions run for real on a traced connection; each
 * statement they executed is then explained. Timing lives in `npm run bench`, not here.
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/id/uuidv7';
import { at, newDossier, openTestStore, T0 } from '../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import type { ReadDb, Store } from './db';
import { appendDossierEvent, listDossierEvents } from './repos/dossier-events';
import { listAssignedTo, listByStatus, listDueBetween, listOverdue } from './repos/dossier-queue';
import { listWaiting } from './repos/dossier-waiting';
import { lastIssuedSequence } from './repos/dossier-sequences';
import { findDossierByCode, getDossierById, insertDossier } from './repos/dossiers';
import { listDocuments } from './repos/documents';
import { listDraftsByUser } from './repos/drafts';
import { enqueueOutbox, markOutboxSent, peekUnsentOutbox } from './repos/outbox';
import { listPages } from './repos/pages';
import { getProcedureInForce } from './repos/procedures';
import { findUserByUsername } from './repos/users';
import {
  findDossierSummaryByCode,
  searchDossiersByIdNumber,
  searchDossiersByName,
  searchDossiersByNumber,
  searchDossiersByPhone,
} from './search/dossier-search';

const tempDir = useTempDirs();
const OPEN = ['received', 'processing', 'supplement-requested'];

const hotQueries: Record<string, (db: ReadDb) => unknown> = {
  'queue: due today': (db) => listDueBetween(db, OPEN, at(0), at(24 * 60)),
  'queue: overdue': (db) => listOverdue(db, OPEN, at(0)),
  'queue: waiting for a supplement': (db) => listByStatus(db, ['supplement-requested'], { after: { dueAt: at(5), rowid: 3 } }),
  'queue: assigned to me': (db) => listAssignedTo(db, 'specialist-1', OPEN),
  'queue: waiting to be accepted (online, volunteer drafts)': (db) => listWaiting(db, { status: 'draft', channel: 'volunteer', after: { dueAt: at(5), rowid: 3 } }),
  'search: name phrase': (db) => searchDossiersByName(db, 'nguyen van a'),
  'search: name any order, next page': (db) => searchDossiersByName(db, 'an nguyen', { anyOrder: true, after: { before: 50 } }),
  'search: code or ID fragment': (db) => searchDossiersByNumber(db, '261123-0001'),
  'search: exact ID number': (db) => searchDossiersByIdNumber(db, '001200000199'),
  'search: phone': (db) => searchDossiersByPhone(db, '0900000001'),
  'search: exact code': (db) => findDossierSummaryByCode(db, '000.00.00.X99-261123-0001'),
  'dossier by code': (db) => findDossierByCode(db, '000.00.00.X99-261123-0001'),
  'dossier by id': (db) => getDossierById(db, 'x'),
  'dossier history': (db) => listDossierEvents(db, 'x'),
  'outbox: next batch': (db) => peekUnsentOutbox(db, 100),
  'sequence: last issued': (db) => lastIssuedSequence(db, '000.00.00.X99'),
  'procedure in force': (db) => getProcedureInForce(db, '1.001193', '2026-11-23'),
  'user by login name': (db) => findUserByUsername(db, 'Admin'),
  'drafts of a user': (db) => listDraftsByUser(db, 'u1'),
  'documents of a dossier': (db) => listDocuments(db, 'x'),
  'pages of a document': (db) => listPages(db, 'x'),
};

function tracedStore(): { store: Store; traced: (fn: () => void) => string[] } {
  let capture: string[] | undefined;
  const store = openTestStore(tempDir(), { trace: (sql) => capture?.push(sql) });
  store.write((db) => {
    // Shaped like a real office: most dossiers returned long ago, most commands already sent.
    for (let i = 0; i < 400; i++) {
      const open = i % 10 === 0;
      const d = newDossier({ status: open ? (OPEN[i % 3] ?? 'received') : 'returned', assigneeId: i % 2 === 0 ? 'specialist-1' : null, dueAt: at(i * 30) });
      insertDossier(db, d);
      appendDossierEvent(db, { id: uuidv7(T0 + i), dossierId: d.id, at: at(i), actorId: 'clerk-1', action: 'receive' });
      const seq = enqueueOutbox(db, { idempotencyKey: uuidv7(T0 + i), kind: 'dossier.received', entityId: d.id, payload: {}, createdAt: at(i) });
      if (!open) markOutboxSent(db, [seq], at(i + 1));
    }
  });
  return {
    store,
    traced(fn) {
      capture = [];
      fn();
      const statements = capture;
      capture = undefined;
      return statements;
    },
  };
}

/**
 * Explains `sql` and sorts its lines: `bad` read a whole table or a whole index instead of
 * searching it; `good` reach rows through an index. Scanning a partial index counts as good:
 * it holds only the rows the query wants (the unsent outbox).
 */
function explain(store: Store, sql: string): { plan: string[]; bad: string[]; good: string[] } {
  const partial = store.read((db) => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql LIKE '%WHERE%'").pluck().all() as string[]);
  const plan = store.read((db) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
  const partialScan = (line: string) => partial.some((index) => line.endsWith(`USING INDEX ${index}`) || line.endsWith(`USING COVERING INDEX ${index}`));
  const bad = plan.filter((line) => /^SCAN /u.test(line) && !line.includes('VIRTUAL TABLE') && line !== 'SCAN CONSTANT ROW' && !partialScan(line));
  const good = plan.filter((line) => line.startsWith('SEARCH') || line.includes('VIRTUAL TABLE') || partialScan(line));
  return { plan, bad, good };
}

describe.each([
  { stats: 'without planner statistics (a new database)', analyse: false },
  { stats: 'after ANALYZE (PRAGMA optimize has run)', analyse: true },
])('hot queries use an index, $stats', ({ analyse }) => {
  it.each(Object.keys(hotQueries))('%s', (name) => {
    const { store, traced } = tracedStore();
    if (analyse) store.write((db) => db.exec('ANALYZE'));
    const query = hotQueries[name];
    if (query === undefined) throw new Error(name);
    const statements = traced(() => store.read(query)).filter((sql) => /^\s*(SELECT|UPDATE|DELETE)/iu.test(sql));
    expect(statements.length).toBeGreaterThan(0);
    for (const sql of statements) {
      const { plan, bad, good } = explain(store, sql);
      expect(bad, `${name}\n${sql}\n${plan.join('\n')}`).toEqual([]);
      expect(good.length, plan.join('\n')).toBeGreaterThan(0);
    }
    store.close();
  });
});
