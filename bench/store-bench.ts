/**
 * The store's rows of the bench table (DESIGN §9, issue #4): seed (or reuse) the dataset,
 * copy it into the bench's data folder, then measure in fresh child processes so that "open"
 * starts from nothing. The copy stays in `dataDir` for the core cold-start rows that follow.
 * Note: the OS page cache is warm (the file was just copied); a PC after a reboot reads from
 * disk, which this machine cannot reproduce without dropping system caches.
 */
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarise, type Row } from './stats';
import type { ScenarioSamples } from './store-scenarios';
import { seededDatabase } from './store-seed';

const OPEN_RUNS = Number(process.env.BENCH_RUNS ?? 7);

function child<T>(benchFile: string, args: readonly string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [benchFile, '--child', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`child ${args[0]} exited ${code}`))));
  });
}

/** Seeds or reuses the dataset, copies it to `dataDir/<fileName>`, and measures the store. */
export async function storeRows(benchFile: string, dataDir: string, fileName: string, log: (line: string) => void): Promise<Row[]> {
  const count = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
  const seeded = seededDatabase(count, log);
  log(`dataset: ${count.toLocaleString('en-US')} dossiers, ${(seeded.info.bytes / 2 ** 20).toFixed(0)} MB${seeded.cached ? ' (cached)' : ''}: ${seeded.path}`);
  const path = join(dataDir, fileName);
  copyFileSync(seeded.path, path);

  const open: number[] = [];
  for (let i = 0; i < OPEN_RUNS; i++) open.push((await child<{ ms: number }>(benchFile, ['store-open', path])).ms);
  const s = await child<ScenarioSamples>(benchFile, ['store-scenarios', path]);
  const row = (scenario: string, samples: number[] | undefined, extra: Partial<Row> = {}): Row => ({
    scenario,
    samples: samples?.length ?? 0,
    summary: summarise(samples ?? []),
    ...extra,
  });
  const n = count.toLocaleString('en-US');
  return [
    row(`store: bulk seed of ${n} dossiers + events + FTS${seeded.cached ? ' (rate from the cached run)' : ''}`, [seeded.info.rowsPerSecond], { unit: 'rows/s' }),
    row(`store: open DB + first query (today's queue), ${n} dossiers`, open, { budget: 300 }),
    row('store: search by name, in order as typed ("nguyen van a")', s.nameInOrder, { budget: 20 }),
    row('store: search by name, any order ("nguyen an")', s.nameAnyOrder, { budget: 20 }),
    row('store: search by exact dossier code', s.codeExact, { budget: 20 }),
    row('store: search by code fragment (FTS, "261123-0042")', s.codeFragment, { budget: 20 }),
    row('store: search by ID number (exact)', s.idExact, { budget: 20 }),
    row('store: search by phone (exact)', s.phoneExact, { budget: 20 }),
    row("store: today's queue (due today, 50 rows)", s.queueToday, { budget: 10 }),
    row('store: overdue queue (50 rows)', s.queueOverdue, { budget: 10 }),
    row("store: my dossiers queue (50 rows)", s.queueMine, { budget: 10 }),
    row('store: commit received dossier (seq+dossier+event+outbox+FTS, durable)', s.commit, { budget: 3, budgetOn: 'median' }),
    row('store: resident memory after the scenarios', s.rssMb, { unit: 'MB', budget: 250, budgetOn: 'max' }),
    row('store: peak resident memory of that process', s.maxRssMb, { unit: 'MB', budget: 250, budgetOn: 'max' }),
  ];
}
