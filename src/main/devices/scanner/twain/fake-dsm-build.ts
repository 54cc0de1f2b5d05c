/**
 * Test-only builds for TWAIN on Linux: the fake DSM (fake-dsm.c) compiled with the system's cc,
 * and the TWAIN worker bundled with esbuild exactly as scripts/build.mjs bundles it.
 */
import { buildSync } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Compiles fake-dsm.c into a fresh shared library; returns its path. */
export function compileFakeDsm(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'motcua-twain-')), 'libfaketwain.so');
  execFileSync('cc', ['-shared', '-fPIC', '-O1', '-o', path, join(__dirname, 'fake-dsm.c')]);
  return path;
}

/** Bundles worker/index.ts to a CommonJS file (koffi stays external, as in the app's build). */
export function buildTwainWorker(): string {
  const outfile = join(mkdtempSync(join(tmpdir(), 'motcua-twain-worker-')), 'index.cjs');
  buildSync({
    entryPoints: [resolve(__dirname, 'worker', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['koffi'],
    logLevel: 'warning',
  });
  return outfile;
}

/** The worker bundle lives in a temporary folder: NODE_PATH lets it find koffi, as out/ does. */
export const workerNodePath = resolve(__dirname, '..', '..', '..', '..', '..', 'node_modules');
