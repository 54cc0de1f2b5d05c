import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureConsole, jsonOutput } from '../../../test/helpers/cli-capture';
import { putDossiers } from '../../../test/helpers/counter-dossiers';
import { manualClock } from '../../../test/helpers/fixed-clock';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { openCore } from '../services/core';
import { runCli } from './index';

const tempDir = useTempDirs();

afterEach(() => vi.restoreAllMocks());

/** Runs a command quietly and returns its exit code and what it printed. */
async function run(argv: string[], clock = manualClock('2026-11-23T03:00:00.000Z')) {
  const captured = captureConsole();
  const code = await runCli(argv, { clock });
  vi.restoreAllMocks();
  return { code, ...captured };
}

async function dossierCount(dir: string): Promise<number> {
  const { out } = await run(['stats', '--json', '--data-dir', dir]);
  return (jsonOutput(out).value as { dossiers: number }).dossiers;
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

async function folderWithDossiers(count: number): Promise<string> {
  const dir = tempDir();
  await run(['info', '--data-dir', dir]);
  putDossiers(dir, Array.from({ length: count }, (_, i) => ({ applicantName: `Vũ Thị Mẫu ${i}` })));
  return dir;
}

describe('motcua backup and restore', () => {
  it('round-trips: a backup restored brings back exactly what it held and keeps the replaced file aside', async () => {
    const dir = await folderWithDossiers(3);
    const backup = await run(['backup', '--json', '--data-dir', dir]);
    expect(backup.code).toBe(0);
    const { path } = jsonOutput(backup.out).value as { path: string };
    expect(path.startsWith(join(dir, 'backups'))).toBe(true);
    putDossiers(dir, [{ applicantName: 'Sau Sao Lưu' }]);
    expect(await dossierCount(dir)).toBe(4);

    const restored = await run(['restore', path, '--data-dir', dir]);
    expect(restored.code).toBe(0);
    expect(restored.out.join('\n')).toContain('Đã khôi phục dữ liệu từ / Restored from:');
    expect(await dossierCount(dir)).toBe(3);
    expect(existsSync(join(dir, 'motcua.sqlite.before-restore'))).toBe(true);
  });

  it('lists backups and keeps only the newest N', async () => {
    const dir = await folderWithDossiers(1);
    const clock = manualClock('2026-11-23T03:00:00.000Z');
    for (let i = 0; i < 3; i++) {
      expect((await run(['backup', '--keep', '2', '--data-dir', dir], clock)).code).toBe(0);
      clock.advance(60_000);
    }
    const listed = await run(['backup', '--list', '--json', '--data-dir', dir]);
    const files = jsonOutput(listed.out).value as { path: string }[];
    expect(files.map((f) => basename(f.path))).toEqual(['motcua-20261123T030100000Z.sqlite', 'motcua-20261123T030200000Z.sqlite']);
    const human = await run(['backup', '--list', '--data-dir', dir]);
    expect(human.out.join('\n')).toContain('motcua-20261123T030200000Z.sqlite');
  });

  it('writes the backup where --dir says', async () => {
    const dir = await folderWithDossiers(1);
    const elsewhere = join(tempDir(), 'usb');
    const { code, out } = await run(['backup', '--dir', elsewhere, '--data-dir', dir]);
    expect(code).toBe(0);
    expect(out[0]).toContain(`Đã sao lưu / Backed up: ${join(elsewhere, 'motcua-')}`);
  });

  it('refuses a corrupt backup with a Vietnamese message and leaves the live data untouched', async () => {
    const dir = await folderWithDossiers(2);
    const live = join(dir, 'motcua.sqlite');
    const before = sha256(live);
    const corrupt = join(tempDir(), 'motcua-20261120T010000000Z.sqlite');
    writeFileSync(corrupt, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 0x5a)]));
    const { code, out } = await run(['restore', corrupt, '--data-dir', dir]);
    expect(code).toBe(1);
    expect(out.join('\n')).toContain('Tệp sao lưu bị hỏng hoặc không phải cơ sở dữ liệu của phần mềm');
    expect(out.join('\n')).toContain('dữ liệu hiện tại được giữ nguyên');
    expect(sha256(live)).toBe(before);
    expect(existsSync(`${live}.before-restore`)).toBe(false);
    expect(await dossierCount(dir)).toBe(2);
  });

  it('refuses to restore while the app has the database open', async () => {
    const dir = await folderWithDossiers(1);
    const { out: made } = await run(['backup', '--json', '--data-dir', dir]);
    const { path } = jsonOutput(made).value as { path: string };
    const app = await openCore({ version: 't', dataDir: dir, profile: 'training', host: 'electron', clock: manualClock('2026-11-23T03:00:00.000Z') });
    try {
      const { code, out } = await run(['restore', path, '--json', '--data-dir', dir]);
      expect(code).toBe(1);
      expect(jsonOutput(out)).toMatchObject({ ok: false, error: { code: 'store.in-use' } });
    } finally {
      app.dispose();
    }
    expect((await run(['restore', path, '--data-dir', dir])).code).toBe(0);
  });

  it('says so when the backup file does not exist', async () => {
    const dir = await folderWithDossiers(1);
    const { code, out } = await run(['restore', join(dir, 'khong-co.sqlite'), '--data-dir', dir]);
    expect(code).toBe(1);
    expect(out.join('\n')).toContain('Không tìm thấy tệp sao lưu "khong-co.sqlite"');
  });

  it('refuses a bad command line with exit 2 and writes nothing', async () => {
    const dir = tempDir();
    for (const argv of [['backup', '--keep', '0'], ['backup', '--keep', 'hai'], ['restore'], ['backup', '--dir']]) {
      const { code, err } = await run([...argv, '--data-dir', dir]);
      expect(code, argv.join(' ')).toBe(2);
      expect(err.join('\n')).toContain('motcua --help');
    }
    expect(existsSync(join(dir, 'motcua.sqlite'))).toBe(false);
  });

  it('does not create a database to back up when the folder has none', async () => {
    const dir = tempDir();
    const { code, out } = await run(['backup', '--data-dir', dir]);
    expect(code).toBe(1);
    expect(out.join('\n')).toContain('LỖI / ERROR store.no-database');
    expect(existsSync(join(dir, 'motcua.sqlite'))).toBe(false);
  });
});
