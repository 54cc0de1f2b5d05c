/**
 * The TWAIN worker process (built to out/twain-worker/index.cjs). TWAIN needs a Win32 message
 * loop and most drivers are 32-bit, so the core never loads a DSM itself: it starts this entry
 * (forked under node or a 32-bit node.exe for x86 drivers, as NAPS2 runs its x86 worker, or as
 * an Electron utility process in the app) and talks over the IPC channel or `parentPort`
 * (protocol.ts). Each page is written to the
 * spool directory the core named and announced by file name; the worker then waits for `next`
 * before ending that page's transfer. When the core goes away, so does the worker.
 */
import { AppError } from '../../../../../shared/api/errors';
import { spoolRawPage } from '../../pipeline/spool';
import { throwIfCancelled, type ScanSession } from '../../scanner';
import { TwainScanner, type TwainMessageLoop } from '../twain-scanner';
import type { WorkerControl, WorkerError, WorkerReply, WorkerRequest } from './protocol';

function arg(name: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : undefined;
  if (value === undefined) throw new Error(`twain-worker: --${name} is required`);
  return value;
}

async function messageLoop(): Promise<TwainMessageLoop | undefined> {
  if (process.platform !== 'win32') return undefined;
  const { win32MessageLoop } = await import('./message-loop-ffi');
  return win32MessageLoop();
}

interface RunningScan {
  readonly controller: AbortController;
  next?: () => void;
}

const sessions = new Map<number, ScanSession>();
const scans = new Map<number, RunningScan>();
let lastSession = 0;

/** Electron's utilityProcess gives its child `process.parentPort` instead of node's IPC channel. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}
const parentPort = (process as { parentPort?: ParentPort }).parentPort;

const send = (message: WorkerReply): void => (parentPort === undefined ? void process.send?.(message) : parentPort.postMessage(message));

function onRequest(listener: (message: WorkerRequest | WorkerControl) => void): void {
  if (parentPort === undefined) process.on('message', listener);
  else parentPort.on('message', (event) => listener(event.data as WorkerRequest | WorkerControl));
}

function errorOf(error: unknown): WorkerError {
  if (error instanceof AppError) return { code: error.code, params: error.params };
  return { code: 'scanner.failed', params: { reason: String(error).slice(0, 160) } };
}

function session(id: number): ScanSession {
  const found = sessions.get(id);
  if (found === undefined) throw new AppError('scanner.no-device', { device: `TWAIN session ${id}` });
  return found;
}

/** Runs a batch; each page goes to the spool and waits there until the core asks for the next. */
async function scan(request: Extract<WorkerRequest, { op: 'scan' }>, spoolDir: string): Promise<null> {
  const running: RunningScan = { controller: new AbortController() };
  const { signal } = running.controller;
  scans.set(request.id, running);
  try {
    for await (const page of session(request.session).scan(request.options, signal)) {
      if (page.kind !== 'raw') throw new AppError('scanner.failed', { reason: `TWAIN ${page.kind} page` });
      const file = await spoolRawPage(page, spoolDir, request.options.colorMode);
      const asked = new Promise<void>((resolve) => {
        running.next = resolve;
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
      send({ type: 'page', id: request.id, index: page.index, file });
      await asked;
      throwIfCancelled(signal);
    }
    return null;
  } finally {
    scans.delete(request.id);
  }
}

async function handle(scanner: TwainScanner, request: WorkerRequest, spoolDir: string): Promise<unknown> {
  switch (request.op) {
    case 'list':
      return scanner.listDevices();
    case 'open': {
      const opened = await scanner.open(request.deviceId);
      sessions.set(++lastSession, opened);
      return { session: lastSession, device: opened.device };
    }
    case 'capabilities':
      return session(request.session).capabilities();
    case 'scan':
      return scan(request, spoolDir);
    case 'close': {
      const closing = sessions.get(request.session);
      sessions.delete(request.session);
      await closing?.[Symbol.asyncDispose]();
      return null;
    }
  }
}

function control(message: WorkerControl): void {
  const running = scans.get(message.scan);
  if (message.op === 'cancel') running?.controller.abort();
  else running?.next?.();
}

/** Steps every source down and closes the DSM before the process ends. */
async function closeAll(): Promise<void> {
  for (const running of scans.values()) running.controller.abort();
  for (const open of sessions.values()) {
    try {
      await open[Symbol.asyncDispose]();
    } catch {
      // Closing anyway: the process is about to end and the DSM with it.
    }
  }
  sessions.clear();
}

async function main(): Promise<void> {
  const spoolDir = arg('spool');
  const scanner = new TwainScanner(arg('dsm'), await messageLoop());
  onRequest((message) => {
    if (message.op === 'next' || message.op === 'cancel') return control(message);
    handle(scanner, message, spoolDir).then(
      (value) => send({ type: 'reply', id: message.id, ok: true, value: value ?? null }),
      (error: unknown) => send({ type: 'reply', id: message.id, ok: false, error: errorOf(error) }),
    );
  });
  // The core closed the channel (it exited, crashed or disposed the driver): release and go.
  // A utilityProcess has no such event: Electron ends it with the app, and dispose kills it.
  process.on('disconnect', () => void closeAll().finally(() => process.exit(0)));
}

void main();
