// Builds everything into out/: the renderer with Vite, and the Node-side entry points
// (Electron main, preload, browser host, CLI, benchmark, sync hub) with esbuild as CommonJS bundles.
// Native and Electron modules stay external: they are loaded from node_modules at run time.
import { build as esbuild } from 'esbuild';
import { readFileSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { build as viteBuild } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const started = performance.now();

await viteBuild({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // The hub's server and database drivers (PGlite loads its WASM beside its own files).
  // koffi and sharp load their native parts from per-platform packages at run time.
  external: ['electron', 'better-sqlite3', 'playwright-core', 'fastify', 'pg', '@electric-sql/pglite', 'koffi', 'sharp'],
  define: { __MOTCUA_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
};

// The CLI is package.json's `bin` (`npx motcua …`): it needs the shebang to run as a command.
const cliBanner = { banner: { js: '#!/usr/bin/env node' } };
const entries = [
  ['src/main/app/main.ts', 'out/main/index.cjs'],
  ['src/main/app/preload.ts', 'out/preload/index.cjs'],
  ['src/main/host/index.ts', 'out/host/index.cjs'],
  ['src/main/cli/main.ts', 'out/cli/index.cjs', cliBanner],
  ['bench/index.ts', 'out/bench/index.cjs'],
  ['src/hub/main.ts', 'out/hub/index.cjs'],
  // Scanning: the TWAIN worker process the core forks (src/main/devices/scanner/twain/worker).
  ['src/main/devices/scanner/twain/worker/index.ts', 'out/twain-worker/index.cjs'],
];
await Promise.all(entries.map(([entry, outfile, extra = {}]) => esbuild({ ...common, ...extra, entryPoints: [entry], outfile })));
await chmod('out/cli/index.cjs', 0o755);

console.log(`build: out/ ready in ${Math.round(performance.now() - started)} ms`);
