/**
 * Printing through the real CUPS `MotcuaPDF` queue (cups-pdf backend) that scripts/setup.d/cups.sh
 * creates: the job completes and its PDF appears in cups-pdf's output folder; a disabled queue is a
 * typed Vietnamese error. Skipped only where the CUPS clients are absent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError, describeError } from '../../../shared/api/errors';
import { CupsPrinter, parseLpstatPrinters } from './cups-printer';

const hasLpstat = spawnSync('which', ['lpstat']).status === 0;
const OUT = '/var/spool/cups-pdf/ANONYMOUS';
const QUEUE = 'MotcuaPDF';
// Its own disabled queue: test files run in parallel and must not disable the shared MotcuaPDF.
const OFF = 'MotcuaPDFOffDevice';
function disabledQueue(): void {
  execFileSync('lpadmin', ['-p', OFF, '-E', '-v', 'cups-pdf:/', '-m', 'lsb/usr/cups-pdf/CUPS-PDF_opt.ppd'], { stdio: 'ignore' });
  execFileSync('cupsdisable', [OFF]);
}

// A tiny valid PDF (with its xref, which the CUPS filters insist on), so this test does not depend on the forms.
const PDF = tinyPdf();

function tinyPdf(): Buffer {
  const objects = ['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids[3 0 R]/Count 1>>', '<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('parseLpstatPrinters', () => {
  it('reads enabled, disabled and the default', () => {
    const list = parseLpstatPrinters('printer A is idle.  enabled since x\nprinter B disabled since y -\n\treason\n', 'B');
    expect(list).toEqual([
      { name: 'A', isDefault: false, enabled: true, description: null },
      { name: 'B', isDefault: true, enabled: false, description: null },
    ]);
  });
});

describe.skipIf(!hasLpstat)('CUPS printing (lpstat absent: install cups-client and run scripts/setup.d/cups.sh)', () => {
  const printer = new CupsPrinter({ pollMs: 100 });
  // The queue comes from the setup script; re-running it makes this test independent of order.
  execFileSync('bash', ['scripts/setup.d/cups.sh'], { stdio: 'ignore' });
  afterAll(() => execFileSync('lpadmin', ['-x', OFF]));

  it('lists the MotcuaPDF queue', async () => {
    const list = await printer.list();
    expect(list.find((p) => p.name === QUEUE)?.enabled).toBe(true);
  });

  it('prints bytes: the job completes and cups-pdf writes the PDF', async () => {
    const before = new Set(existsSync(OUT) ? readdirSync(OUT) : []);
    const job = await printer.print({ printer: QUEUE, pdf: PDF, title: 'motcua-test', copies: 1 });
    expect(job.jobId).toMatch(/^MotcuaPDF-\d+$/);
    await expect(printer.waitForJob(job, 20_000)).resolves.toBe('completed');
    let added: string[] = [];
    for (let i = 0; i < 50 && added.length === 0; i += 1) {
      added = readdirSync(OUT).filter((f) => !before.has(f) && f.endsWith('.pdf'));
      if (added.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(added.length).toBe(1);
    expect(statSync(`${OUT}/${added[0] ?? ''}`).size).toBeGreaterThan(100);
  });

  it('an unknown printer is printer.not-found', async () => {
    await expect(printer.print({ printer: 'NoSuchQueue', pdf: PDF })).rejects.toMatchObject({ code: 'printer.not-found' });
  });

  it('a disabled queue is a typed Vietnamese error, not a silent success', async () => {
    disabledQueue();
    try {
      const job = await printer.print({ printer: OFF, pdf: PDF });
      const err = await printer.waitForJob(job, 5_000).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      const code = (err as AppError).code;
      expect(code).toBe('printer.job-failed');
      expect(describeError(code, (err as AppError).params).message.vi).toContain('không in được phiếu');
      execFileSync('cancel', [job.jobId]);
    } finally {
      execFileSync('cancel', ['-a', OFF]);
    }
  });
});
