/**
 * `npm run bench`: the budgets of DESIGN.md §9 as a table. Each scenario runs in fresh processes
 * so "cold" means cold. Budgets are checked here, never in timed unit tests.
 * The 1,000,000-dossier dataset arrives with the store (issue #4); until then the database is empty.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { coldCoreChild, coldCoreSample, hostFirstAnswerSample } from './cold-start';
import { formatTable, summarise, type Row } from './stats';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child' && args[1] === 'cold-core' && args[2]) return coldCoreChild(args[2]);

  const runs = Number(process.env.BENCH_RUNS ?? 7);
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  const benchFile = resolve(__filename);
  const hostFile = resolve(__dirname, '..', 'host', 'index.cjs');
  try {
    await coldCoreSample(benchFile, dataDir);
    const core: { inProcess: number; sinceProcessStart: number }[] = [];
    for (let i = 0; i < runs; i++) core.push(await coldCoreSample(benchFile, dataDir));
    const host: number[] = [];
    for (let i = 0; i < runs; i++) host.push(await hostFirstAnswerSample(hostFile, dataDir));

    const rows: Row[] = [
      { scenario: 'core cold start: open DB + first query (in process)', samples: runs, summary: summarise(core.map((c) => c.inProcess)), budgetMs: 300 },
      { scenario: 'core cold start: process start → first query', samples: runs, summary: summarise(core.map((c) => c.sinceProcessStart)) },
      { scenario: 'browser host: spawn → first API answer', samples: runs, summary: summarise(host) },
    ];
    console.log(formatTable(rows));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
