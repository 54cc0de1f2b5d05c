/**
 * The Electron printer with Electron's APIs mocked (no Electron binary here): which options reach
 * webContents.print, the printer list with the platform's default, the fallback when Electron
 * fails, and the spool file cleaned after the job. The PDF the window loads is a real file of
 * a real slip, and the printer goes through the real core's slip.print into the print log.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { birthReceipt, loginAs, newFormId, openCounterCore, valueOf } from '../../../test/helpers/counter-core';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import type { WebContentsPrintOptions } from 'electron';
import { ElectronPrinter, printOptions, type PlatformPrinting, type PrintWindow } from './electron-printer';
import { jobStateFromJson } from './windows-printing';

vi.mock('electron', () => ({ BrowserWindow: class {} }));

const tempDir = useTempDirs();

interface Recorded {
  readonly url: string;
  readonly options: WebContentsPrintOptions;
  readonly pdfHead: string;
}

/** A stand-in for a hidden BrowserWindow: records what it was asked, answers like Electron. */
function fakeWindows(answer: { ok: boolean; reason?: string } = { ok: true }) {
  const printed: Recorded[] = [];
  let open = 0;
  const make = (): PrintWindow => {
    open += 1;
    let url = '';
    return {
      loadURL: (u) => {
        url = u;
        return Promise.resolve();
      },
      webContents: {
        getPrintersAsync: () => Promise.resolve([
          { name: 'Brother_QL_820NWB', displayName: 'Máy in phiếu', description: '' },
          { name: 'HP_LaserJet_M404', displayName: 'HP', description: 'Quầy 1' },
        ]),
        print: (options, callback) => {
          printed.push({ url, options, pdfHead: readFileSync(fileURLToPath(url)).subarray(0, 5).toString('latin1') });
          callback(answer.ok, answer.reason ?? '');
        },
      },
      destroy: () => {
        open -= 1;
      },
    };
  };
  return { make, printed, openWindows: () => open };
}

const platform = (extra: Partial<PlatformPrinting> = {}): PlatformPrinting => ({ systemDefault: () => Promise.resolve('HP_LaserJet_M404'), ...extra });

describe('ElectronPrinter (Electron APIs mocked: no Electron binary here)', () => {
  it('lists Electron’s printers with the default the platform reports', async () => {
    const w = fakeWindows();
    const printer = new ElectronPrinter({ platform: platform(), window: w.make, spoolDir: tempDir(), settleMs: 0 });
    expect(await printer.list()).toEqual([
      { name: 'Brother_QL_820NWB', isDefault: false, enabled: true, description: null },
      { name: 'HP_LaserJet_M404', isDefault: true, enabled: true, description: 'Quầy 1' },
    ]);
    expect(w.openWindows()).toBe(0);
  });

  it('prints silently on the named printer, A4 for slips and the printer’s own size for the roll', () => {
    expect(printOptions({ printer: 'HP_LaserJet_M404', pdf: 'x', copies: 2 })).toMatchObject({ silent: true, deviceName: 'HP_LaserJet_M404', pageSize: 'A4', copies: 2 });
    const roll = printOptions({ printer: 'Brother_QL_820NWB', pdf: 'x', paper: 'roll-80mm' });
    expect(roll).toMatchObject({ silent: true, deviceName: 'Brother_QL_820NWB', usePrinterDefaultPageSize: true });
    expect(roll.pageSize).toBeUndefined();
  });

  it('a slip printed through the core reaches webContents.print as a PDF file, is logged, and its spool file goes', async () => {
    const dir = tempDir();
    const w = fakeWindows();
    const spoolDir = tempDir();
    const waited: string[] = [];
    const printer = new ElectronPrinter({ platform: platform({ waitForJob: (_p, name) => (waited.push(name), Promise.resolve('completed')) }), window: w.make, spoolDir, settleMs: 0 });
    const t = await openCounterCore(dir, undefined, { printer });
    const clerk = await loginAs(t.core, 'canbo');
    const { dossier } = valueOf<{ dossier: { id: string } }>(await t.core.invoke('dossier.receive', birthReceipt(newFormId()), clerk));
    const row = valueOf<{ state: string; printer: string; jobId: string }>(await t.core.invoke('slip.print', { dossierId: dossier.id, kind: 'receipt' }, clerk));
    expect(row).toMatchObject({ state: 'completed', printer: 'HP_LaserJet_M404' });
    expect(w.printed).toHaveLength(1);
    expect(w.printed[0]?.url).toMatch(/^file:\/\/.*motcua-[0-9a-f-]+\.pdf$/);
    expect(w.printed[0]?.pdfHead).toBe('%PDF-');
    expect(w.printed[0]?.options).toMatchObject({ silent: true, deviceName: 'HP_LaserJet_M404', pageSize: 'A4' });
    expect(waited).toEqual([row.jobId]);
    expect(existsSync(fileURLToPath(w.printed[0]?.url ?? 'file:///none'))).toBe(false);
    expect(w.openWindows()).toBe(0);
    t.close();
  });

  it('falls back when Electron fails, and reports Electron’s reason when there is no fallback', async () => {
    const w = fakeWindows({ ok: false, reason: 'Invalid printer settings' });
    const fellBack: string[] = [];
    const withFallback = new ElectronPrinter({ platform: platform({ fallback: (p, file) => (fellBack.push(`${p} ${file}`), Promise.resolve()) }), window: w.make, spoolDir: tempDir(), settleMs: 0 });
    await withFallback.print({ printer: 'HP_LaserJet_M404', pdf: new Uint8Array(Buffer.from('%PDF-1.7')) });
    expect(fellBack).toHaveLength(1);
    expect(fellBack[0]).toMatch(/^HP_LaserJet_M404 .*motcua-.*\.pdf$/);

    const bare = new ElectronPrinter({ platform: platform(), window: w.make, spoolDir: tempDir(), settleMs: 0 });
    await expect(bare.print({ printer: 'HP_LaserJet_M404', pdf: new Uint8Array(Buffer.from('%PDF-1.7')) })).rejects.toMatchObject({ code: 'printer.job-failed', params: { reason: 'Invalid printer settings' } });
    await expect(bare.print({ printer: 'Không có', pdf: new Uint8Array(1) })).rejects.toMatchObject({ code: 'printer.not-found' });
  });
});

describe('Windows spooler answers (Get-PrintJob | ConvertTo-Json)', () => {
  it('a job still queued is pending, one in error fails, one gone is printed', () => {
    const one = JSON.stringify({ Id: 7, DocumentName: 'motcua-abc.pdf', JobStatus: 'Printing' });
    const many = JSON.stringify([{ Id: 6, DocumentName: 'other.docx', JobStatus: 'Normal' }, { Id: 7, DocumentName: 'motcua-abc.pdf', JobStatus: 'Error, Offline' }]);
    expect(jobStateFromJson(one, 'motcua-abc')).toBe('pending');
    expect(jobStateFromJson(many, 'motcua-abc')).toEqual({ failed: 'Error, Offline' });
    expect(jobStateFromJson('', 'motcua-abc')).toBe('gone');
    expect(jobStateFromJson(one, 'motcua-xyz')).toBe('gone');
  });
});
