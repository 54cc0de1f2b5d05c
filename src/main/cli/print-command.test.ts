/**
 * `printers` and `print-test --printer P` against the real CUPS queue MotcuaPDF (cups-pdf backend,
 * scripts/setup.d/cups.sh): the queue is listed, the test page's job completes and its PDF appears
 * in /var/spool/cups-pdf/ANONYMOUS as one A4 page; an unknown printer is a Vietnamese error.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureConsole, jsonOutput } from '../../../test/helpers/cli-capture';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { runCli } from './index';

const tempDir = useTempDirs();
const OUT = '/var/spool/cups-pdf/ANONYMOUS';
const hasCups = spawnSync('which', ['lpstat']).status === 0;
afterEach(() => vi.restoreAllMocks());

async function outputOf(job: number): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const hit = existsSync(OUT) ? readdirSync(OUT).find((f) => f.endsWith(`job_${job}.pdf`)) : undefined;
    if (hit !== undefined) return join(OUT, hit);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`cups-pdf wrote nothing for job ${job} in ${OUT}`);
}

describe.skipIf(!hasCups)('CLI printers and print-test on the real CUPS queue MotcuaPDF', () => {
  beforeAll(() => {
    execFileSync('bash', ['scripts/setup.d/cups.sh'], { stdio: 'ignore' });
  });

  it('printers lists MotcuaPDF as ready, in text and JSON', async () => {
    const text = captureConsole();
    expect(await runCli(['printers', '--data-dir', tempDir()])).toBe(0);
    expect(text.out).toContainEqual(expect.stringMatching(/^MotcuaPDF( \*)?\tsẵn sàng \/ ready$/));
    vi.restoreAllMocks();
    const json = captureConsole();
    expect(await runCli(['printers', '--json', '--data-dir', tempDir()])).toBe(0);
    expect(jsonOutput(json.out).value).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'MotcuaPDF', enabled: true })]));
  });

  it('print-test prints the test page; the job completes and cups-pdf writes one A4 page', async () => {
    const { out } = captureConsole();
    expect(await runCli(['print-test', '--printer', 'MotcuaPDF', '--json', '--data-dir', tempDir()])).toBe(0);
    const job = jsonOutput(out).value as { jobId: string; state: string };
    expect(job.state).toBe('completed');
    const n = Number(/^MotcuaPDF-(\d+)$/.exec(job.jobId)?.[1]);
    expect(n).toBeGreaterThan(0);
    const info = execFileSync('pdfinfo', [await outputOf(n)], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595(\.\d+)? x 842(\.\d+)? pts \(A4\)/);
  });

  it('print-test on a printer CUPS does not have exits 1 with the Vietnamese message; without --printer it is a usage error', async () => {
    const { out } = captureConsole();
    expect(await runCli(['print-test', '--printer', 'Không-có-máy-in', '--data-dir', tempDir()])).toBe(1);
    expect(out.join('\n')).toContain('Không tìm thấy máy in "Không-có-máy-in"');
    expect(await runCli(['print-test', '--data-dir', tempDir()])).toBe(2);
  });
});
