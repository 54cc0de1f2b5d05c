/**
 * CUPS through its command-line clients (`lpstat`, `lp`, `cancel`), spawned with argument arrays
 * (never a shell string: a printer name is user data). Output is parsed with LC_ALL=C because
 * lpstat's messages are translated. A job is followed until the spooler lists it as completed;
 * one that was aborted or cancelled, or waits on a stopped queue, is `printer.job-failed`; one still
 * pending at the timeout is `printer.job-stuck` (left queued so it may still come out).
 */
import { execFile, spawn } from 'node:child_process';
import { AppError } from '../../../shared/api/errors';
import type { Printer, PrinterInfo, PrintJob, PrintRequest } from './printer';

interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const ENV = { ...process.env, LC_ALL: 'C', LANG: 'C' };

function run(cmd: string, args: readonly string[], input?: Uint8Array): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (input === undefined) {
      execFile(cmd, [...args], { env: ENV, timeout: 15_000 }, (err, stdout, stderr) => {
        if (err !== null && (err as NodeJS.ErrnoException).code === 'ENOENT') return reject(new AppError('printer.unavailable', { reason: `${cmd} not found` }));
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
        resolve({ code, stdout, stderr });
      });
      return;
    }
    const child = spawn(cmd, [...args], { env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new AppError('printer.unavailable', { reason: `${cmd} not found` }) : e));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(Buffer.from(input));
  });
}

/** Options of the CUPS printer. */
export interface CupsOptions {
  /** How often a job's state is polled. */
  readonly pollMs?: number;
}

/** Parses `lpstat -p` lines into printers. */
export function parseLpstatPrinters(text: string, defaultName: string | null): PrinterInfo[] {
  const out: PrinterInfo[] = [];
  for (const line of text.split('\n')) {
    const m = /^printer (\S+) (?:is (\w+)|disabled)/.exec(line);
    if (m?.[1] === undefined) continue;
    out.push({ name: m[1], isDefault: m[1] === defaultName, enabled: !/ disabled/.test(line), description: null });
  }
  return out;
}

/** The CUPS implementation of {@link Printer}. */
export class CupsPrinter implements Printer {
  private readonly pollMs: number;

  constructor(options: CupsOptions = {}) {
    this.pollMs = options.pollMs ?? 250;
  }

  async list(): Promise<PrinterInfo[]> {
    const d = await run('lpstat', ['-d']);
    const defaultName = /destination: (\S+)/.exec(d.stdout)?.[1] ?? null;
    const p = await run('lpstat', ['-p']);
    // "No destinations added." exits non-zero: that is an empty list, not an error.
    if (p.code !== 0 && !/No destinations/i.test(p.stderr + p.stdout)) throw new AppError('printer.unavailable', { reason: (p.stderr || p.stdout).trim() });
    return parseLpstatPrinters(p.stdout, defaultName);
  }

  async print(request: PrintRequest): Promise<PrintJob> {
    const printers = await this.list();
    if (!printers.some((p) => p.name === request.printer)) throw new AppError('printer.not-found', { printer: request.printer });
    const args = ['-d', request.printer, '-n', String(request.copies ?? 1)];
    if (request.title !== undefined) args.push('-t', request.title);
    const res = typeof request.pdf === 'string' ? await run('lp', [...args, '--', request.pdf]) : await run('lp', args, request.pdf);
    const jobId = /request id is (\S+)/.exec(res.stdout)?.[1];
    if (res.code !== 0 || jobId === undefined) throw new AppError('printer.job-failed', { printer: request.printer, job: '-', reason: (res.stderr || res.stdout).trim() || `lp exit ${res.code}` });
    return { printer: request.printer, jobId };
  }

  async waitForJob(job: PrintJob, timeoutMs = 30_000): Promise<'completed'> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const done = await run('lpstat', ['-W', 'completed', '-o', job.printer]);
      if (hasJob(done.stdout, job.jobId)) return 'completed';
      const pending = await run('lpstat', ['-W', 'not-completed', '-o', job.printer]);
      if (!hasJob(pending.stdout, job.jobId)) {
        // It may have completed between the two questions (seen on a loaded PC): ask once more.
        if (hasJob((await run('lpstat', ['-W', 'completed', '-o', job.printer])).stdout, job.jobId)) return 'completed';
        // Neither completed nor pending: aborted or cancelled by the spooler or someone else.
        throw new AppError('printer.job-failed', { printer: job.printer, job: job.jobId, reason: 'job aborted or cancelled' });
      }
      // A filter or backend error leaves the job pending with this alert; CUPS would retry it forever.
      const detail = jobDetail((await run('lpstat', ['-l', '-o', job.printer])).stdout, job.jobId);
      if (/job-completed-with-errors|job-aborted/.test(detail)) {
        const status = /Status: (.*)/.exec(detail)?.[1]?.trim() ?? 'printing error';
        throw new AppError('printer.job-failed', { printer: job.printer, job: job.jobId, reason: status });
      }
      const queue = await run('lpstat', ['-p', job.printer]);
      if (/ disabled/.test(queue.stdout)) {
        const why = queue.stdout.split('\n').slice(1).join(' ').trim() || 'printer stopped';
        throw new AppError('printer.job-failed', { printer: job.printer, job: job.jobId, reason: `printer disabled: ${why}` });
      }
      if (Date.now() >= deadline) throw new AppError('printer.job-stuck', { printer: job.printer, job: job.jobId, seconds: Math.round(timeoutMs / 1000) });
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
  }
}

/** The indented lines under a job in `lpstat -l -o`. */
function jobDetail(text: string, jobId: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.split(/\s+/)[0] === jobId);
  if (at < 0) return '';
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!/^\s/.test(l)) break;
    out.push(l.trim());
  }
  return out.join('\n');
}

function hasJob(lpstatOutput: string, jobId: string): boolean {
  return lpstatOutput.split('\n').some((line) => line.split(/\s+/)[0] === jobId);
}

/** True when the CUPS clients are installed (tests skip on machines without them). */
export function cupsClientsInstalled(): Promise<boolean> {
  return run('lpstat', ['-r']).then(
    () => true,
    () => false,
  );
}
