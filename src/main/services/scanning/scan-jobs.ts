/**
 * Scan jobs: a scan runs in the background of the core while the screen polls its status. Each
 * page is processed and linked to the document as soon as it arrives, so a jam on page 7 keeps
 * pages 1–6. One job per device at a time; the device session is disposed on every path.
 */
import type { z } from 'zod';
import { AppError, describeError } from '../../../shared/api/errors';
import { PAGE_TARGET_BYTES, type ScanStatus } from '../../../shared/api/scanning';
import { uuidv7 } from '../../../shared/id/uuidv7';
import { processPage } from '../../devices/scanner/pipeline/page-pipeline';
import type { Scanner, ScanOptions } from '../../devices/scanner/scanner';
import type { Store } from '../../store/db';
import type { StoredPage } from '../../store/repos/pages';
import type { Clock } from '../clock';
import { appendPage } from './page-rows';

type Status = z.infer<typeof ScanStatus>;

export interface ScanJobDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly pagesDir: string;
  /** Settles when the spool recovery at start is done (it never rejects). */
  readonly ready?: Promise<unknown>;
}

interface Job {
  status: Status;
  readonly deviceId: string;
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

/** Finished jobs kept for late polls; older ones are forgotten. */
const KEEP_FINISHED = 20;

export function pageView(p: StoredPage): Status['pages'][number] {
  return { id: p.id, position: p.position, sha256: p.sha256, bytes: p.bytes, width: p.width, height: p.height, rotation: p.rotation, blank: p.blank, oversize: p.bytes > PAGE_TARGET_BYTES };
}

export class ScanJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly deps: ScanJobDeps) {}

  /** Starts scanning into `documentId`; returns at once with the job id. */
  start(driver: Scanner, deviceId: string, documentId: string, options: ScanOptions): string {
    for (const job of this.jobs.values()) {
      if (job.deviceId === deviceId && job.status.state === 'running') throw new AppError('scanner.busy');
    }
    this.forgetOld();
    const jobId = uuidv7(this.deps.clock.now().getTime());
    const controller = new AbortController();
    const status: Status = { jobId, documentId, state: 'running', pages: [], error: null };
    const job: Job = { status, deviceId, controller, done: this.run(status, driver, deviceId, options, controller.signal) };
    this.jobs.set(jobId, job);
    return jobId;
  }

  status(jobId: string): Status {
    const job = this.jobs.get(jobId);
    if (job === undefined) throw new AppError('store.not-found', { entity: 'scan job' });
    return { ...job.status, pages: [...job.status.pages] };
  }

  /** Asks the device to stop; pages already stored stay. Resolves once the device is released. */
  async cancel(jobId: string): Promise<Status> {
    const job = this.jobs.get(jobId);
    if (job === undefined) throw new AppError('store.not-found', { entity: 'scan job' });
    job.controller.abort();
    await job.done;
    return this.status(jobId);
  }

  /** True while a job scans on `deviceId`. */
  isBusy(deviceId: string): boolean {
    return [...this.jobs.values()].some((job) => job.deviceId === deviceId && job.status.state === 'running');
  }

  /** Waits for a job to end (tests, CLI). */
  async wait(jobId: string): Promise<Status> {
    await this.jobs.get(jobId)?.done;
    return this.status(jobId);
  }

  /** Cancels every running job and waits for the devices to be released (core shutdown). */
  async stopAll(): Promise<void> {
    for (const job of this.jobs.values()) job.controller.abort();
    await Promise.all([...this.jobs.values()].map((j) => j.done));
  }

  private async run(status: Status, driver: Scanner, deviceId: string, options: ScanOptions, signal: AbortSignal): Promise<void> {
    const { store, clock, pagesDir } = this.deps;
    try {
      // Pages a crash left in the spool go first, so a new scan's pages come after them.
      await this.deps.ready;
      const session = await driver.open(deviceId);
      try {
        for await (const page of session.scan(options, signal)) {
          // The owner stays beside the spooled page, so a crash before it is stored loses nothing.
          const owner = { jobId: status.jobId, documentId: status.documentId };
          const processed = await processPage(page, { pagesDir, colorMode: options.colorMode, owner });
          status.pages.push(pageView(appendPage(store, clock, status.documentId, processed)));
        }
      } finally {
        await session[Symbol.asyncDispose]();
      }
      status.state = 'done';
    } catch (error) {
      const described = error instanceof AppError ? error.toApiError() : describeError('scanner.failed', { reason: 'pipeline' });
      status.state = described.code === 'scanner.cancelled' ? 'cancelled' : 'failed';
      status.error = { code: described.code, message: described.message };
    }
  }

  private forgetOld(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
