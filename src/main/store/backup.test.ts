import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { newDossier, openTestStore, T0 } from '../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { backupFileName, backupStore, listBackups, restoreBackup } from './backup';
import { openStore } from './db';
import { integrityCheck, quickCheck } from './integrity';
import { latestSchemaVersion } from './migrate';
import { countDossiers, insertDossier } from './repos/dossiers';

const tempDir = useTempDirs();
const minutes = (n: number) => new Date(T0 + n * 60_000);

function storeWith(dir: string, count: number) {
  const store = openTestStore(dir);
  store.write((db) => {
    for (let i = 0; i < count; i++) insertDossier(db, newDossier({ form: { note: 'x'.repeat(500) } }));
  });
  return store;
}

function caught(fn: () => unknown): Promise<AppError> {
  return Promise.resolve()
    .then(fn)
    .then(
      () => {
        throw new Error('expected an AppError');
      },
      (error: unknown) => {
        expect(error).toBeInstanceOf(AppError);
        return error as AppError;
      },
    );
}

describe('backups (SQLite online backup API)', () => {
  it('writes a whole, self-contained copy named by time, and keeps only the newest N', async () => {
    const dir = tempDir();
    const store = storeWith(dir, 20);
    const backups = join(dir, 'backups');
    for (let i = 0; i < 4; i++) await backupStore(store, { dir: backups, now: minutes(i), keep: 2 });
    const kept = listBackups(backups);
    expect(kept.map((p) => p.slice(backups.length + 1))).toEqual([backupFileName(minutes(2)), backupFileName(minutes(3))]);
    expect(backupFileName(minutes(3))).toBe('motcua-20261123T010300000Z.sqlite');

    const copy = new Database(kept[1] ?? '', { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(integrityCheck(copy).ok).toBe(true);
    expect(copy.prepare('SELECT count(*) FROM dossiers').pluck().get()).toBe(20);
    copy.close();
    store.close();
  });

  it('restores a good backup and keeps the replaced database aside', async () => {
    const dir = tempDir();
    const store = storeWith(dir, 5);
    const { path: backup } = await backupStore(store, { dir: join(dir, 'b'), now: minutes(0), keep: 3 });
    store.write((db) => insertDossier(db, newDossier()));
    store.close();

    const live = join(dir, 'motcua.sqlite');
    const result = await restoreBackup(backup, live);
    expect(result.previous).toBe(`${live}.before-restore`);
    const reopened = openStore(live);
    expect(reopened.read(countDossiers)).toBe(5);
    expect(reopened.read(quickCheck).ok).toBe(true);
    reopened.close();
    const previous = new Database(`${live}.before-restore`, { readonly: true });
    expect(previous.prepare('SELECT count(*) FROM dossiers').pluck().get()).toBe(6);
    previous.close();
  });

  it('refuses a corrupt backup with a Vietnamese message and leaves the live database untouched', async () => {
    const dir = tempDir();
    const store = storeWith(dir, 300);
    const { path: backup } = await backupStore(store, { dir: join(dir, 'b'), now: minutes(0), keep: 3 });
    store.close();
    // Garbage over a few pages in the middle of the file: tables and indexes no longer agree.
    const fd = openSync(backup, 'r+');
    const size = statSync(backup).size;
    writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);

    const live = join(dir, 'motcua.sqlite');
    const before = statSync(live).mtimeMs;
    const error = await caught(() => restoreBackup(backup, live));
    expect(error.code).toBe('store.backup-corrupt');
    expect(error.toApiError().message.vi).toContain('Tệp sao lưu bị hỏng');
    expect(statSync(live).mtimeMs).toBe(before);
    expect(existsSync(`${live}.before-restore`)).toBe(false);
    const reopened = openStore(live);
    expect(reopened.read(countDossiers)).toBe(300);
    reopened.close();
  });

  it('refuses a file that is not a database, and one that is not ours', async () => {
    const dir = tempDir();
    const text = join(dir, 'notes.sqlite');
    const fd = openSync(text, 'w');
    writeSync(fd, 'không phải cơ sở dữ liệu '.repeat(300));
    closeSync(fd);
    expect((await caught(() => restoreBackup(text, join(dir, 'live.sqlite')))).code).toBe('store.backup-corrupt');

    const foreign = join(dir, 'foreign.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE t (a)');
    db.close();
    expect((await caught(() => restoreBackup(foreign, join(dir, 'live.sqlite')))).code).toBe('store.backup-corrupt');
    expect((await caught(() => restoreBackup(join(dir, 'missing.sqlite'), join(dir, 'live.sqlite')))).code).toBe('store.backup-corrupt');
  });

  it('refuses a backup written by a newer version', async () => {
    const dir = tempDir();
    const store = storeWith(dir, 1);
    const { path: backup } = await backupStore(store, { dir: join(dir, 'b'), now: minutes(0), keep: 1 });
    store.close();
    const db = new Database(backup);
    db.pragma(`user_version = ${latestSchemaVersion() + 10}`);
    db.close();
    expect((await caught(() => restoreBackup(backup, join(dir, 'motcua.sqlite')))).code).toBe('store.future-version');
  });
});
