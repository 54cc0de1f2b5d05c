/**
 * Store scenarios, run inside a fresh child process on a private copy of the seeded database:
 * open + first query, searches, queues, durable commits, and the process's resident memory at
 * the end. Prints one JSON line of samples (ms) for the parent to tabulate. Each kind of call is
 * warmed up a few times first: a real core prepares its statements once and keeps them.
 */
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { resourceUsage } from 'node:process';
import { foldVietnamese } from '../src/shared/text/vietnamese';
import { uuidv7 } from '../src/shared/id/uuidv7';
import { seededRandom } from '../src/main/services/demo/fictitious-people';
import { openStore, type ReadDb, type Store } from '../src/main/store/db';
import { appendDossierEvent } from '../src/main/store/repos/dossier-events';
import { listAssignedTo, listDueBetween, listOverdue } from '../src/main/store/repos/dossier-queue';
import { allocateDossierSequence } from '../src/main/store/repos/dossier-sequences';
import { insertDossier } from '../src/main/store/repos/dossiers';
import { enqueueOutbox } from '../src/main/store/repos/outbox';
import {
  findDossierSummaryByCode,
  searchDossiersByIdNumber,
  searchDossiersByName,
  searchDossiersByNumber,
  searchDossiersByPhone,
} from '../src/main/store/search/dossier-search';
import { AGENCY, hanoiDay, hanoiDayStart, NOW_MS, OPEN_STATUSES } from './store-seed';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const WARM_UP = 3;
const DAY = 86_400_000;

export type ScenarioSamples = Record<string, number[]>;

function time(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

function measure(inputs: readonly string[], call: (input: string) => unknown): number[] {
  for (const input of inputs.slice(0, WARM_UP)) call(input);
  return inputs.map((input) => time(() => call(input)));
}

/** The queue a clerk sees first: open dossiers due today, one page. */
export function firstQuery(db: ReadDb): unknown {
  const start = hanoiDayStart(NOW_MS);
  return listDueBetween(db, OPEN_STATUSES, new Date(start).toISOString(), new Date(start + DAY).toISOString(), { limit: 50 });
}

/** Open the store and answer the first query; returns ms since the call began. */
export function openAndFirstQuery(path: string): { ms: number; store: Store } {
  const started = performance.now();
  const store = openStore(path);
  store.read(firstQuery);
  return { ms: performance.now() - started, store };
}

interface Sample {
  readonly code: string;
  readonly name: string;
  readonly id: string;
  readonly phone: string;
}

function sampleRows(store: Store, count: number): Sample[] {
  const random = seededRandom(7);
  const max = store.read((db) => db.prepare('SELECT max(rid) FROM dossiers').pluck().get() as number);
  const get = (rid: number) =>
    store.read((db) => db.prepare('SELECT code, applicant_name AS name, applicant_id_number AS id, applicant_phone AS phone FROM dossiers WHERE rid = ?').get(rid)) as Sample | undefined;
  const rows: Sample[] = [];
  while (rows.length < count) {
    const row = get(1 + Math.floor(random() * max));
    if (row !== undefined) rows.push(row);
  }
  return rows;
}

/** As typed at the counter: whole words, the last one cut short, in the five usual shapes. */
function nameQueries(samples: readonly Sample[]): string[] {
  return samples.map((s, i) => {
    const words = foldVietnamese(s.name).split(' ');
    const given = words.at(-1) ?? '';
    switch (i % 5) {
      case 0:
        return [...words.slice(0, -1), given.slice(0, 1 + (i % 3))].join(' ');
      case 1:
        return words.slice(0, 2).join(' ');
      case 2:
        return words.slice(-2).join(' ');
      case 3:
        return given;
      default:
        return [...words.slice(0, -1), given.slice(0, 4)].join(' ');
    }
  });
}

/** Every scenario on the store at `path`; the caller owns the copy (commits change it). */
export function runStoreScenarios(path: string): ScenarioSamples {
  const opened = openAndFirstQuery(path);
  const store = opened.store;
  const samples = sampleRows(store, SAMPLES);
  const read = <T>(fn: (db: ReadDb) => T) => store.read(fn);
  const names = nameQueries(samples);
  const start = hanoiDayStart(NOW_MS);
  const today = new Date(start).toISOString();
  const tomorrow = new Date(start + DAY).toISOString();
  const now = new Date(NOW_MS).toISOString();
  const repeat = (n: number) => Array.from({ length: n }, (_, i) => String(i));

  const result: ScenarioSamples = {
    open: [opened.ms],
    nameInOrder: measure(names, (q) => read((db) => searchDossiersByName(db, q))),
    nameAnyOrder: measure(
      samples.map((s) => {
        const words = foldVietnamese(s.name).split(' ');
        return `${words[0] ?? ''} ${words.at(-1) ?? ''}`;
      }),
      (q) => read((db) => searchDossiersByName(db, q, { anyOrder: true })),
    ),
    codeExact: measure(samples.map((s) => s.code), (q) => read((db) => findDossierSummaryByCode(db, q))),
    codeFragment: measure(samples.map((s) => s.code.slice(-11)), (q) => read((db) => searchDossiersByNumber(db, q))),
    idExact: measure(samples.map((s) => s.id), (q) => read((db) => searchDossiersByIdNumber(db, q))),
    phoneExact: measure(samples.map((s) => s.phone), (q) => read((db) => searchDossiersByPhone(db, q))),
    queueToday: measure(repeat(SAMPLES), () => read((db) => listDueBetween(db, OPEN_STATUSES, today, tomorrow, { limit: 50 }))),
    queueOverdue: measure(repeat(SAMPLES), () => read((db) => listOverdue(db, OPEN_STATUSES, now, { limit: 50 }))),
    queueMine: measure(repeat(SAMPLES), () => read((db) => listAssignedTo(db, 'specialist-2', OPEN_STATUSES, { limit: 50 }))),
    commit: measure(repeat(SAMPLES), (n) => commitReceipt(store, Number(n))),
  };
  const rss = process.memoryUsage().rss / 2 ** 20;
  store.close();
  return { ...result, rssMb: [rss], maxRssMb: [peakRssMb()] };
}

/**
 * This process's peak resident memory. On Linux, VmHWM of /proc/self/status: getrusage's
 * maxrss would also count the parent, whose memory the child shared until exec (libuv spawns
 * with vfork semantics), and the parent is the seeder with its big page cache.
 */
function peakRssMb(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/mu.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) return Number(kb) / 1024;
  } catch {
    // Not Linux: fall through to getrusage.
  }
  return resourceUsage().maxRSS / 1024;
}

/** What intake does when the clerk presses "Tiếp nhận": one durable transaction. */
function commitReceipt(store: Store, n: number): void {
  const at = NOW_MS + n * 1000;
  const day = hanoiDay(NOW_MS);
  const id = uuidv7(at);
  const now = new Date(at).toISOString();
  store.write(
    (db) => {
      const sequence = allocateDossierSequence(db, AGENCY, day, (last) => (last?.day === day ? last.sequence + 1 : 1));
      const code = `${AGENCY}-${day.slice(2).replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
      insertDossier(db, {
        id,
        code,
        procedureCode: '1.001193',
        procedureVersion: 1,
        status: 'received',
        channel: 'counter',
        applicantName: 'Trần Thị Bích Ngọc',
        applicantIdNumber: '001305999123',
        applicantPhone: '0999123456',
        form: { applicant: { birthYear: 2005, sex: 'female' }, address: 'Thôn Thử Nghiệm' },
        receivedAt: now,
        receivedBy: 'clerk-1',
        dueAt: new Date(at + 3 * DAY).toISOString(),
        createdAt: now,
      });
      appendDossierEvent(db, { id: uuidv7(at), dossierId: id, at: now, actorId: 'clerk-1', action: 'receive', toStatus: 'received' });
      enqueueOutbox(db, { idempotencyKey: uuidv7(at), kind: 'dossier.received', entityId: id, payload: { id, code }, createdAt: now });
    },
    { durable: true },
  );
}
