/**
 * Child processes for the sync fault tests: the real hub (`src/hub/main.ts`) on PostgreSQL, which
 * a test can SIGKILL and start again on the same port and database, and commune PCs
 * (`netns-pc.ts`), optionally inside a network namespace or under libfaketime. Both are bundled
 * with esbuild into the test's temp folder; NODE_PATH lets the bundles find the project's
 * packages (better-sqlite3's native module, fastify, pg).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { buildSync } from 'esbuild';
import type { NetnsPcConfig, NetnsPcStatus } from './netns-pc';

/** Bundles `entry` (a project path) into `dir` as CommonJS for Node 20; returns the file. */
export function bundleForNode(entry: string, dir: string): string {
  const outfile = join(dir, `${entry.replaceAll(/[^a-z0-9]+/gi, '-')}.cjs`);
  buildSync({ entryPoints: [resolve(entry)], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'silent' });
  return outfile;
}

const childEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({ ...process.env, NODE_PATH: resolve('node_modules'), ...extra });

/** A hub process that can be killed and started again with the same database, port and keys. */
export interface HubProcess {
  readonly url: string;
  readonly adminToken: string;
  restart(signal: NodeJS.Signals, downMs: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `src/hub/main.ts` on `databaseUrl` with its files in `storageDir`, listening on 127.0.0.1:`port`. */
export async function startHubProcess(bundleDir: string, databaseUrl: string, port: number, storageDir: string): Promise<HubProcess> {
  const file = bundleForNode('src/hub/main.ts', bundleDir);
  const adminToken = `admin-${randomBytes(12).toString('hex')}`;
  const env = childEnv({ HUB_DATABASE_URL: databaseUrl, HUB_STORAGE_DIR: storageDir, HUB_PORT: String(port), HUB_ADMIN_TOKEN: adminToken, HUB_PORTAL_TOKEN: `portal-${randomBytes(12).toString('hex')}`, HUB_TOKEN_KEY: randomBytes(24).toString('hex') });
  let child: ChildProcessWithoutNullStreams;
  const launch = async (): Promise<void> => {
    child = spawn(process.execPath, [file], { env });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((ready, fail) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        output += `${line}\n`;
        if (line.startsWith('hub: listening')) ready();
      });
      child.once('exit', (code, signal) => fail(new Error(`hub exited (${code ?? signal}) before listening:\n${output}`)));
    });
  };
  const exited = (): Promise<void> => new Promise((done) => (child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done())));
  await launch();
  return {
    url: `http://127.0.0.1:${port}`,
    adminToken,
    restart: async (signal, downMs) => {
      child.kill(signal);
      await exited();
      await new Promise((r) => setTimeout(r, downMs));
      await launch();
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited();
    },
  };
}

/** A PC process and what it last reported. */
export interface PcProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** The newest status line, undefined until the first. */
  last(): NetnsPcStatus | undefined;
  /** Resolves with the signal (or exit code) when the process ends. */
  readonly exited: Promise<string>;
  stderr(): string;
  /** Asks for a clean stop (scheduler disposed, store closed). */
  stop(): Promise<string>;
}

/** Starts a PC from the bundle `file`, with `prefix` (e.g. `ip netns exec ns`) and extra env. */
export function startPcProcess(file: string, config: NetnsPcConfig, prefix: readonly string[] = [], env: Record<string, string> = {}): PcProcess {
  const argv = [...prefix, process.execPath, file, JSON.stringify(config)];
  const child = spawn(argv[0] as string, argv.slice(1), { env: childEnv(env) });
  let last: NetnsPcStatus | undefined;
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  // readline yields whole lines only: a line cut by SIGKILL is never parsed.
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith('{')) last = JSON.parse(line) as NetnsPcStatus;
  });
  const exited = new Promise<string>((done) => child.once('exit', (code, signal) => done(signal ?? `exit ${code}`)));
  return {
    child,
    last: () => last,
    exited,
    stderr: () => errors,
    stop: () => {
      child.stdin.write('stop\n');
      return exited;
    },
  };
}
