/**
 * What Windows adds to Electron's printing (tech.md §4): the default printer and the state of a
 * sent job from the spooler through PowerShell (`Get-CimInstance Win32_Printer`, `Get-PrintJob`),
 * and SumatraPDF `-print-to` as the fallback when Electron's PDF printing fails on a driver. Every
 * call passes arguments as an array: a printer name is user data and never meets a shell string.
 * Not run here (no Windows in CI): parsing is tested, the commands are to be checked on a PC.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/api/errors';
import type { PlatformPrinting } from './electron-printer';

function powershell(script: string, args: readonly string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script, ...args], { timeout: 15_000, windowsHide: true }, (err, stdout, stderr) => {
      if (err !== null) reject(new AppError('printer.unavailable', { reason: (stderr || err.message).trim() }));
      else resolve(stdout);
    });
  });
}

/** A spooler job as `Get-PrintJob | ConvertTo-Json` gives it (one object or an array). */
interface SpoolerJob {
  readonly Id?: number;
  readonly DocumentName?: string;
  readonly JobStatus?: string | number;
}

/** The state of the job whose document name contains `documentName`: gone means printed. */
export function jobStateFromJson(json: string, documentName: string): 'gone' | 'pending' | { failed: string } {
  const text = json.trim();
  if (text === '') return 'gone';
  const parsed = JSON.parse(text) as SpoolerJob | SpoolerJob[];
  const job = (Array.isArray(parsed) ? parsed : [parsed]).find((j) => j.DocumentName?.includes(documentName));
  if (job === undefined) return 'gone';
  const status = String(job.JobStatus ?? '');
  return /Error|Offline|PaperOut|UserIntervention|Blocked|Deleted/i.test(status) ? { failed: status } : 'pending';
}

/** SumatraPDF, shipped next to the app (electron-builder extraResources `bin/SumatraPDF.exe`). */
export function sumatraPath(resourcesPath: string): string | null {
  const path = join(resourcesPath, 'bin', 'SumatraPDF.exe');
  return existsSync(path) ? path : null;
}

/** The Windows side of {@link PlatformPrinting}. */
export function windowsPrinting(resourcesPath: string, pollMs = 500): PlatformPrinting {
  const sumatra = sumatraPath(resourcesPath);
  return {
    async systemDefault() {
      const name = (await powershell('(Get-CimInstance Win32_Printer -Filter "Default=TRUE").Name')).trim();
      return name === '' ? null : name;
    },
    async waitForJob(printer, documentName, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      const script = 'param($p) Get-PrintJob -PrinterName $p | Select-Object Id,DocumentName,@{n="JobStatus";e={"$($_.JobStatus)"}} | ConvertTo-Json';
      for (;;) {
        // A job that leaves the queue has been printed (Windows keeps no completed list by default).
        const state = jobStateFromJson(await powershell(`& {${script}}`, [printer]), documentName);
        if (state === 'gone') return 'completed';
        if (state !== 'pending') throw new AppError('printer.job-failed', { printer, job: documentName, reason: state.failed });
        if (Date.now() >= deadline) throw new AppError('printer.job-stuck', { printer, job: documentName, seconds: Math.round(timeoutMs / 1000) });
        await new Promise((r) => setTimeout(r, pollMs));
      }
    },
    ...(sumatra === null
      ? {}
      : {
          fallback: (printer: string, file: string, copies: number, paper: 'a4' | 'roll-80mm' | undefined) =>
            new Promise<void>((resolve, reject) => {
              const settings = [`${copies}x`, 'noscale', ...(paper === 'roll-80mm' ? [] : ['paper=A4'])].join(',');
              execFile(sumatra, ['-print-to', printer, '-print-settings', settings, '-silent', file], { timeout: 60_000, windowsHide: true }, (err) =>
                err === null ? resolve() : reject(new AppError('printer.job-failed', { printer, job: '-', reason: `SumatraPDF: ${err.message}` })),
              );
            }),
        }),
  };
}
