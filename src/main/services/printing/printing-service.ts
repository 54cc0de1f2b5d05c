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
import { renderSlip, type Paper } from '../../documents/forms/index';
import type { Store } from '../../store/db';
import { listDocuments } from '../../store/repos/documents';
import { getDossierById } from '../../store/repos/dossiers';
import { getPrintLog, insertPrintLog, listPrintLog, type PrintLogRow } from '../../store/repos/print-log';
import { getSetting, putSetting } from '../../store/repos/settings';
import { getUserById } from '../../store/repos/users';
import { requireProcedureVersion } from '../catalogue/procedures';
import type { Clock } from '../clock';
import { buildSlip } from '../dossiers/slip';
import { readCommune } from '../settings/commune';

const DEFAULT_KEY: Readonly<Record<Paper, string>> = { a4: 'printer.a4', 'roll-80mm': 'printer.receipt' };

/** What the service needs. */
export interface PrintingDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly dataDir: string;
  readonly printer: Printer;
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
  constructor(private readonly deps: PrintingDeps) {}

  /** The slip of `kind` for the dossier as stored, as PDF. */
  async render(dossierId: string, kind: SlipKind, paper: Paper, user: SessionUser): Promise<RenderedSlip> {
    const { store, clock } = this.deps;
    const data = store.read((db) => {
      const dossier = getDossierById(db, dossierId);
      if (dossier === undefined) throw new AppError('store.not-found', { entity: 'dossier' });
      const procedure = requireProcedureVersion(db, dossier.procedureCode, dossier.procedureVersion);
      const receiver = dossier.receivedBy === null ? undefined : getUserById(db, dossier.receivedBy)?.displayName;
      // The receipt is dated and signed as when the dossier was received, so a reprint matches.
      const isReceipt = kind === 'receipt';
      const slip = buildSlip({
        kind,
        dossier,
        procedure,
        officer: (isReceipt ? receiver : undefined) ?? user.displayName,
        issuedAt: (isReceipt ? dossier.receivedAt : null) ?? clock.now().toISOString(),
        documentKeys: listDocuments(db, dossier.id).map((d) => d.kind),
      });
      return { slip, procedure };
    });
    const commune = readCommune(store);
    const office = { parent: commune?.province ?? '', name: commune?.name ?? '', place: commune?.name.replace(/^UBND\s+/i, '') ?? '' };
    const pdf = await renderSlip({ slip: data.slip, office, formSet: 'tt01-2018' }, paper);
    return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
  }

  /** Renders, keeps and prints a slip; logs the outcome, then throws if the print failed. */
  async print(input: { dossierId: string; kind: SlipKind; paper: Paper; printer?: string | undefined; copies: number }, user: SessionUser): Promise<PrintLogRow> {
    const slip = await this.render(input.dossierId, input.kind, input.paper, user);
    this.keep(slip);
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

  private defaultFor(paper: Paper): string | null {
    const v = this.deps.store.read((db) => getSetting(db, DEFAULT_KEY[paper]));
    return typeof v === 'string' ? v : null;
  }

  /** Nothing remembered yet: print where every other program on this PC prints. */
  private async systemDefault(): Promise<string | null> {
    return (await this.deps.printer.list()).find((p) => p.isDefault && p.enabled)?.name ?? null;
  }

  private pathOf(sha256: string): string {
    return join(this.deps.dataDir, 'slips', `${sha256}.pdf`);
  }

  private keep(slip: RenderedSlip): void {
    mkdirSync(join(this.deps.dataDir, 'slips'), { recursive: true });
    writeFileSync(this.pathOf(slip.sha256), slip.pdf);
  }

  private async send(
    what: { dossierId: string; kind: SlipKind; paper: Paper; copies: number; printer: string | undefined; reprintOf: string | null },
    slip: RenderedSlip,
    user: SessionUser,
  ): Promise<PrintLogRow> {
    const printer = what.printer ?? this.defaultFor(what.paper) ?? this.defaultFor('a4') ?? (await this.systemDefault());
    if (printer === null) throw new AppError('printer.none-chosen');
    const base = { id: uuidv7(this.deps.clock.now().getTime()), dossierId: what.dossierId, slipKind: what.kind, paper: what.paper, printer, copies: what.copies, printedBy: user.id, pdfSha256: slip.sha256, reprintOf: what.reprintOf };
    let jobId: string | null = null;
    try {
      const job = await this.deps.printer.print({ printer, pdf: this.pathOf(slip.sha256), copies: what.copies, title: `${what.kind} ${what.dossierId}` });
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
