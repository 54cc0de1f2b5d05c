import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureConsole, jsonOutput } from '../../../test/helpers/cli-capture';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { useSaneTestBackend } from '../devices/scanner/sane/sane-test-config';
import { runCli } from './index';

const tempDir = useTempDirs();
afterEach(() => vi.restoreAllMocks());

describe('CLI scanners and scan, on the real SANE test backend', () => {
  beforeAll(() => {
    useSaneTestBackend();
  });

  it('lists the scanners with their driver label', async () => {
    const { out } = captureConsole();
    expect(await runCli(['scanners', '--data-dir', tempDir()])).toBe(0);
    expect(out).toContain('sane:test:0\tNoname frontend-tester (SANE)');
  });

  it('scans an ADF batch into a PDF of JPEG pages', async () => {
    const { out } = captureConsole();
    const pdf = join(tempDir(), 'check.pdf');
    const argv = ['scan', '--device', 'sane:test:0', '--source', 'adf', '--mode', 'color', '--resolution', '75', '--out', pdf, '--json', '--data-dir', tempDir()];
    expect(await runCli(argv)).toBe(0);
    expect(jsonOutput(out).value).toMatchObject({ pages: 10, blankPages: 0 });
    const rows = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows.map((r) => r.trim().split(/\s+/)[8])).toEqual(Array<string>(10).fill('jpeg'));
  });

  it('exits 1 with the Vietnamese no-device message for an unknown scanner', async () => {
    const { out } = captureConsole();
    expect(await runCli(['scan', '--device', 'sane:nope:7', '--out', join(tempDir(), 'x.pdf'), '--data-dir', tempDir()])).toBe(1);
    expect(out.join('\n')).toContain('Không tìm thấy máy quét');
  });
});
