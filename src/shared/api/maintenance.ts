/**
 * Backups taken from the Settings screen: start one, follow its progress, list what is kept.
 * Only file names cross the API: the backup folder's full path is the support engineer's
 * business (CLI `backup --list`), not the counter's.
 */
import { z } from 'zod';

export const BackupJobInput = z.object({ jobId: z.string().min(1).max(64) }).strict();

export const BackupStarted = z.object({ jobId: z.string() });

export const BackupStatus = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  /** Share of the database's pages copied, 0–100; 100 only once the file is complete. */
  percent: z.number().int().min(0).max(100),
  /** The backup's file name (`motcua-<UTC time>.sqlite`), known once the job starts. */
  file: z.string(),
  /** Size of the finished file; null until done. */
  bytes: z.number().int().nonnegative().nullable(),
  /** The clerk's message when the backup failed; no partial file is left behind. */
  error: z.object({ code: z.string(), message: z.object({ vi: z.string(), en: z.string() }) }).nullable(),
});

export const BackupFileView = z.object({
  file: z.string(),
  /** When the backup was taken (ISO 8601, UTC), read from its name. */
  takenAt: z.string(),
  bytes: z.number().int().nonnegative(),
});

/** The backups kept, newest first. */
export const BackupList = z.object({ backups: z.array(BackupFileView) });
