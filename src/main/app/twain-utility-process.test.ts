/*
 * The packaged app's TWAIN worker start, with Electron's utilityProcess mocked (no Electron binary
 * here): the mock forks the real worker bundle under node with a preload that gives it a
 * `process.parentPort` shaped like Electron's, so the worker's parentPort branch, the adapter and
 * the driver run for real against the fake TWAIN DSM.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTwainWorker, compileFakeDsm, workerNodePath } from '../devices/scanner/twain/fake-dsm-build';
import { TwainWorkerScanner } from '../devices/scanner/twain/twain-worker-scanner';
import { A4 } from '../devices/scanner/scanner';

const forks: { path: string; options: { serviceName?: string; env?: NodeJS.ProcessEnv } }[] = [];
let parentPortShim = '';

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (path: string, args: string[], options: { serviceName?: string; env?: NodeJS.ProcessEnv }) => {
      forks.push({ path, options });
      // No IPC channel of node's for the worker to use directly: only the shimmed parentPort.
      const child: ChildProcess = fork(path, args, { env: options.env, execArgv: ['--require', parentPortShim], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      return {
        get pid() {
          return child.pid;
        },
        postMessage: (message: unknown) => child.send(message as object),
        on: (event: 'message' | 'exit', listener: (value: unknown) => void) => child.on(event, listener),
        kill: () => child.kill(),
      };
    },
  },
}));

const { spawnUtilityWorker } = await import('./twain-utility-process');

describe('TWAIN worker started as an Electron utility process (utilityProcess mocked: no Electron binary here)', () => {
  let workerPath = '';
  let dsmPath = '';
  const open: TwainWorkerScanner[] = [];
  beforeAll(() => {
    dsmPath = compileFakeDsm();
    workerPath = buildTwainWorker();
    parentPortShim = join(mkdtempSync(join(tmpdir(), 'motcua-parentport-')), 'parent-port.cjs');
    // What Electron gives a utility process: messages arrive as {data}, replies go by postMessage;
    // node's own process.send is hidden so the worker cannot use the fork path by accident.
    writeFileSync(
      parentPortShim,
      `const { EventEmitter } = require('node:events');
const port = new EventEmitter();
const send = process.send.bind(process);
process.on('message', (data) => port.emit('message', { data }));
process.send = undefined;
process.parentPort = { on: (event, listener) => port.on(event, listener), postMessage: (message) => send(message) };
`,
    );
  });
  afterEach(async () => {
    for (const scanner of open.splice(0)) await scanner[Symbol.asyncDispose]();
  });

  it('lists and scans through parentPort messages, and dispose ends the worker', async () => {
    const scanner = new TwainWorkerScanner({ workerPath, dsmPath, spawn: spawnUtilityWorker, env: { ...process.env, NODE_PATH: workerNodePath, FAKE_TWAIN_PAGES: '2' } });
    open.push(scanner);
    expect((await scanner.listDevices()).map((d) => d.label)).toEqual(['Fake TWAIN Scanner (TWAIN)']);
    expect(forks).toHaveLength(1);
    expect(forks[0]).toMatchObject({ path: workerPath, options: { serviceName: 'Motcua Desk TWAIN' } });
    expect(forks[0]?.options.env?.ELECTRON_RUN_AS_NODE).toBeUndefined();
    const session = await scanner.open('twain:Fake TWAIN Scanner');
    const kinds: string[] = [];
    try {
      for await (const page of session.scan({ source: 'adf', colorMode: 'gray', resolution: 200, pageSize: A4 })) kinds.push(page.kind);
    } finally {
      await session[Symbol.asyncDispose]();
    }
    expect(kinds).toEqual(['spooled', 'spooled']);
    const pid = scanner.workerPid!;
    await scanner[Symbol.asyncDispose]();
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
