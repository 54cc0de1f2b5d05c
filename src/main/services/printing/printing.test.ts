/**
 * Slips through the core and a real CUPS queue (MotcuaPDF, cups-pdf): preview, print with the
 * remembered printer, the print log and the kept PDF, reprint of the same bytes, and a disabled
 * queue reported as a typed Vietnamese error and logged as failed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { birthReceipt, loginAs, newFormId, openCounterCore, valueOf } from '../../../../test/helpers/counter-core';
import { useTempDirs } from '../../../../test/helpers/temp-dir';

const tempDir = useTempDirs();
const hasLpstat = spawnSync('which', ['lpstat']).status === 0;
const QUEUE = 'MotcuaPDF';
// Its own disabled queue: test files run in parallel and must not disable the shared MotcuaPDF.
const OFF = 'MotcuaPDFOffService';
function disabledQueue(): void {
  execFileSync('lpadmin', ['-p', OFF, '-E', '-v', 'cups-pdf:/', '-m', 'lsb/usr/cups-pdf/CUPS-PDF_opt.ppd'], { stdio: 'ignore' });
  execFileSync('cupsdisable', [OFF]);
}

type LogRow = { id: string; state: string; jobId: string | null; pdfSha256: string; reprintOf: string | null; printer: string; errorCode: string | null };

async function received() {
  const t = await openCounterCore(tempDir());
  const clerk = await loginAs(t.core, 'canbo');
  const reply = await t.core.invoke('dossier.receive', birthReceipt(newFormId()), clerk);
  const { dossier, slip } = valueOf<{ dossier: { id: string; code: string }; slip: { kind: string } }>(reply);
  return { t, clerk, dossier, slip };
}

describe('slip.preview', () => {
  it('renders the receipt of a received dossier with the applicant and the code', async () => {
    const { t, clerk, dossier, slip } = await received();
    expect(slip.kind).toBe('receipt');
    const pdf = valueOf<{ pdfBase64: string; sha256: string; bytes: number }>(await t.core.invoke('slip.preview', { dossierId: dossier.id, kind: 'receipt' }, clerk));
    const file = join(t.dataDir, 'preview.pdf');
    writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Đặng Thị Thử Nghiệm');
    expect(text).toContain(dossier.code);
    // The receipt is dated as received: the same bytes every time (what a reprint relies on).
    const again = valueOf<{ sha256: string }>(await t.core.invoke('slip.preview', { dossierId: dossier.id, kind: 'receipt' }, clerk));
    expect(again.sha256).toBe(pdf.sha256);
    t.close();
  });
});

describe.skipIf(!hasLpstat)('slip.print through CUPS (lpstat absent: install cups-client and run scripts/setup.d/cups.sh)', () => {
  execFileSync('bash', ['scripts/setup.d/cups.sh'], { stdio: 'ignore' });
  afterAll(() => execFileSync('lpadmin', ['-x', OFF]));

  it('prints on the remembered A4 printer, logs it, keeps the PDF, and reprints it', async () => {
    const { t, clerk, dossier } = await received();
    valueOf(await t.core.invoke('printer.set-default', { paper: 'a4', printer: QUEUE }, clerk));
    const list = valueOf<{ a4Printer: string | null; printers: { name: string }[] }>(await t.core.invoke('printer.list', {}, clerk));
    expect(list.a4Printer).toBe(QUEUE);
    const row = valueOf<LogRow>(await t.core.invoke('slip.print', { dossierId: dossier.id, kind: 'receipt' }, clerk));
    expect(row).toMatchObject({ state: 'completed', printer: QUEUE });
    expect(row.jobId).toMatch(/^MotcuaPDF-\d+$/);
    expect(existsSync(join(t.dataDir, 'slips', `${row.pdfSha256}.pdf`))).toBe(true);
    const again = valueOf<LogRow>(await t.core.invoke('slip.reprint', { logId: row.id }, clerk));
    expect(again).toMatchObject({ state: 'completed', reprintOf: row.id, pdfSha256: row.pdfSha256 });
    const log = valueOf<{ items: LogRow[] }>(await t.core.invoke('slip.print-log', { id: dossier.id }, clerk));
    expect(log.items.map((r) => r.id).sort()).toEqual([row.id, again.id].sort());
    t.close();
  });

  it('a disabled queue is printer.job-failed in Vietnamese and is logged as failed', async () => {
    const { t, clerk, dossier } = await received();
    disabledQueue();
    try {
      const reply = await t.core.invoke('slip.print', { dossierId: dossier.id, kind: 'receipt', printer: OFF }, clerk);
      expect(reply.ok).toBe(false);
      if (reply.ok) return;
      expect(reply.error.code).toBe('printer.job-failed');
      expect(reply.error.message.vi).toContain('không in được phiếu');
      const log = valueOf<{ items: LogRow[] }>(await t.core.invoke('slip.print-log', { id: dossier.id }, clerk));
      expect(log.items[0]).toMatchObject({ state: 'failed', errorCode: 'printer.job-failed' });
      if (log.items[0]?.jobId) execFileSync('cancel', [log.items[0].jobId]);
    } finally {
      execFileSync('cancel', ['-a', OFF]);
      t.close();
    }
  });

  it('an unknown printer is refused before anything is sent', async () => {
    const { t, clerk } = await received();
    const reply = await t.core.invoke('printer.set-default', { paper: 'roll-80mm', printer: 'Không-có' }, clerk);
    expect(reply.ok ? null : reply.error.code).toBe('printer.not-found');
    t.close();
  });
});
