/**
 * The renderer's rows of the bench table (issue 8): what a slow counter PC downloads and
 * parses (the built bundle, raw and gzipped), how long a clerk waits from starting the app to
 * a Today screen with rows on it, on the bench's 1,000,000-dossier database, and how many
 * keystrokes a complete birth registration takes (measured by the e2e test).
 *
 * The host runs against the bench's own copy of the seeded database, not the cached original:
 * signing in and opening a queue write (sessions, audit events), and the copy is thrown away.
 * The host opens a root data folder (issue 12): the bench database is lent to one as its training
 * copy, where the demo accounts live (moved in and back by rename, never copied).
 * Chromium is started once, before the clock starts, as a counter PC's browser or Electron
 * window already is; each run gets a fresh browser context, so nothing is cached between runs.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { databaseFileName } from '../src/main/services/core';
import { lentAsTraining } from './host-root';
import { launchChromium } from '../test/helpers/chromium';
import { summarise, type Row } from './stats';
import { seededDatabase } from './store-seed';

const one = (scenario: string, value: number, unit: string): Row => ({ scenario, samples: Number.isNaN(value) ? 0 : 1, summary: summarise(Number.isNaN(value) ? [] : [value]), unit });

/** Every shipped asset of out/renderer (source maps are not shipped to the page). */
function bundleRows(rendererDir: string): Row[] {
  const assets = join(rendererDir, 'assets');
  const files = [join(rendererDir, 'index.html'), ...readdirSync(assets).filter((f) => !f.endsWith('.map')).map((f) => join(assets, f))];
  const js = files.filter((f) => f.endsWith('.js'));
  const size = (list: string[]) => list.reduce((n, f) => n + statSync(f).size, 0) / 1024;
  const gzip = (list: string[]) => list.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 1024;
  return [
    one('renderer bundle: JavaScript', size(js), 'KB'),
    one('renderer bundle: JavaScript, gzip -9', gzip(js), 'KB'),
    one('renderer bundle: all shipped files (html, js, css)', size(files), 'KB'),
    one('renderer bundle: all shipped files, gzip -9', gzip(files), 'KB'),
  ];
}

/** One run: spawn the host, sign in as the demo clerk, wait for Today's first dossier row. */
async function todaySample(browser: Browser, hostFile: string, dataDir: string): Promise<{ login: number; today: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [hostFile, '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const url = await new Promise<string>((done, fail) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('MOTCUA_HOST_READY ')) done((JSON.parse(line.slice(18)) as { url: string }).url);
      });
      child.once('exit', (code) => fail(new Error(`host exited ${code}`)));
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('login-form').waitFor();
    const login = performance.now() - started;
    await page.keyboard.type('canbo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('motcua-demo');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=dossier-row]').first().waitFor({ timeout: 60_000 });
    return { login, today: performance.now() - started };
  } finally {
    await context.close();
    child.kill('SIGTERM');
    await new Promise((done) => (child.exitCode !== null ? done(undefined) : child.once('exit', done)));
  }
}

/** Keystrokes of the e2e test's birth registration intake (test/e2e/birth-registration-flow.test.ts). */
function keystrokeRow(log: (line: string) => void): Row {
  const file = resolve('test-results/keystrokes.json');
  const scenario = 'keystrokes: complete birth registration intake, Alt+2 → printed receipt';
  if (!existsSync(file)) {
    log('test-results/keystrokes.json is missing: run npm test (or the birth-registration-flow e2e test) first');
    return one(`${scenario} (run npm test first)`, NaN, 'keys');
  }
  const k = JSON.parse(readFileSync(file, 'utf8')) as { total: number; characters: number; presses: number; tabs: number };
  log(`keystrokes: ${k.characters} characters typed, ${k.presses} keys pressed (${k.tabs} of them Tab)`);
  return one(scenario, k.total, 'keys');
}

export async function rendererRows(hostFile: string, dataDir: string, runs: number, log: (line: string) => void): Promise<Row[]> {
  const rendererDir = resolve(hostFile, '..', '..', 'renderer');
  const rows = bundleRows(rendererDir);
  const browser = await launchChromium();
  const samples: { login: number; today: number }[] = [];
  try {
    await lentAsTraining(dataDir, async (root) => {
      // The first run warms the OS page cache for the database as the earlier rows' runs did.
      await todaySample(browser, hostFile, root);
      for (let i = 0; i < runs; i++) samples.push(await todaySample(browser, hostFile, root));
    });
  } finally {
    await browser.close();
  }
  return [
    ...rows,
    { scenario: 'renderer: host spawn → login screen shown', samples: runs, summary: summarise(samples.map((s) => s.login)) },
    { scenario: 'renderer: host spawn → signed in, Today with rows (bench DB)', samples: runs, summary: summarise(samples.map((s) => s.today)) },
    keystrokeRow(log),
  ];
}

/**
 * The dataset for `BENCH_ONLY=renderer`: the newest complete cached seed of that size (the host
 * migrates its copy during the warm-up run if the schema moved on since), and only when there
 * is none a fresh seed, which takes minutes.
 */
function rendererDataset(count: number, log: (line: string) => void): string {
  const dir = process.env.BENCH_CACHE_DIR ?? join(tmpdir(), 'motcua-bench-cache');
  const newest = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.startsWith(`dossiers-${count}-`) && f.endsWith('.sqlite') && existsSync(join(dir, `${f}.json`)))
        .map((f) => join(dir, f))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
    : undefined;
  if (newest) log(`renderer: dataset ${newest}`);
  return newest ?? seededDatabase(count, log).path;
}

/** `BENCH_ONLY=renderer`: the renderer's rows alone, on a throw-away copy of the dataset. */
export async function rendererRowsAlone(hostFile: string, runs: number, log: (line: string) => void): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-renderer-'));
  try {
    copyFileSync(rendererDataset(Number(process.env.BENCH_DOSSIERS ?? 1_000_000), log), join(dataDir, databaseFileName));
    return await rendererRows(hostFile, dataDir, runs, log);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
