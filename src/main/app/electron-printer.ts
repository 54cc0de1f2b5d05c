/**
 * The Electron {@link Printer}: the PDF is loaded into a hidden window's PDF viewer and printed
 * silently with `webContents.print({silent, deviceName, pageSize})` (reliable for PDFs since
 * Electron 36, tech.md §4.2); printers come from `getPrintersAsync()`. Electron only says a job
 * was *sent*, and since 36 no longer says which printer is the default, so the platform supplies
 * both (Windows: windows-printing.ts, the spooler through PowerShell) and, when Electron's
 * printing fails on a driver, a fallback (Windows: SumatraPDF `-print-to`). On Linux the core's
 * CUPS printer stays in use: `lp` hands back a job id the spooler can be asked about.
 */
import { BrowserWindow, type WebContentsPrintOptions } from 'electron';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../shared/api/errors';
import type { Printer, PrinterInfo, PrintJob, PrintRequest } from '../devices/printer/printer';

/** The part of a BrowserWindow this printer uses (what the test stands in for). */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  readonly webContents: {
    print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
    getPrintersAsync(): Promise<readonly { name: string; displayName: string; description: string }[]>;
  };
  destroy(): void;
}

/** What the operating system adds to Electron's printing. */
export interface PlatformPrinting {
  /** The PC's default printer, or null. */
  readonly systemDefault: () => Promise<string | null>;
  /** Follows a sent job (found by its document name) to its end; without it "sent" counts as done. */
  readonly waitForJob?: (printer: string, documentName: string, timeoutMs: number) => Promise<'completed'>;
  /** Prints the file another way when Electron's printing failed; throws when that fails too. */
  readonly fallback?: (printer: string, file: string, copies: number, paper: PrintRequest['paper']) => Promise<void>;
}

/** Options of the Electron printer. */
export interface ElectronPrinterOptions {
  readonly platform: PlatformPrinting;
  /** A hidden window that can show PDFs; a new one per job, destroyed after it. */
  readonly window?: () => PrintWindow;
  /** Where PDFs given as bytes are written for the viewer to load. */
  readonly spoolDir?: string;
  /** Time the PDF viewer gets to lay the document out after loading, before printing. */
  readonly settleMs?: number;
}

const hiddenPdfWindow = (): PrintWindow =>
  new BrowserWindow({ show: false, webPreferences: { plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });

/** Electron's page size for the paper: A4, or the roll printer's own size for an 80 mm receipt. */
export function printOptions(request: PrintRequest): WebContentsPrintOptions {
  const base: WebContentsPrintOptions = { silent: true, deviceName: request.printer, copies: request.copies ?? 1, printBackground: true, margins: { marginType: 'none' } };
  // A roll has no fixed length: its driver knows the width and cuts after the content.
  return request.paper === 'roll-80mm' ? { ...base, usePrinterDefaultPageSize: true } : { ...base, pageSize: 'A4' };
}

/** Sends PDFs to printers through Electron's printing; see the file header. */
export class ElectronPrinter implements Printer {
  private readonly window: () => PrintWindow;
  private readonly spoolDir: string;
  private readonly settleMs: number;

  constructor(private readonly options: ElectronPrinterOptions) {
    this.window = options.window ?? hiddenPdfWindow;
    this.spoolDir = options.spoolDir ?? join(tmpdir(), 'motcua-print');
    this.settleMs = options.settleMs ?? 700;
  }

  async list(): Promise<PrinterInfo[]> {
    const win = this.window();
    try {
      const [printers, def] = await Promise.all([win.webContents.getPrintersAsync(), this.options.platform.systemDefault()]);
      // `status` and `isDefault` are gone from PrinterInfo since Electron 36: enabled is unknown, assumed.
      return printers.map((p) => ({ name: p.name, isDefault: p.name === def, enabled: true, description: p.description === '' ? null : p.description }));
    } finally {
      win.destroy();
    }
  }

  async print(request: PrintRequest): Promise<PrintJob> {
    if (!(await this.list()).some((p) => p.name === request.printer)) throw new AppError('printer.not-found', { printer: request.printer });
    // The file name is the job's document name in the spooler: unique, so the job can be found again.
    const jobId = `motcua-${randomUUID()}`;
    mkdirSync(this.spoolDir, { recursive: true });
    const file = join(this.spoolDir, `${jobId}.pdf`);
    if (typeof request.pdf === 'string') copyFileSync(request.pdf, file);
    else writeFileSync(file, request.pdf);
    const reason = await this.printInWindow(file, request);
    if (reason !== null) {
      const fallback = this.options.platform.fallback;
      if (fallback === undefined) {
        rmSync(file, { force: true });
        throw new AppError('printer.job-failed', { printer: request.printer, job: '-', reason });
      }
      await fallback(request.printer, file, request.copies ?? 1, request.paper);
    }
    return { printer: request.printer, jobId };
  }

  async waitForJob(job: PrintJob, timeoutMs = 30_000): Promise<'completed'> {
    try {
      const wait = this.options.platform.waitForJob;
      return wait === undefined ? 'completed' : await wait(job.printer, job.jobId, timeoutMs);
    } finally {
      rmSync(join(this.spoolDir, `${job.jobId}.pdf`), { force: true });
    }
  }

  /** Prints the file in a hidden window; resolves with Electron's failure reason, or null once sent. */
  private async printInWindow(file: string, request: PrintRequest): Promise<string | null> {
    const win = this.window();
    try {
      await win.loadURL(pathToFileURL(file).href);
      await new Promise((r) => setTimeout(r, this.settleMs));
      return await new Promise<string | null>((resolve) => win.webContents.print(printOptions(request), (ok, why) => resolve(ok ? null : why || 'Electron print failed')));
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      win.destroy();
    }
  }
}
