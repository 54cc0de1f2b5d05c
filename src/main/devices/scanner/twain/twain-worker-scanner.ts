/**
 * TWAIN as the core sees it: a Scanner whose every call goes to the TWAIN worker process
 * (worker/index.ts), forked on first use and again after it dies. A worker that dies mid-scan
 * becomes `scanner.driver-crashed` at the next page; pages it already handed over stay with the
 * caller (they are files the pipeline has taken). Disposing the driver kills the worker and
 * removes its spool folder. The core never loads koffi or a DSM for TWAIN.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError, errorCodes, type ErrorCode } from '../../../../shared/api/errors';
import { throwIfCancelled, type ScanDevice, type ScannedPage, type ScannerCapabilities, type ScanOptions, type Scanner, type ScanSession } from '../scanner';
import { workerArgs, type OpenReply, type WorkerControl, type WorkerError, type WorkerReply, type WorkerRequest } from './worker/protocol';

export interface TwainWorkerOptions {
  /** The built worker: out/twain-worker/index.cjs. */
  readonly workerPath: string;
  /** TWAINDSM.dll (found by Windows' loader), or the fake DSM in tests. */
  readonly dsmPath: string;
  /**
   * The node that runs the worker: this process's own binary (Electron runs as node with
   * ELECTRON_RUN_AS_NODE=1), or a bundled 32-bit node.exe for sources with only x86 drivers.
   */
  readonly execPath?: string;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Starts the worker. By default node's `fork`; the packaged Electron app hands in one built on
   * `utilityProcess.fork`, because its `runAsNode` fuse is off and `ELECTRON_RUN_AS_NODE` would
   * start a second app instead of the worker.
   */
  readonly spawn?: SpawnWorker;
}

/** A started worker as the driver needs it, whatever started it. */
export interface WorkerChild {
  readonly pid: number | undefined;
  /** Never throws: a message to a worker that just died is dropped, and its exit rejects what waits. */
  send(message: WorkerRequest | WorkerControl): void;
  onMessage(listener: (message: WorkerReply) => void): void;
  /** Once, when the worker has gone (or could not start: then `pid` is undefined). */
  onExit(listener: () => void): void;
  kill(): void;
  /** Whether the worker may keep the host's event loop alive: only while a request waits. */
  hold(held: boolean): void;
}

export type SpawnWorker = (workerPath: string, args: readonly string[], options: Pick<TwainWorkerOptions, 'execPath' | 'env'>) => WorkerChild;

/** node's `fork` over a JSON IPC channel: the Node hosts, the CLI, the tests, and a 32-bit node.exe. */
export const forkWorker: SpawnWorker = (workerPath, args, options) => {
  const child: ChildProcess = fork(workerPath, [...args], {
    execPath: options.execPath ?? process.execPath,
    // Harmless under node; lets an Electron binary without the runAsNode fuse act as node.
    env: { ...(options.env ?? process.env), ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    serialization: 'json',
  });
  let exited = false;
  const exitListeners: (() => void)[] = [];
  const exit = (): void => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener();
  };
  child.on('exit', exit);
  child.on('error', exit);
  return {
    get pid() {
      return child.pid;
    },
    send: (message) => {
      if (child.connected) child.send(message, () => undefined);
    },
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void exitListeners.push(listener),
    kill: () => void child.kill(),
    hold: (held) => {
      if (held) {
        child.ref();
        child.channel?.ref();
      } else {
        child.unref();
        child.channel?.unref();
      }
    },
  };
};

type PageMessage = Extract<WorkerReply, { type: 'page' }>;
type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never;
type Request = WithoutId<WorkerRequest>;

interface Pending {
  resolve(value: unknown): void;
  reject(error: AppError): void;
  onPage?(message: PageMessage): void;
}

function appErrorOf(error: WorkerError): AppError {
  const code = (errorCodes as readonly string[]).includes(error.code) ? (error.code as ErrorCode) : 'scanner.failed';
  return new AppError(code, code === 'scanner.failed' && error.params.reason === undefined ? { reason: error.code } : error.params);
}

/** One forked worker; once it has exited it is replaced, never reused. */
class WorkerProcess {
  exited = false;
  private stopping = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(readonly child: WorkerChild) {
    child.onMessage((message) => this.receive(message));
    // No pid: the worker could not be started at all (no node binary, no worker file).
    child.onExit(() =>
      this.fail(child.pid === undefined ? new AppError('scanner.no-device', { device: 'TWAIN' }) : this.stopping ? new AppError('scanner.cancelled') : new AppError('scanner.driver-crashed')),
    );
    this.idle();
  }

  /** An idle worker must not keep the core (or a CLI run) alive. */
  private idle(): void {
    this.child.hold(false);
  }

  private fail(error: AppError): void {
    if (this.exited) return;
    this.exited = true;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private receive(message: WorkerReply): void {
    const p = this.pending.get(message.id);
    if (p === undefined) return;
    if (message.type === 'page') return p.onPage?.(message);
    this.pending.delete(message.id);
    if (this.pending.size === 0) this.idle();
    if (message.ok) p.resolve(message.value);
    else p.reject(appErrorOf(message.error));
  }

  request<T>(request: Request, onPage?: (message: PageMessage) => void): { id: number; reply: Promise<T> } {
    const id = this.nextId++;
    const reply = new Promise<T>((resolve, reject) => {
      if (this.exited) return reject(new AppError('scanner.driver-crashed'));
      this.pending.set(id, { resolve, reject, ...(onPage === undefined ? {} : { onPage }) });
      this.child.hold(true);
      // A send to a worker that just died is dropped; its exit rejects the request.
      this.child.send({ ...request, id });
    });
    return { id, reply };
  }

  control(message: WorkerControl): void {
    if (!this.exited) this.child.send(message);
  }

  stop(): Promise<void> {
    if (this.exited) return Promise.resolve();
    this.stopping = true;
    const gone = new Promise<void>((resolve) => this.child.onExit(resolve));
    this.child.kill();
    return gone;
  }
}

export class TwainWorkerScanner implements Scanner, AsyncDisposable {
  readonly driver = 'twain' as const;
  private worker: WorkerProcess | undefined;
  private spoolDir: string | undefined;

  constructor(private readonly options: TwainWorkerOptions) {}

  /** The live worker's process id (support tools and tests). */
  get workerPid(): number | undefined {
    return this.worker?.exited === false ? this.worker.child.pid : undefined;
  }

  /** The running worker, forked again if there is none (first use, or after a crash). */
  private live(): WorkerProcess {
    if (this.worker !== undefined && !this.worker.exited) return this.worker;
    this.spoolDir ??= mkdtempSync(join(tmpdir(), 'motcua-twain-'));
    const spawn = this.options.spawn ?? forkWorker;
    const child = spawn(this.options.workerPath, workerArgs(this.options.dsmPath, this.spoolDir), { execPath: this.options.execPath, env: this.options.env });
    this.worker = new WorkerProcess(child);
    return this.worker;
  }

  listDevices(): Promise<ScanDevice[]> {
    return this.live().request<ScanDevice[]>({ op: 'list' }).reply;
  }

  async open(deviceId: string): Promise<ScanSession> {
    const worker = this.live();
    const opened = await worker.request<OpenReply>({ op: 'open', deviceId }).reply;
    return new TwainWorkerSession(worker, opened.session, opened.device);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.worker?.stop();
    if (this.spoolDir !== undefined) rmSync(this.spoolDir, { recursive: true, force: true });
    this.spoolDir = undefined;
  }
}

class TwainWorkerSession implements ScanSession {
  private closed = false;

  constructor(
    private readonly worker: WorkerProcess,
    private readonly session: number,
    readonly device: ScanDevice,
  ) {}

  capabilities(): Promise<ScannerCapabilities> {
    return this.worker.request<ScannerCapabilities>({ op: 'capabilities', session: this.session }).reply;
  }

  async *scan(options: ScanOptions, signal?: AbortSignal): AsyncGenerator<ScannedPage> {
    throwIfCancelled(signal);
    const pages: PageMessage[] = [];
    let wake: (() => void) | undefined;
    let ended = false;
    const { id, reply } = this.worker.request<null>({ op: 'scan', session: this.session, options }, (page) => {
      pages.push(page);
      wake?.();
    });
    const settled = reply.finally(() => {
      ended = true;
      wake?.();
    });
    // Awaited below, after the pages already on disk have been handed over.
    settled.catch(() => undefined);
    const cancel = () => this.worker.control({ op: 'cancel', scan: id });
    signal?.addEventListener('abort', cancel, { once: true });
    let finished = false;
    try {
      for (;;) {
        while (pages.length === 0 && !ended) await new Promise<void>((resolve) => (wake = resolve));
        const page = pages.shift();
        if (page === undefined) break;
        yield { kind: 'spooled', index: page.index, file: page.file };
        this.worker.control({ op: 'next', scan: id });
      }
      finished = true;
      await settled;
      throwIfCancelled(signal);
    } finally {
      signal?.removeEventListener('abort', cancel);
      if (!finished) {
        // The consumer stopped early (break, error): the worker steps the source down.
        cancel();
        await settled.catch(() => undefined);
      }
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.closed || this.worker.exited) return;
    this.closed = true;
    await this.worker.request({ op: 'close', session: this.session }).reply.catch(() => undefined);
  }
}
