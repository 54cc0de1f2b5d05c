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

/**
 * Replaces the folder's database with `file` after checking it whole. Throws AppError
 * 'store.backup-not-found', 'store.in-use', 'store.backup-corrupt' or 'store.future-version';
 * in every case the live database is left as it was.
 */
export async function restoreDataFolder(request: { readonly dataDir: string; readonly file: string }): Promise<RestoreResult> {
  if (!existsSync(request.file)) throw new AppError('store.backup-not-found', { file: basename(request.file) });
  const live = databasePath(request.dataDir);
  if (isDatabaseInUse(live)) throw new AppError('store.in-use');
  return await restoreBackup(request.file, live);
}
