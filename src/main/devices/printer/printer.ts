/**
 * What the app needs from a printing system: the printers, a PDF sent to one of them, and the
 * job's final state read back, so a slip that did not come out is reported to the clerk instead
 * of assumed printed. CUPS implements it on Linux (cups-printer.ts); Electron's printing on
 * Windows is src/main/app/electron-printer.ts.
 */

/** A printer as the spooler names it. */
export interface PrinterInfo {
  readonly name: string;
  readonly isDefault: boolean;
  /** Accepting jobs and not disabled. */
  readonly enabled: boolean;
  readonly description: string | null;
}

/** A submitted job. */
export interface PrintJob {
  readonly printer: string;
  /** Spooler id, e.g. "MotcuaPDF-12". */
  readonly jobId: string;
}

/** How a job ended. */
export type JobState = 'completed' | 'failed' | 'stuck';

/** What to print and how. */
export interface PrintRequest {
  readonly printer: string;
  /** A PDF file path or the PDF bytes. */
  readonly pdf: string | Uint8Array;
  readonly copies?: number;
  readonly title?: string;
  /** The paper it is laid out for; a printer that must be told the page size (Electron) uses it. */
  readonly paper?: 'a4' | 'roll-80mm';
}

/** A printing system. Failures are AppErrors with codes `printer.*`. */
export interface Printer {
  list(): Promise<PrinterInfo[]>;
  /** Submits the PDF; resolves with the job as soon as the spooler accepted it. */
  print(request: PrintRequest): Promise<PrintJob>;
  /** Waits until the job completed; throws `printer.job-failed` or `printer.job-stuck`. */
  waitForJob(job: PrintJob, timeoutMs?: number): Promise<'completed'>;
}
