/** The print log rows (migration 0040). */
import type { ReadDb, WriteDb } from '../db';

/** One printed slip. */
export interface PrintLogRow {
  readonly id: string;
  readonly dossierId: string;
  readonly slipKind: string;
  readonly paper: string;
  readonly printer: string;
  readonly copies: number;
  readonly printedBy: string;
  readonly printedAt: string;
  readonly pdfSha256: string;
  readonly jobId: string | null;
  readonly state: 'completed' | 'failed' | 'stuck';
  readonly errorCode: string | null;
  readonly reprintOf: string | null;
}

const COLUMNS = `id, dossier_id AS dossierId, slip_kind AS slipKind, paper, printer, copies, printed_by AS printedBy, printed_at AS printedAt,
  pdf_sha256 AS pdfSha256, job_id AS jobId, state, error_code AS errorCode, reprint_of AS reprintOf`;

/** Records a print. */
export function insertPrintLog(db: WriteDb, row: PrintLogRow): void {
  db.prepare(
    `INSERT INTO print_log (id, dossier_id, slip_kind, paper, printer, copies, printed_by, printed_at, pdf_sha256, job_id, state, error_code, reprint_of)
     VALUES (@id, @dossierId, @slipKind, @paper, @printer, @copies, @printedBy, @printedAt, @pdfSha256, @jobId, @state, @errorCode, @reprintOf)`,
  ).run(row);
}

/** One row by id. */
export function getPrintLog(db: ReadDb, id: string): PrintLogRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM print_log WHERE id = ?`).get(id) as PrintLogRow | undefined;
}

/** A dossier's prints, newest first. */
export function listPrintLog(db: ReadDb, dossierId: string): PrintLogRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM print_log WHERE dossier_id = ? ORDER BY printed_at DESC, id DESC`).all(dossierId) as PrintLogRow[];
}
