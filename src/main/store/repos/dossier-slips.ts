/** Slips kept with their dossier (migration 0050), each with its latest print from the print log. */
import type { ReadDb, WriteDb } from '../db';

/** One kept slip. */
export interface KeptSlipRow {
  readonly id: string;
  readonly dossierId: string;
  readonly slipKind: string;
  readonly paper: string;
  readonly formSet: string;
  readonly pdfSha256: string;
  readonly bytes: number;
  readonly keptAt: string;
  readonly keptBy: string;
}

/** A kept slip and the latest print of its bytes, if any. */
export interface KeptSlipWithPrint extends KeptSlipRow {
  readonly lastPrint: { logId: string; printer: string; printedAt: string; state: 'completed' | 'failed' | 'stuck' } | null;
}

const COLUMNS = `s.id, s.dossier_id AS dossierId, s.slip_kind AS slipKind, s.paper, s.form_set AS formSet, s.pdf_sha256 AS pdfSha256,
  s.bytes, s.kept_at AS keptAt, s.kept_by AS keptBy`;

/** Records a kept slip; the same bytes of the same slip are kept once (the first row stays). */
export function keepSlip(db: WriteDb, row: KeptSlipRow): KeptSlipRow {
  db.prepare(
    `INSERT INTO dossier_slips (id, dossier_id, slip_kind, paper, form_set, pdf_sha256, bytes, kept_at, kept_by)
     VALUES (@id, @dossierId, @slipKind, @paper, @formSet, @pdfSha256, @bytes, @keptAt, @keptBy)
     ON CONFLICT (dossier_id, slip_kind, paper, pdf_sha256) DO NOTHING`,
  ).run(row);
  return db
    .prepare(`SELECT ${COLUMNS} FROM dossier_slips s WHERE s.dossier_id = ? AND s.slip_kind = ? AND s.paper = ? AND s.pdf_sha256 = ?`)
    .get(row.dossierId, row.slipKind, row.paper, row.pdfSha256) as KeptSlipRow;
}

/** One kept slip by id. */
export function getKeptSlip(db: ReadDb, id: string): KeptSlipRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM dossier_slips s WHERE s.id = ?`).get(id) as KeptSlipRow | undefined;
}

interface Joined extends KeptSlipRow {
  readonly logId: string | null;
  readonly printer: string | null;
  readonly printedAt: string | null;
  readonly state: 'completed' | 'failed' | 'stuck' | null;
}

/** A dossier's kept slips, newest first (insertion order within one millisecond), each with the latest print of the same bytes. */
export function listKeptSlips(db: ReadDb, dossierId: string): KeptSlipWithPrint[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS}, p.id AS logId, p.printer, p.printed_at AS printedAt, p.state
       FROM dossier_slips s
       LEFT JOIN print_log p ON p.id = (
         SELECT id FROM print_log WHERE dossier_id = s.dossier_id AND pdf_sha256 = s.pdf_sha256 ORDER BY printed_at DESC, id DESC LIMIT 1)
       WHERE s.dossier_id = ? ORDER BY s.kept_at DESC, s.rowid DESC`,
    )
    .all(dossierId) as Joined[];
  return rows.map(({ logId, printer, printedAt, state, ...slip }) => ({
    ...slip,
    lastPrint: logId === null || printer === null || printedAt === null || state === null ? null : { logId, printer, printedAt, state },
  }));
}
