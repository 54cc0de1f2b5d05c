import { writeActiveProfile } from '../services/desk/folders';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureConsole, jsonOutput } from '../../../test/helpers/cli-capture';
import { fixedClock } from '../../../test/helpers/fixed-clock';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { runCli } from './index';

const tempDir = useTempDirs();
const clock = fixedClock('2026-11-23T03:00:00.000Z');

afterEach(() => vi.restoreAllMocks());

describe('motcua doctor', () => {
  it('on a fresh folder: warns that there is no data yet, fails nothing, exits 0', async () => {
    const { out, text } = captureConsole();
    const dir = join(tempDir(), 'chua-co');
    expect(await runCli(['doctor', '--data-dir', dir], { clock })).toBe(0);
    expect(text()).toContain('Cơ sở dữ liệu / Database: chưa có / missing');
    expect(text()).toContain('Máy chủ tỉnh (hub) / City hub: chưa cấu hình / not configured');
    expect(out.at(-1)).toContain('không có lỗi / no failures');
  });

  it('reports versions, PC, disk, integrity, schema and outbox as JSON for scripts', async () => {
    const dir = tempDir();
    writeActiveProfile(dir, 'training');
    captureConsole();
    await runCli(['info', '--data-dir', dir], { clock });
    vi.restoreAllMocks();
    const { out } = captureConsole();
    expect(await runCli(['doctor', '--json', '--data-dir', dir], { clock })).toBe(0);
    const report = jsonOutput(out).value as { ok: boolean; checkedAt: string; checks: { key: string; level: string; raw: unknown }[] };
    expect(report.ok).toBe(true);
    expect(report.checkedAt).toBe('2026-11-23T03:00:00.000Z');
    const byKey = Object.fromEntries(report.checks.map((c) => [c.key, c]));
    expect(Object.keys(byKey)).toEqual(['app', 'node', 'sqlite', 'os', 'memory', 'data-folder', 'disk', 'database', 'integrity', 'schema', 'outbox', 'backups', 'hub']);
    expect(byKey.node?.raw).toBe(process.versions.node);
    expect(byKey.sqlite?.raw).toMatch(/^3\.\d+\.\d+$/u);
    expect(byKey.integrity).toMatchObject({ level: 'ok', raw: 'ok' });
    expect(byKey.schema?.level).toBe('ok');
    expect(byKey.outbox?.raw).toBe(0);
    expect(byKey.disk?.raw).toBeGreaterThan(0);
    expect(byKey.backups).toMatchObject({ level: 'warn', raw: null });
    vi.restoreAllMocks();

    captureConsole();
    expect(await runCli(['backup', '--data-dir', dir], { clock })).toBe(0);
    vi.restoreAllMocks();
    const again = captureConsole();
    await runCli(['doctor', '--data-dir', dir], { clock });
    expect(again.text()).toMatch(/\[OK\] +Bản sao lưu \(số bản, mới nhất\) \/ Backups \(count, newest\): 1, motcua-20261123T030000000Z\.sqlite/u);
  });

  it('fails, with the restore advice, on a database file that is not a database', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'motcua.sqlite'), 'đây không phải cơ sở dữ liệu '.repeat(200));
    const { text } = captureConsole();
    expect(await runCli(['doctor', '--data-dir', dir], { clock })).toBe(1);
    expect(text()).toMatch(/\[LỖI\/FAIL\] +Cơ sở dữ liệu \/ Database: không đọc được \(corrupt\)/u);
    expect(text()).toContain('khôi phục từ bản sao lưu gần nhất');
    expect(text()).toContain('CÓ LỖI');
  });
});

describe('motcua stats and seed-demo', () => {
  it('seeds 200 fictitious dossiers in batches with progress, then counts them by status', async () => {
    const dir = tempDir();
    const seeded = captureConsole();
    expect(await runCli(['seed-demo', '--dossiers', '200', '--seed', '7', '--data-dir', dir], { clock })).toBe(0);
    expect(seeded.out.some((l) => l.includes('Đã tạo / Created 200 / 200'))).toBe(true);
    expect(seeded.out.at(-2)).toMatch(/^Xong: 200 hồ sơ mẫu cho UBND xã Thử Nghiệm, tiếp nhận từ 2026-\d\d-\d\d đến 2026-11-20/u);
    vi.restoreAllMocks();

    const human = captureConsole();
    expect(await runCli(['stats', '--data-dir', dir], { clock })).toBe(0);
    expect(human.out[0]).toBe('Hồ sơ / Dossiers: 200');
    expect(human.text()).toContain('Đã trả kết quả / Result returned:');
    expect(human.text()).toMatch(/Dung lượng CSDL \/ Database size: [\d,]+ (KB|MB)/u);
    vi.restoreAllMocks();

    const { out } = captureConsole();
    expect(await runCli(['stats', '--json', '--data-dir', dir], { clock })).toBe(0);
    const stats = jsonOutput(out).value as { dossiers: number; byStatus: { status: string; count: number }[]; outboxUnsent: number };
    expect(stats.dossiers).toBe(200);
    expect(stats.byStatus.length).toBeGreaterThanOrEqual(4);
    expect(stats.byStatus[0]?.status).toBe('returned');
    expect(stats.outboxUnsent).toBeLessThan(200);
  });

  it('refuses to seed without a count, with a bad count or an unknown option (exit 2)', async () => {
    const dir = tempDir();
    for (const argv of [['seed-demo'], ['seed-demo', '--dossiers', 'nhiều'], ['seed-demo', '--dossiers', '0'], ['seed-demo', '--dossiers', '5', '--bogus']]) {
      const { err } = captureConsole();
      expect(await runCli([...argv, '--data-dir', dir], { clock }), argv.join(' ')).toBe(2);
      expect(err.join('\n')).toContain('motcua --help');
      vi.restoreAllMocks();
    }
  });

  it('tells support staff when a folder has no database instead of creating one', async () => {
    const dir = join(tempDir(), 'sai-duong-dan');
    const { out } = captureConsole();
    expect(await runCli(['stats', '--data-dir', dir], { clock })).toBe(1);
    expect(out.join('\n')).toContain('chưa có cơ sở dữ liệu của phần mềm');
  });
});
