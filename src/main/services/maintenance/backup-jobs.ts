/**
 * Backups started from the Settings screen: the backup runs in the background of the core while
 * the screen polls its progress. One at a time: a second copy would double the disk writes on a
 * slow PC and, with pruning to the newest few, could delete the very backup the first is making
 * room for.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { z } from 'zod';
import { AppError, describeError } from '../../../shared/api/errors';
import type { BackupList, BackupStatus } from '../../../shared/api/maintenance';
import { uuidv7 } from '../../../shared/id/uuidv7';
import { backupFileName, backupStore, listBackups } from '../../store/backup';
import type { Store } from '../../store/db';
import type { Clock } from '../clock';

type Status = z.infer<typeof BackupStatus>;

export interface BackupJobDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly dir: string;
  readonly keep: number;
}

/**
 * Pages per step for a backup started from a screen (about 1.6 MB at SQLite's 4 KiB pages): the
 * core runs in the app's main process, and it answers the clerk's calls between steps.
 */
const SCREEN_PAGES_PER_STEP = 400;
/** Finished jobs kept for late polls; older ones are forgotten. */
const KEEP_FINISHED = 10;

export class BackupJobs {
  private readonly jobs = new Map<string, { status: Status; readonly done: Promise<void> }>();

  constructor(private readonly deps: BackupJobDeps) {}

  /** Starts a backup now; returns at once with the job id. Throws AppError 'backup.already-running'. */
  start(): string {
    if ([...this.jobs.values()].some((job) => job.status.state === 'running')) throw new AppError('backup.already-running');
    this.forgetOld();
    const now = this.deps.clock.now();
    const jobId = uuidv7(now.getTime());
    const status: Status = { jobId, state: 'running', percent: 0, file: backupFileName(now), bytes: null, error: null };
    this.jobs.set(jobId, { status, done: this.run(status, now) });
    return jobId;
  }

  status(jobId: string): Status {
    const job = this.jobs.get(jobId);
    if (job === undefined) throw new AppError('store.not-found', { entity: 'backup job' });
    return { ...job.status };
  }

  /** Waits for a job to end (tests, shutdown). */
  async settled(jobId: string): Promise<Status> {
    await this.jobs.get(jobId)?.done;
    return this.status(jobId);
  }

  /**
   * Starts a backup every `intervalMs` through the same one-at-a-time gate as the screen, so a
   * scheduled backup never runs beside one a clerk started (a tick that finds one running skips).
   * The returned stop resolves once a backup in progress has finished, so the store can close.
   * The timer does not keep the process alive.
   */
  schedule(intervalMs: number, onFailure: (code: string) => void): () => Promise<void> {
    const tick = (): void => {
      try {
        void this.settled(this.start()).then((status) => {
          if (status.error !== null) onFailure(status.error.code);
        });
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'backup.already-running')) onFailure(error instanceof AppError ? error.code : 'unexpected');
      }
    };
    const timer = setInterval(tick, intervalMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await Promise.all([...this.jobs.values()].map((job) => job.done));
    };
  }

  /** The backups kept in the folder, newest first, whoever took them (screen or schedule). */
  list(): z.infer<typeof BackupList> {
    const backups = listBackups(this.deps.dir)
      .reverse()
      .map((path) => ({ file: basename(path), takenAt: takenAt(basename(path)), bytes: statSync(path).size }));
    return { backups };
  }

  private async run(status: Status, now: Date): Promise<void> {
    try {
      const result = await backupStore(this.deps.store, {
        dir: this.deps.dir,
        keep: this.deps.keep,
        now,
        pagesPerStep: SCREEN_PAGES_PER_STEP,
        // 100 is kept for the finished file: the copy still has to be made self-contained and renamed.
        onProgress: (copied, total) => {
          status.percent = total === 0 ? 0 : Math.min(99, Math.floor((copied / total) * 100));
        },
      });
      Object.assign(status, { state: 'done', percent: 100, bytes: result.bytes });
    } catch (error) {
      const described = error instanceof AppError ? error.toApiError() : describeError('store.backup-failed', { reason: 'unknown' });
      Object.assign(status, { state: 'failed', error: { code: described.code, message: described.message } });
    }
  }

  private forgetOld(): void {
    const finished = [...this.jobs.keys()].filter((id) => this.jobs.get(id)?.status.state !== 'running');
    for (const id of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}

/** `motcua-20261123T013000123Z.sqlite` → `2026-11-23T01:30:00.123Z`. */
export function takenAt(file: string): string {
  const m = /^motcua-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.sqlite$/u.exec(file);
  if (m === null) throw new RangeError(`not a backup name: ${file}`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}
