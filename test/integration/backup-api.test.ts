/*
 * backup.start / backup.status / backup.list through the real core on a real SQLite file with a
 * few thousand demo dossiers: progress is seen between 0 and 100 while the copy runs, a second
 * start is refused in Vietnamese while the first runs, and the finished file opens, passes
 * SQLite's full integrity check and holds the same dossiers.
 */
import Database from 'better-sqlite3';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/services/core';
import { seedDemoDossiers } from '../../src/main/services/demo/seed-demo';
import { defaultBackupDir } from '../../src/main/services/maintenance/backup';
import { withDataStore } from '../../src/main/services/maintenance/data-folder';
import type { BackupList, BackupStatus } from '../../src/shared/api/maintenance';
import { integrityCheck } from '../../src/main/store/integrity';
import { openCoreAt, signIn } from '../helpers/core-session';
import { fixedClock } from '../helpers/fixed-clock';
import { useTempDirs } from '../helpers/temp-dir';
import type { z } from 'zod';

const tempDir = useTempDirs();
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

const NOW = '2026-11-23T02:00:00.000Z';

async function ok<T>(reply: Promise<Awaited<ReturnType<Core['invoke']>>>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(`unexpected ${r.error.code}`);
  return r.value as T;
}

/** A demo commune's data folder holding `count` dossiers, and a core opened on it. */
async function seededCore(count: number): Promise<{ core: Core; dataDir: string; clock: Awaited<ReturnType<typeof openCoreAt>>['clock'] }> {
  const dataDir = tempDir();
  (await openCoreAt(dataDir, NOW)).core.dispose();
  await withDataStore(dataDir, (store) => seedDemoDossiers({ store, clock: fixedClock(NOW) }, { count, seed: 8 }));
  const { core, clock } = await openCoreAt(dataDir, NOW);
  cores.push(core);
  return { core, dataDir, clock };
}

/** Polls a backup job until it ends, noting each percent seen. */
async function untilSettled(core: Core, jobId: string, token: string, seen: number[]): Promise<z.infer<typeof BackupStatus>> {
  for (;;) {
    const status = await ok<z.infer<typeof BackupStatus>>(core.invoke('backup.status', { jobId }, token));
    seen.push(status.percent);
    if (status.state !== 'running') return status;
    // The backup copies one step per turn of the event loop; poll between steps.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('backups from the Settings screen, through the core', () => {
  it('reports progress, refuses a second backup meanwhile, and leaves a whole file that is listed', async () => {
    const { core, dataDir, clock } = await seededCore(4000);
    const clerk = (await signIn(core, 'canbo')).token;
    const admin = (await signIn(core, 'quantri')).token;

    const { jobId } = await ok<{ jobId: string }>(core.invoke('backup.start', {}, admin));
    const second = await core.invoke('backup.start', {}, clerk);
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.code).toBe('backup.already-running');
      expect(second.error.message.vi).toContain('Đang có một bản sao lưu');
    }

    const seen: number[] = [];
    const status = await untilSettled(core, jobId, admin, seen);
    expect(status.state).toBe('done');
    expect(status.error).toBeNull();
    expect(status.percent).toBe(100);
    expect(seen.some((p) => p > 0 && p < 100)).toBe(true);
    // Progress never goes backwards.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(status.file).toMatch(/^motcua-20261123T020000000Z\.sqlite$/u);

    const file = join(defaultBackupDir(dataDir), status.file);
    const copy = new Database(file, { readonly: true, fileMustExist: true });
    try {
      expect(integrityCheck(copy)).toEqual({ ok: true, detail: 'ok' });
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect((copy.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n).toBe(4000);
    } finally {
      copy.close();
    }

    const list = await ok<z.infer<typeof BackupList>>(core.invoke('backup.list', {}, clerk));
    expect(list.backups).toEqual([{ file: status.file, takenAt: NOW, bytes: status.bytes }]);
    expect(status.bytes).toBeGreaterThan(1_000_000);

    // Once done, a new backup may start again; both are kept, newest first.
    clock.advance(60_000);
    const again = await ok<{ jobId: string }>(core.invoke('backup.start', {}, clerk));
    expect((await untilSettled(core, again.jobId, clerk, [])).state).toBe('done');
    const both = await ok<z.infer<typeof BackupList>>(core.invoke('backup.list', {}, admin));
    expect(both.backups.map((b) => b.takenAt)).toEqual(['2026-11-23T02:01:00.000Z', NOW]);
  });

  it('lets a scheduled tick skip while a screen backup runs, and its stop waits for that backup', async () => {
    const { core, clock } = await seededCore(4000);
    const clerk = (await signIn(core, 'canbo')).token;
    const { jobId } = await ok<{ jobId: string }>(core.invoke('backup.start', {}, clerk));
    // A backup started by a tick would carry this later moment in its file name.
    clock.advance(60_000);
    const stop = core.scheduleBackups(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const during = await ok<z.infer<typeof BackupStatus>>(core.invoke('backup.status', { jobId }, clerk));
    expect(during.state).toBe('running');
    await stop();
    const status = await ok<z.infer<typeof BackupStatus>>(core.invoke('backup.status', { jobId }, clerk));
    expect(status.state).toBe('done');
    expect((await ok<z.infer<typeof BackupList>>(core.invoke('backup.list', {}, clerk))).backups.map((b) => b.file)).toEqual([status.file]);
  });

  it('reports a backup that cannot be written as failed, in Vietnamese, and can start again', async () => {
    const { core, dataDir } = await seededCore(1);
    // The backup folder's name is taken by a file: the copy cannot even begin.
    writeFileSync(defaultBackupDir(dataDir), 'not a folder');
    const clerk = (await signIn(core, 'canbo')).token;
    const { jobId } = await ok<{ jobId: string }>(core.invoke('backup.start', {}, clerk));
    const status = await untilSettled(core, jobId, clerk, []);
    expect(status.state).toBe('failed');
    expect(status.bytes).toBeNull();
    expect(status.percent).toBeLessThan(100);
    expect(status.error?.code).toBe('store.backup-failed');
    expect(status.error?.message.vi).toMatch(/^Không sao lưu được cơ sở dữ liệu/u);
    // A failed backup does not hold the one-at-a-time guard.
    rmSync(defaultBackupDir(dataDir));
    const again = await ok<{ jobId: string }>(core.invoke('backup.start', {}, clerk));
    expect((await untilSettled(core, again.jobId, clerk, [])).state).toBe('done');
  });

  it('is refused to roles other than administrator and clerk', async () => {
    const { core } = await seededCore(1);
    for (const user of ['tuphap', 'lanhdao', 'tinhnguyen']) {
      const token = (await signIn(core, user)).token;
      const reply = await core.invoke('backup.start', {}, token);
      expect(reply.ok ? 'ok' : reply.error.code).toBe('auth.forbidden');
    }
  });
});
