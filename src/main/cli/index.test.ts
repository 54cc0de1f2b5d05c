import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { writeActiveProfile } from '../services/desk/folders';
import { runCli } from './index';

const temp = useTempDirs();
/** A folder whose open data is the training sandbox (demo commune), as after "Dùng thử". */
const tempDir = (): string => {
  const dir = temp();
  writeActiveProfile(dir, 'training');
  return dir;
};

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('support CLI against a real data folder', () => {
  it('prints app info as readable lines', async () => {
    const { out } = capture();
    expect(await runCli(['info', '--data-dir', tempDir()])).toBe(0);
    expect(out.join('\n')).toMatch(/name: UBND xã Thử Nghiệm/);
  });

  it('says a folder with no provisioning package has no commune data, and creates nothing', async () => {
    const { out, err } = capture();
    const dir = temp();
    expect(await runCli(['info', '--data-dir', dir])).toBe(1);
    expect([...out, ...err].join('\n')).toContain('chưa có dữ liệu của xã');
    expect(existsSync(join(dir, 'motcua.sqlite'))).toBe(false);
  });

  it('prints JSON for scripts with --json', async () => {
    const { out } = capture();
    expect(await runCli(['health', '--json', '--data-dir', tempDir()])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('calls any contract entry by name and exits 1 with a Vietnamese error for an unknown one', async () => {
    const { out } = capture();
    expect(await runCli(['call', 'no.such', '--data-dir', tempDir()])).toBe(1);
    expect(out.join('\n')).toContain('Phần mềm không có chức năng "no.such"');
  });

  it('refuses malformed JSON input before opening anything', async () => {
    const { err } = capture();
    expect(await runCli(['call', 'app.info', '{oops', '--data-dir', tempDir()])).toBe(2);
    expect(err.join('\n')).toContain('JSON không hợp lệ');
  });

  it('shows usage and exits 2 without a command', async () => {
    const { out } = capture();
    expect(await runCli([])).toBe(2);
    expect(out.join('\n')).toContain('Cách dùng / usage');
  });
});
