/**
 * PC hardening (issue 13), `motcua restore`: a well-formed SQLite file is not enough. The backup
 * must be a Motcua database of a schema version this build knows, and the command shows whose
 * data the backup and the folder hold (commune, agency code, hub, device) before it replaces
 * anything, refusing another commune's backup unless --force-other-commune is given. Communes,
 * hubs and devices here are invented.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/main/cli/index';
import { openStore } from '../../src/main/store/db';
import { putSetting } from '../../src/main/store/repos/settings';
import { putSyncEnrolment } from '../../src/main/store/repos/sync-enrolment';
import { captureConsole, jsonOutput } from '../helpers/cli-capture';
import { manualClock } from '../helpers/fixed-clock';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
afterEach(() => vi.restoreAllMocks());

const NOW = '2026-11-23T03:00:00.000Z';

async function run(argv: string[]) {
  const captured = captureConsole();
  const code = await runCli(argv, { clock: manualClock(NOW) });
  vi.restoreAllMocks();
  return { code, ...captured };
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

interface Fictitious {
  readonly agencyCode: string;
  readonly name: string;
  readonly communeId: string;
  readonly deviceId: string;
}

const communeOne: Fictitious = { agencyCode: '000.00.00.X91', name: 'UBND xã Thử Một', communeId: '0199a000-0000-7000-8000-0000000c0001', deviceId: '0199a000-0000-7000-8000-00000000de01' };
const communeTwo: Fictitious = { agencyCode: '000.00.00.X92', name: 'UBND xã Thử Hai', communeId: '0199a000-0000-7000-8000-0000000c0002', deviceId: '0199a000-0000-7000-8000-00000000de02' };

/** A data folder whose database holds `commune`, enrolled with a made-up hub. */
function communeFolder(commune: Fictitious): string {
  const dir = tempDir();
  const store = openStore(join(dir, 'motcua.sqlite'));
  store.write((db) => {
    putSetting(db, 'commune', { agencyCode: commune.agencyCode, name: commune.name, province: 'Tỉnh Mẫu', demo: false }, NOW);
    putSyncEnrolment(db, { hubUrl: 'https://hub.thu-nghiem.invalid', deviceId: commune.deviceId, secret: 'not-a-real-key', communeId: commune.communeId, enrolledAt: NOW });
  });
  store.close();
  return dir;
}

/** A backup file of the folder (the database copied while closed). */
function backupOf(dir: string): string {
  const file = join(tempDir(), 'motcua-20261122T010000000Z.sqlite');
  copyFileSync(join(dir, 'motcua.sqlite'), file);
  return file;
}

/** A well-formed SQLite file that only looks like ours: a `dossiers` table and a version number. */
function lookalike(version: number): string {
  const file = join(tempDir(), 'motcua-20261121T010000000Z.sqlite');
  const db = new Database(file);
  db.exec('CREATE TABLE dossiers (id TEXT PRIMARY KEY, status TEXT)');
  db.pragma(`user_version = ${version}`);
  db.close();
  return file;
}

describe('restore refuses what is not this commune’s Motcua database', () => {
  it('refuses a well-formed database that is not a Motcua database of a known schema version', async () => {
    const dir = communeFolder(communeOne);
    const live = join(dir, 'motcua.sqlite');
    const before = sha256(live);
    for (const version of [80, 55]) {
      const { code, out } = await run(['restore', lookalike(version), '--json', '--data-dir', dir]);
      expect(code).toBe(1);
      expect(jsonOutput(out)).toMatchObject({ ok: false, error: { code: 'store.backup-corrupt' } });
      expect(sha256(live)).toBe(before);
      expect(existsSync(`${live}.before-restore`)).toBe(false);
    }
  });

  it('shows both communes and refuses another commune’s backup unless --force-other-commune', async () => {
    const dir = communeFolder(communeOne);
    const live = join(dir, 'motcua.sqlite');
    const before = sha256(live);
    const other = backupOf(communeFolder(communeTwo));

    const refused = await run(['restore', other, '--data-dir', dir]);
    expect(refused.code).toBe(1);
    const shown = refused.text();
    expect(shown).toContain('Bản sao lưu / Backup: UBND xã Thử Hai (000.00.00.X92)');
    expect(shown).toContain(`thiết bị / device ${communeTwo.deviceId}`);
    expect(shown).toContain('Thư mục hiện tại / Current folder: UBND xã Thử Một (000.00.00.X91)');
    expect(shown).toContain('--force-other-commune');
    expect(shown).not.toContain('not-a-real-key');
    expect(sha256(live)).toBe(before);
    expect(existsSync(`${live}.before-restore`)).toBe(false);

    const forced = await run(['restore', other, '--force-other-commune', '--json', '--data-dir', dir]);
    expect(forced.code).toBe(0);
    expect(jsonOutput(forced.out)).toMatchObject({
      ok: true,
      value: { otherCommune: true, backup: { commune: { agencyCode: '000.00.00.X92' }, deviceId: communeTwo.deviceId }, current: { commune: { agencyCode: '000.00.00.X91' } } },
    });
    expect(JSON.stringify(jsonOutput(forced.out))).not.toContain('not-a-real-key');
    expect(sha256(live)).not.toBe(before);
  });

  it('restores the same commune’s backup after showing it', async () => {
    const dir = communeFolder(communeOne);
    const own = backupOf(dir);
    const { code, out } = await run(['restore', own, '--data-dir', dir]);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('Bản sao lưu / Backup: UBND xã Thử Một (000.00.00.X91)');
    expect(out.join('\n')).toContain('Đã khôi phục dữ liệu từ / Restored from:');
  });
});
