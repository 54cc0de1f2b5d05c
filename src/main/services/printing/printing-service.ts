/**
 * Slips as paper: builds a dossier's slip from the stored dossier (the same slip data
 * dossier.receive / dossier.transition return), renders it with the documents layer, keeps the
 * PDF under `<data folder>/slips/<sha256>.pdf`, prints it and logs every print with the spooler's
 * final state. A failed or stuck print is logged and then reported to the clerk.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionUser } from '../../../shared/api/accounts';
import { AppError } from '../../../shared/api/errors';
import type { SlipKind } from '../../../shared/dossier/states';
import { uuidv7 } from '../../../shared/id/uuidv7';
import type { Printer, PrinterInfo } from '../../devices/printer/printer';
import type { IssuingOffice } from '../../documents/pdf/blocks';
import { renderSlip, type Paper } from '../../documents/forms/index';
import type { Store } from '../../store/db';
import { getPrintLog, insertPrintLog, listPrintLog, type PrintLogRow } from '../../store/repos/print-log';
import { getSetting, putSetting } from '../../store/repos/settings';
import type { Clock } from '../clock';
import { formatIsoDate } from '../../../shared/calendar/civil-date';
import { getKeptSlip, keepSlip, listKeptSlips, type KeptSlipWithPrint } from '../../store/repos/dossier-slips';
import { isoToLocal } from '../dossiers/office-time';
import { formSetInForce } from './form-set';
import { controlSteps, storedSlip } from './slip-data';
import { printTestPage } from './test-page';
import { stampTraining } from '../../documents/pdf/training-stamp';
import { readCommune } from '../settings/commune';

const DEFAULT_KEY: Readonly<Record<Paper, string>> = { a4: 'printer.a4', 'roll-80mm': 'printer.receipt' };

/** What the service needs. */
export interface PrintingDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly dataDir: string;
  readonly printer: Printer;
  /** The training sandbox: every paper carries the training stamp (issue 12). */
  readonly training?: boolean;
  /** How long a job may take before it is reported stuck. */
  readonly jobTimeoutMs?: number;
}

/** A rendered slip. */
export interface RenderedSlip {
  readonly pdf: Uint8Array;
  readonly sha256: string;
}

/** Slip rendering, printing and the print log. */
export class PrintingService {
  constructor(readonly deps: PrintingDeps) {}

  /** The slip of `kind` for the dossier as stored, as PDF, kept with the dossier (slip-data.ts says where each field comes from). */
  async render(dossierId: string, kind: SlipKind, paper: Paper, user: SessionUser): Promise<RenderedSlip> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const { slip, steps } = store.read((db) => ({ slip: storedSlip(db, dossierId, kind, user, now), steps: kind === 'control-sheet' ? controlSteps(db, dossierId) : [] }));
    const formSet = formSetInForce(store, formatIsoDate(isoToLocal(now.toISOString()).date));
    const pdf = await this.finish(await renderSlip({ slip, office: this.office(), formSet, steps }, paper));
    const rendered = { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
    // Kept before any printer is asked: a slip that never reaches paper is still with its dossier.
    this.keep(rendered);
    store.write((db) =>
      keepSlip(db, { id: uuidv7(now.getTime()), dossierId, slipKind: kind, paper, formSet, pdfSha256: rendered.sha256, bytes: pdf.length, keptAt: now.toISOString(), keptBy: user.id }),
    );
    return rendered;
  }

  /** A paper as it leaves this PC: stamped when it comes from the training sandbox. */
  finish(pdf: Uint8Array): Promise<Uint8Array> {
    return this.deps.training === true ? stampTraining(pdf) : Promise.resolve(pdf);
  }

  /** The issuing office printed on every paper, from the commune settings. */
  office(): IssuingOffice {
    const commune = readCommune(this.deps.store);
    return { parent: commune?.province ?? '', name: commune?.name ?? '', place: commune?.name.replace(/^UBND\s+/i, '') ?? '' };
  }

  /** A dossier's kept slips, newest first, each with its latest print. */
  keptSlips(dossierId: string): KeptSlipWithPrint[] {
    return this.deps.store.read((db) => listKeptSlips(db, dossierId));
  }

  /** The exact bytes of a kept slip. */
  keptPdf(id: string): RenderedSlip {
    const row = this.deps.store.read((db) => getKeptSlip(db, id));
    if (row === undefined) throw new AppError('store.not-found', { entity: 'slip' });
    return { pdf: new Uint8Array(readFileSync(this.pathOf(row.pdfSha256))), sha256: row.pdfSha256 };
  }

  /** Renders, keeps and prints a slip; logs the outcome, then throws if the print failed. */
  async print(input: { dossierId: string; kind: SlipKind; paper: Paper; printer?: string | undefined; copies: number }, user: SessionUser): Promise<PrintLogRow> {
    const slip = await this.render(input.dossierId, input.kind, input.paper, user);
    return this.send({ dossierId: input.dossierId, kind: input.kind, paper: input.paper, copies: input.copies, printer: input.printer, reprintOf: null }, slip, user);
  }

  /** Prints the exact PDF of a logged print again. */
  async reprint(logId: string, printer: string | undefined, user: SessionUser): Promise<PrintLogRow> {
    const row = this.deps.store.read((db) => getPrintLog(db, logId));
    if (row === undefined) throw new AppError('store.not-found', { entity: 'print-log' });
    const pdf = new Uint8Array(readFileSync(this.pathOf(row.pdfSha256)));
    return this.send({ dossierId: row.dossierId, kind: row.slipKind as SlipKind, paper: row.paper as Paper, copies: row.copies, printer: printer ?? row.printer, reprintOf: row.id }, { pdf, sha256: row.pdfSha256 }, user);
  }

  /** A dossier's print log, newest first. */
  log(dossierId: string): PrintLogRow[] {
    return this.deps.store.read((db) => listPrintLog(db, dossierId));
  }

  /** The printers and the remembered defaults. */
  async printers(): Promise<{ printers: PrinterInfo[]; receiptPrinter: string | null; a4Printer: string | null }> {
    return { printers: await this.deps.printer.list(), receiptPrinter: this.defaultFor('roll-80mm'), a4Printer: this.defaultFor('a4') };
  }

  /** Remembers the printer for a paper (it must exist now). */
  async setDefault(paper: Paper, printer: string): Promise<void> {
    const list = await this.deps.printer.list();
    if (!list.some((p) => p.name === printer)) throw new AppError('printer.not-found', { printer });
    this.deps.store.write((db) => putSetting(db, DEFAULT_KEY[paper], printer, this.deps.clock.now().toISOString()));
  }

  /** The test page (no dossier, not logged) on `printer` or where this paper's slips would go. */
  async printTest(paper: Paper, printer: string | undefined): Promise<{ printer: string; jobId: string; state: 'completed' }> {
    const name = await this.choosePrinter(paper, printer);
    const job = await printTestPage(this.deps.printer, name, paper, this.deps.clock.now());
    return { printer: name, jobId: job.jobId, state: 'completed' };
  }

  private defaultFor(paper: Paper): string | null {
    const v = this.deps.store.read((db) => getSetting(db, DEFAULT_KEY[paper]));
    return typeof v === 'string' ? v : null;
  }

  /** The printer asked for, else the paper's remembered one, else A4's, else the PC's default. */
  private async choosePrinter(paper: Paper, asked: string | undefined): Promise<string> {
    const printer = asked ?? this.defaultFor(paper) ?? this.defaultFor('a4') ?? (await this.systemDefault());
    if (printer === null) throw new AppError('printer.none-chosen');
    return printer;
  }

  /** Nothing remembered yet: print where every other program on this PC prints. */
  private async systemDefault(): Promise<string | null> {
    return (await this.deps.printer.list()).find((p) => p.isDefault && p.enabled)?.name ?? null;
  }

  private pathOf(sha256: string): string {
    return join(this.deps.dataDir, 'slips', `${sha256}.pdf`);
  }

  /** Writes the PDF under `<data>/slips/<sha256>.pdf` (content-addressed: the same bytes once). */
  keep(slip: RenderedSlip): void {
    mkdirSync(join(this.deps.dataDir, 'slips'), { recursive: true, mode: 0o700 });
    writeFileSync(this.pathOf(slip.sha256), slip.pdf);
  }

  /** Sends kept bytes to the chosen printer, follows the job and logs it; throws after logging a failure. */
  async send(
    what: { dossierId: string; kind: SlipKind | 'register'; paper: Paper; copies: number; printer: string | undefined; reprintOf: string | null },
    slip: RenderedSlip,
    user: SessionUser,
  ): Promise<PrintLogRow> {
    const printer = await this.choosePrinter(what.paper, what.printer);
    const base = { id: uuidv7(this.deps.clock.now().getTime()), dossierId: what.dossierId, slipKind: what.kind, paper: what.paper, printer, copies: what.copies, printedBy: user.id, pdfSha256: slip.sha256, reprintOf: what.reprintOf };
    let jobId: string | null = null;
    try {
      const job = await this.deps.printer.print({ printer, pdf: this.pathOf(slip.sha256), copies: what.copies, title: `${what.kind} ${what.dossierId}`, paper: what.paper });
      jobId = job.jobId;
      await this.deps.printer.waitForJob(job, this.deps.jobTimeoutMs ?? 30_000);
      const row: PrintLogRow = { ...base, printedAt: this.deps.clock.now().toISOString(), jobId, state: 'completed', errorCode: null };
      this.deps.store.write((db) => insertPrintLog(db, row));
      return row;
    } catch (e) {
      const code = e instanceof AppError ? e.code : 'internal';
      const row: PrintLogRow = { ...base, printedAt: this.deps.clock.now().toISOString(), jobId, state: code === 'printer.job-stuck' ? 'stuck' : 'failed', errorCode: code };
      this.deps.store.write((db) => insertPrintLog(db, row));
      throw e;
    }
  }
}
