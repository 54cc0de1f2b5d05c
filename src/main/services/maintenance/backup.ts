/**
 * Backup and restore of a data folder for support staff. Backups go to `<data folder>/backups`
 * unless told otherwise and keep the newest ten. Restore refuses while the app has the database
 * open (replacing the file under a running app would lose what it writes next), and the store
 * refuses a damaged or foreign backup before touching the live file.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { backupStore, listBackups, restoreBackup, type BackupResult, type RestoreResult } from '../../store/backup';
import { isDatabaseInUse } from '../../store/inspect';
import { databasePath, withDataStore } from './data-folder';
import { inspectBackup, inspectLive, otherCommune, type DataIdentity } from './restore-check';

/** Backups kept when the caller does not say: two working weeks of daily backups. */
export const DEFAULT_BACKUP_KEEP = 10;

/** The folder for backups of `dataDir` when none is given. */
export function defaultBackupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

export interface BackupRequest {
  readonly dataDir: string;
  readonly dir?: string;
  readonly keep?: number;
  readonly now: Date;
}

/** Takes a backup of the folder's database now. Throws AppError 'store.no-database' or 'store.backup-failed'. */
export function backupDataFolder(request: BackupRequest): Promise<BackupResult> {
  const dir = request.dir ?? defaultBackupDir(request.dataDir);
  return withDataStore(request.dataDir, (store) => backupStore(store, { dir, keep: request.keep ?? DEFAULT_BACKUP_KEEP, now: request.now }));
}

export interface BackupFile {
  readonly path: string;
  readonly bytes: number;
}

/** The backups in `dir` (default: the folder's own), oldest first. */
export function listDataFolderBackups(dataDir: string, dir?: string): BackupFile[] {
  return listBackups(dir ?? defaultBackupDir(dataDir)).map((path) => ({ path, bytes: statSync(path).size }));
}

export interface RestoreRequest {
  readonly dataDir: string;
  readonly file: string;
  /** Replace the data of one commune with another's (`--force-other-commune`). */
  readonly forceOtherCommune?: boolean;
  /** Shown whose data the backup and the folder hold, before anything is replaced or refused. */
  readonly compare?: (comparison: RestoreComparison) => void;
}

export interface RestoreComparison {
  readonly backup: DataIdentity;
  /** Null when the folder has no database, or one that cannot be opened. */
  readonly current: DataIdentity | null;
  readonly otherCommune: boolean;
}

/**
 * Replaces the folder's database with `file` after checking it whole: a Motcua database of a
 * known schema version (restore-check.ts), of this folder's commune unless `forceOtherCommune`.
 * Throws AppError 'store.backup-not-found', 'store.in-use', 'store.backup-corrupt',
 * 'store.future-version' or 'store.backup-other-commune'; in every case the live database is
 * left as it was.
 */
export async function restoreDataFolder(request: RestoreRequest): Promise<RestoreResult & RestoreComparison> {
  if (!existsSync(request.file)) throw new AppError('store.backup-not-found', { file: basename(request.file) });
  const live = databasePath(request.dataDir);
  if (isDatabaseInUse(live)) throw new AppError('store.in-use');
  const backup = inspectBackup(request.file, `${live}.checking`);
  const current = existsSync(live) ? inspectLive(live) : null;
  const comparison: RestoreComparison = { backup, current, otherCommune: otherCommune(backup, current) };
  request.compare?.(comparison);
  if (comparison.otherCommune && request.forceOtherCommune !== true) {
    throw new AppError('store.backup-other-commune', { backup: communeLabel(backup), current: communeLabel(current) });
  }
  return { ...(await restoreBackup(request.file, live)), ...comparison };
}

const communeLabel = (identity: DataIdentity | null): string =>
  identity?.commune ? `${identity.commune.name} (${identity.commune.agencyCode})` : identity?.communeId ?? '—';
