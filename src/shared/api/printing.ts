/**
 * Calls of slip printing: preview a slip as PDF bytes, print and reprint it, and the printers.
 * The renderer prints the slip a transition returned (dossier.receive / dossier.transition give
 * its kind); see docs/architecture.md "Printing slips".
 */
import { z } from 'zod';
import { slipKinds } from '../dossier/states';
import { RowId } from './dossiers';

/** Paper: A4, or the 80 mm roll of a receipt printer (receipt only). */
export const Paper = z.enum(['a4', 'roll-80mm']);

/** Which slip of which dossier. */
export const SlipRefInput = z.object({ dossierId: RowId, kind: z.enum(slipKinds), paper: Paper.default('a4') }).strict();

/** A slip as PDF, base64, with its SHA-256. */
export const SlipPdf = z.object({ pdfBase64: z.string(), sha256: z.string(), bytes: z.number().int() });

/** Print a slip; without `printer` the remembered default for the paper is used. */
export const SlipPrintInput = SlipRefInput.extend({ printer: z.string().min(1).max(200).optional(), copies: z.number().int().min(1).max(5).default(1) }).strict();

/** One print log row as the renderer sees it. */
export const PrintLogEntry = z.object({
  id: z.string(),
  dossierId: z.string(),
  slipKind: z.string(),
  paper: z.string(),
  printer: z.string(),
  copies: z.number().int(),
  printedBy: z.string(),
  printedAt: z.string(),
  pdfSha256: z.string(),
  jobId: z.string().nullable(),
  state: z.enum(['completed', 'failed', 'stuck']),
  errorCode: z.string().nullable(),
  reprintOf: z.string().nullable(),
});

/** Reprint the exact PDF of a logged print, optionally on another printer. */
export const SlipReprintInput = z.object({ logId: z.string().min(1).max(36), printer: z.string().min(1).max(200).optional() }).strict();

/** The printers and the remembered defaults. */
export const PrinterList = z.object({
  printers: z.array(z.object({ name: z.string(), isDefault: z.boolean(), enabled: z.boolean() })),
  receiptPrinter: z.string().nullable(),
  a4Printer: z.string().nullable(),
});

/** Remember a printer for a paper. */
export const SetDefaultPrinterInput = z.object({ paper: Paper, printer: z.string().min(1).max(200) }).strict();

/** A dossier's print log. */
export const PrintLogList = z.object({ items: z.array(PrintLogEntry) });

/** `printer.test`: the test page on a printer (the paper's remembered one when omitted). */
export const PrinterTestInput = z.object({ paper: Paper.default('a4'), printer: z.string().min(1).max(200).optional() }).strict();
/** The test page came out: the spooler reported the job completed. */
export const PrinterTestResult = z.object({ printer: z.string(), jobId: z.string(), state: z.literal('completed') });

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

/** The register of dossiers received in [from, to) (Vietnam calendar days, `to` exclusive, as report.summary). */
export const RegisterInput = z.object({ from: Day, to: Day }).strict();

/** Print the register; without `printer` the remembered A4 printer (or the PC's default) is used. */
export const RegisterPrintInput = RegisterInput.extend({ printer: z.string().min(1).max(200).optional() }).strict();

/** A slip kept with its dossier: the PDF rendered for preview or print, whether or not it reached paper. */
export const KeptSlip = z.object({
  id: z.string(),
  dossierId: z.string(),
  slipKind: z.string(),
  paper: z.string(),
  formSet: z.string(),
  pdfSha256: z.string(),
  bytes: z.number().int(),
  keptAt: z.string(),
  keptBy: z.string(),
  /** The latest print of these bytes: its state, or null when never sent to a printer. */
  lastPrint: z.object({ logId: z.string(), printer: z.string(), printedAt: z.string(), state: z.enum(['completed', 'failed', 'stuck']) }).nullable(),
});

/** `slip.list`: a dossier's kept slips, newest first. */
export const KeptSlipList = z.object({ items: z.array(KeptSlip) });

/** `slip.get`: one kept slip's PDF. */
export const KeptSlipIdInput = z.object({ id: z.string().min(1).max(36) }).strict();
