/**
 * Scanning budgets (issue 5): one A4 page at 300 dpi through the image pipeline, gray and
 * colour (time and output size), and resident memory over a 50-page ADF batch from the real
 * SANE test backend, which must stay flat in the number of pages. Each runs in a fresh process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { processPage } from '../src/main/devices/scanner/pipeline/page-pipeline';
import { SaneScanner } from '../src/main/devices/scanner/sane/sane-scanner';
import { useSaneTestBackend } from '../src/main/devices/scanner/sane/sane-test-config';
import type { ColorMode } from '../src/main/devices/scanner/scanner';
import { summarise, type Row } from './stats';

const A4_300 = { width: 2480, height: 3508 };

/**
 * A synthetic page like a filled-in form: off-white paper, dark "text lines" of short strokes,
 * a faint colour stamp, and sensor noise (noise is what makes real scans expensive to encode).
 */
function formPage(channels: 1 | 3): Uint8Array {
  const { width, height } = A4_300;
  const px = new Uint8Array(width * height * channels);
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (let y = 0; y < height; y++) {
    const textRow = y > 300 && y < height - 300 && y % 60 < 22;
    for (let x = 0; x < width; x++) {
      const ink = textRow && x > 250 && x < width - 250 && Math.sin(x / 9 + y) > 0.2 && (x >> 6) % 5 !== 0;
      const stamp = (x - 1800) ** 2 + (y - 3000) ** 2 < 250 ** 2 && (x + y) % 7 === 0;
      const v = (ink ? 30 : 235) + Math.floor(rnd() * 3);
      const i = (y * width + x) * channels;
      px[i] = stamp ? 200 : v;
      if (channels === 3) {
        px[i + 1] = stamp ? 40 : v;
        px[i + 2] = stamp ? 40 : v - 6;
      }
    }
  }
  return px;
}

/** Child: times `runs` pages of one colour mode; prints JSON {ms[], cpu[], bytes[]} (cpu: all threads, ms). */
export async function pipelineChild(mode: ColorMode, runs: number): Promise<void> {
  const pagesDir = mkdtempSync(join(tmpdir(), 'motcua-bench-pages-'));
  const channels = mode === 'color' ? 3 : 1;
  const ms: number[] = [];
  const cpu: number[] = [];
  const bytes: number[] = [];
  try {
    // Page 0 is not timed: it loads sharp (lazily, on a process's first page) and warms the disk.
    for (let i = 0; i <= runs; i++) {
      const pixels = formPage(channels);
      pixels[i] = (pixels[i] ?? 0) ^ 1; // a different page each run, so no file is reused
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const page = await processPage({ kind: 'raw', index: i, header: { ...A4_300, channels, dpi: 300 }, rows: [pixels] }, { pagesDir, colorMode: mode });
      if (i === 0) continue;
      ms.push(performance.now() - started);
      const used = process.cpuUsage(cpuStarted);
      cpu.push((used.user + used.system) / 1000);
      bytes.push(page.bytes);
    }
  } finally {
    rmSync(pagesDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ ms, cpu, bytes }));
}

/** Child: 50 pages (five feeder loads of ten) at 300 dpi colour through the pipeline; RSS after each page. */
export async function batchChild(pages: number): Promise<void> {
  useSaneTestBackend();
  const pagesDir = mkdtempSync(join(tmpdir(), 'motcua-bench-batch-'));
  const rss: number[] = [];
  const ms: number[] = [];
  const session = await new SaneScanner().open('sane:test:0');
  try {
    const options = { source: 'adf', colorMode: 'color', resolution: 300, pageSize: { name: 'A4', widthMm: 210, heightMm: 297 }, extra: { 'test-picture': 'Color pattern' } } as const;
    while (rss.length < pages) {
      let started = performance.now();
      // Each batch runs until the test feeder's ten pages are out, like a clerk reloading it.
      for await (const page of session.scan(options)) {
        await processPage(page, { pagesDir, colorMode: 'color' });
        ms.push(performance.now() - started);
        rss.push(process.memoryUsage().rss / 2 ** 20);
        started = performance.now();
        if (rss.length >= pages) break;
      }
    }
  } finally {
    await session[Symbol.asyncDispose]();
    rmSync(pagesDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ rss, ms }));
}

/** Runs `bench --child ...args` in a fresh process and parses the JSON it prints. */
export function child<T>(benchFile: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [benchFile, '--child', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`${args[0]} child exited ${code}`))));
  });
}

/** The scanning rows of the bench table. */
export async function scanRows(benchFile: string, runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const mode of ['gray', 'color'] as const) {
    const r = await child<{ ms: number[]; cpu: number[]; bytes: number[] }>(benchFile, ['scan-pipeline', mode, String(runs)]);
    rows.push({ scenario: `scan pipeline: A4 300 dpi ${mode} page → JPEG + thumbnail + blank check`, samples: runs, summary: summarise(r.ms), budget: 400 });
    // CPU time of the process (sharp runs one thread): what the page costs on one core when other work competes for it.
    rows.push({ scenario: `scan pipeline: A4 300 dpi ${mode} page, CPU time`, samples: runs, summary: summarise(r.cpu) });
    rows.push({ scenario: `scan pipeline: A4 300 dpi ${mode} page, JPEG size`, samples: runs, summary: summarise(r.bytes.map((b) => b / 1024)), unit: 'KB' });
  }
  const batch = await child<{ rss: number[]; ms: number[] }>(benchFile, ['scan-batch', '50']);
  const early = Math.max(...batch.rss.slice(0, 10));
  const late = Math.max(...batch.rss.slice(40));
  rows.push({ scenario: 'scan 50-page ADF batch (SANE test, 300 dpi colour 200×200 mm): per page', samples: batch.ms.length, summary: summarise(batch.ms) });
  rows.push({ scenario: 'scan 50-page ADF batch: resident memory after each page', samples: batch.rss.length, summary: summarise(batch.rss), unit: 'MB' });
  // Flat in page count: the peak over pages 41–50 against the peak over pages 1–10.
  rows.push({ scenario: 'scan 50-page ADF batch: RSS peak growth, pages 41–50 vs 1–10', samples: 1, summary: summarise([late - early]), unit: 'MB', budget: 50, budgetOn: 'max' });
  return rows;
}
