/**
 * `npm run bench`: the budgets of DESIGN.md §9 as one table. Each scenario runs in fresh
 * processes so "cold" means cold. Budgets are checked here, never in timed unit tests.
 * The database is the seeded dataset (1,000,000 dossiers unless BENCH_DOSSIERS says otherwise),
 * copied into the bench's data folder, so the core's cold start opens it too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { databaseFileName } from '../src/main/services/core';
import { coldCoreChild, coldCoreSample, hostFirstAnswerSample } from './cold-start';
import { receiptPdfChild, receiptPdfRows } from './receipt-pdf-bench';
import { batchChild, pipelineChild, scanRows } from './scan-bench';
import { formatTable, summarise, type Row } from './stats';
import { rendererRows, rendererRowsAlone } from './renderer-bench';
import { lentAsTraining } from './host-root';
// issue 12: a commune PC's first start
import { provisionRows } from './provision-bench';
import { storeRows } from './store-bench';
import { openAndFirstQuery, runStoreScenarios } from './store-scenarios';
import { syncRows } from './sync-bench';
// 7a: attachments over a cut link, long-poll latency, 600 devices
import { syncLaneRows } from './sync-lanes-bench';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child' && args[2]) {
    if (args[1] === 'cold-core') return coldCoreChild(args[2]);
    if (args[1] === 'store-open') {
      const { ms, store } = openAndFirstQuery(args[2]);
      store.close();
      return void console.log(JSON.stringify({ ms }));
    }
    if (args[1] === 'scan-pipeline') return pipelineChild(args[2] === 'color' ? 'color' : 'gray', Number(args[3] ?? 7));
    if (args[1] === 'scan-batch') return batchChild(Number(args[2]));
    if (args[1] === 'store-scenarios') return void console.log(JSON.stringify(runStoreScenarios(args[2])));
    if (args[1] === 'receipt-pdf') return receiptPdfChild(Number(args[2]));
  }

  const runs = Number(process.env.BENCH_RUNS ?? 7);
  // 7a: `BENCH_ONLY=sync-lanes` prints the attachments / long-poll / 600-device rows alone.
  if (process.env.BENCH_ONLY === 'sync-lanes') return void console.log(formatTable(await syncLaneRows((line) => console.error(`bench: ${line}`))));
  // Scanning (issue 5): `BENCH_ONLY=scan` prints the scanning rows alone (no 1M-dossier seeding).
  if (process.env.BENCH_ONLY === 'scan') return void console.log(formatTable(await scanRows(resolve(__filename), runs)));
  // Provisioning (issue 12): `BENCH_ONLY=provision` prints the first-start rows alone.
  if (process.env.BENCH_ONLY === 'provision') return void console.log(formatTable(await provisionRows(runs, (line) => console.error(`bench: ${line}`))));
  // Renderer (issue 8): `BENCH_ONLY=renderer` prints its rows alone, on a copy of the cached dataset.
  if (process.env.BENCH_ONLY === 'renderer') return void console.log(formatTable(await rendererRowsAlone(resolve(__dirname, '..', 'host', 'index.cjs'), runs, (line) => console.error(`bench: ${line}`))));
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  const benchFile = resolve(__filename);
  const hostFile = resolve(__dirname, '..', 'host', 'index.cjs');
  const log = (line: string) => console.error(`bench: ${line}`);
  try {
    const store = await storeRows(benchFile, dataDir, databaseFileName, log);
    await coldCoreSample(benchFile, dataDir);
    const core: { inProcess: number; sinceProcessStart: number }[] = [];
    for (let i = 0; i < runs; i++) core.push(await coldCoreSample(benchFile, dataDir));
    const host: number[] = [];
    await lentAsTraining(dataDir, async (root) => {
      for (let i = 0; i < runs; i++) host.push(await hostFirstAnswerSample(hostFile, root));
    });

    const rows: Row[] = [
      ...store,
      { scenario: 'core cold start: open DB + first query (app.info, in process)', samples: runs, summary: summarise(core.map((c) => c.inProcess)), budget: 300 },
      { scenario: 'core cold start: process start → first query', samples: runs, summary: summarise(core.map((c) => c.sinceProcessStart)) },
      { scenario: 'browser host: spawn → first API answer', samples: runs, summary: summarise(host) },
      // 8b: renderer bundle size, host spawn → Today with rows on this database, intake keystrokes.
      ...(await rendererRows(hostFile, dataDir, runs, log)),
      ...(await scanRows(benchFile, runs)),
      ...(await syncRows(log)),
      ...(await syncLaneRows(log)),
      ...(await receiptPdfRows(benchFile, runs)),
      ...(await provisionRows(runs, log)),
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
