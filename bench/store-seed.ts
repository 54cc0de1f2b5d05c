/**
 * The benchmark's dataset: N fictitious dossiers (default 1,000,000, `BENCH_DOSSIERS` to
 * shrink) received over five years up to the bench's fixed "today", with a realistic spread of
 * statuses (most returned long ago, a few stuck and overdue, the recent ones in progress), one
 * or two audit events each, and an unsent outbox for the last day. Written through the real
 * repositories, so the seed rate measures the real write path (indexes, FTS triggers).
 * Seeding takes minutes, so the file is cached between runs, keyed by the schema's text.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fictitiousPerson, seededRandom, type Random } from '../src/main/services/demo/fictitious-people';
import { openStore, type WriteDb } from '../src/main/store/db';
import { appendDossierEvent } from '../src/main/store/repos/dossier-events';
import { allocateDossierSequence } from '../src/main/store/repos/dossier-sequences';
import { insertDossier, type DossierChannel } from '../src/main/store/repos/dossiers';
import { enqueueOutbox } from '../src/main/store/repos/outbox';
import { uuidv7 } from '../src/shared/id/uuidv7';

/** Bump when the generator below changes, so cached files are rebuilt. */
const SEED_VERSION = 1;
const DAY = 86_400_000;
const HANOI = 7 * 3_600_000;
export const AGENCY = '000.00.00.X99';
/** The bench's "now": 23/11/2026 10:00 in Hà Nội. */
export const NOW_MS = Date.UTC(2026, 10, 23, 3, 0, 0);
/** The statuses a queue shows (not terminal, not draft). */
export const OPEN_STATUSES = ['received', 'transferred', 'processing', 'supplement-requested', 'paused', 'resolved'];
const SPAN_DAYS = 5 * 365;
const BATCH = 10_000;
const UNSENT_TAIL = 1_000;
const PROCEDURES = Array.from({ length: 30 }, (_, i) => `1.00${1100 + i * 7}`);

/** Local (UTC+7) day of an instant, `YYYY-MM-DD`. */
export const hanoiDay = (ms: number): string => new Date(ms + HANOI).toISOString().slice(0, 10);
/** The UTC instant at which the local day of `ms` starts. */
export const hanoiDayStart = (ms: number): number => Math.floor((ms + HANOI) / DAY) * DAY - HANOI;

export interface SeedInfo {
  readonly count: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly bytes: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const choose = <T>(random: Random, weighted: readonly (readonly [T, number])[]): T => {
  let left = random();
  for (const [value, share] of weighted) {
    left -= share;
    if (left < 0) return value;
  }
  const last = weighted.at(-1);
  if (last === undefined) throw new RangeError('empty choice');
  return last[0];
};

interface Life {
  readonly status: string;
  readonly dueMs: number;
  readonly resolvedMs: number | null;
  readonly returnedMs: number | null;
}

/** Where a dossier received at `receivedMs` stands at NOW_MS. */
function lifeOf(random: Random, receivedMs: number): Life {
  const dueMs = receivedMs + (1 + Math.floor(random() * 14)) * DAY;
  const resolvedMs = Math.max(receivedMs + 3_600_000, dueMs - Math.floor(random() * 2 * DAY));
  const returnedMs = resolvedMs + Math.floor(random() * 2 * DAY);
  let status: string;
  if (dueMs < NOW_MS - 2 * DAY) {
    status = random() < 0.002 ? choose(random, [['processing', 0.5], ['supplement-requested', 0.3], ['paused', 0.2]]) : choose(random, [['returned', 0.95], ['withdrawn', 0.02], ['refused', 0.015], ['rejected', 0.015]]);
  } else if (dueMs < NOW_MS) {
    status = choose(random, [['returned', 0.7], ['resolved', 0.2], ['processing', 0.1]]);
  } else {
    status = choose(random, [['received', 0.2], ['transferred', 0.1], ['processing', 0.45], ['supplement-requested', 0.1], ['resolved', 0.15]]);
  }
  const resolved = status === 'resolved' || status === 'returned';
  return { status, dueMs, resolvedMs: resolved && resolvedMs < NOW_MS ? resolvedMs : null, returnedMs: status === 'returned' && returnedMs < NOW_MS ? returnedMs : null };
}

function seedOne(db: WriteDb, random: Random, i: number, receivedMs: number, unsent: boolean): void {
  const person = fictitiousPerson(random, 2026);
  const life = lifeOf(random, receivedMs);
  const day = hanoiDay(receivedMs);
  const sequence = allocateDossierSequence(db, AGENCY, day, (last) => (last?.day === day ? last.sequence + 1 : 1));
  const id = uuidv7(receivedMs);
  const code = `${AGENCY}-${day.slice(2).replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
  const channel = choose<DossierChannel>(random, [['counter', 0.7], ['online', 0.25], ['volunteer', 0.05]]);
  insertDossier(db, {
    id,
    code,
    procedureCode: PROCEDURES[i % PROCEDURES.length] ?? '1.001193',
    procedureVersion: 1,
    status: life.status,
    channel,
    applicantName: person.fullName,
    applicantIdNumber: person.idNumber,
    applicantPhone: person.phone,
    form: { applicant: { birthYear: person.birthYear, sex: person.sex }, address: 'Thôn Thử Nghiệm, xã Thử Nghiệm', copies: 1 + (i % 3) },
    receivedAt: iso(receivedMs),
    receivedBy: i % 2 === 0 ? 'clerk-1' : 'clerk-2',
    dueAt: iso(life.dueMs),
    assigneeId: life.status === 'received' ? null : `specialist-${1 + (i % 4)}`,
    resolvedAt: life.resolvedMs === null ? null : iso(life.resolvedMs),
    returnedAt: life.returnedMs === null ? null : iso(life.returnedMs),
    createdAt: iso(receivedMs),
  });
  appendDossierEvent(db, { id: uuidv7(receivedMs), dossierId: id, at: iso(receivedMs), actorId: 'clerk-1', action: 'receive', toStatus: 'received' });
  if (life.status !== 'received') {
    const at = life.returnedMs ?? life.resolvedMs ?? receivedMs + 3_600_000;
    appendDossierEvent(db, { id: uuidv7(at), dossierId: id, at: iso(at), actorId: 'specialist-1', action: 'transition', fromStatus: 'received', toStatus: life.status });
  }
  if (unsent) enqueueOutbox(db, { idempotencyKey: uuidv7(receivedMs), kind: 'dossier.received', entityId: id, payload: { id, code }, createdAt: iso(receivedMs) });
}

function schemaKey(): string {
  const store = openStore(':memory:');
  const sql = store.read((db) => db.prepare('SELECT group_concat(sql, char(10)) FROM (SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name)').pluck().get() as string);
  store.close();
  return createHash('sha256').update(`${SEED_VERSION}\n${sql}`).digest('hex').slice(0, 12);
}

/** The cached seeded database for `count` dossiers, seeding it first if needed. */
export function seededDatabase(count: number, log: (line: string) => void): { path: string; info: SeedInfo; cached: boolean } {
  const dir = process.env.BENCH_CACHE_DIR ?? join(tmpdir(), 'motcua-bench-cache');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `dossiers-${count}-${schemaKey()}.sqlite`);
  const infoPath = `${path}.json`;
  if (existsSync(path) && existsSync(infoPath)) return { path, info: JSON.parse(readFileSync(infoPath, 'utf8')) as SeedInfo, cached: true };

  const partial = `${path}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  const store = openStore(partial);
  // A bulk import may use a bigger page cache than the app's 16 MB: the random-order indexes
  // (ID number, phone) outgrow it long before a million rows.
  store.write((db) => db.pragma('cache_size = -262144'));
  const random = seededRandom(20261123);
  const startMs = NOW_MS - SPAN_DAYS * DAY;
  const step = (SPAN_DAYS * DAY) / count;
  const started = performance.now();
  for (let from = 0; from < count; from += BATCH) {
    store.write((db) => {
      for (let i = from; i < Math.min(count, from + BATCH); i++) {
        seedOne(db, random, i, Math.floor(startMs + i * step + random() * step), i >= count - UNSENT_TAIL);
      }
    });
    if ((from / BATCH) % 10 === 9) log(`seeded ${(from + BATCH).toLocaleString('en-US')} of ${count.toLocaleString('en-US')} dossiers`);
  }
  const seconds = (performance.now() - started) / 1000;
  // What `PRAGMA optimize` gives a database that has grown for years: planner statistics.
  store.write((db) => db.exec('ANALYZE'));
  store.close();
  renameSync(partial, path);
  const info: SeedInfo = { count, seconds, rowsPerSecond: count / seconds, bytes: statSync(path).size };
  writeFileSync(infoPath, JSON.stringify(info));
  return { path, info, cached: false };
}
