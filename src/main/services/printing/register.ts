/**
 * The register of received dossiers (Sổ theo dõi hồ sơ, Mẫu 06 of TT 01/2018) for a period, as
 * a PDF and on paper: the same period rules as report.summary (Vietnam calendar days, `to`
 * exclusive, at most a year), kept under `<data>/slips/` and logged like a slip, with the
 * period in place of a dossier id (`register:<from>/<to>`), so `slip.reprint` works for it too.
 */
import { createHash } from 'node:crypto';
import type { SessionUser } from '../../../shared/api/accounts';
import { dossierStatusTable, isDossierStatus } from '../../../shared/dossier/states';
import { renderRegister } from '../../documents/forms/index';
import type { PrintLogRow } from '../../store/repos/print-log';
import { listReceivedBetween } from '../../store/repos/register';
import { reportPeriod } from '../reports/period';
import type { PrintingService, RenderedSlip } from './printing-service';

/** More lines than a commune receives in a year; the PDF stays a few hundred pages at most. */
const MAX_LINES = 20_000;

/** The register for [from, to) as PDF. */
export async function registerPdf(printing: PrintingService, from: string, to: string): Promise<RenderedSlip> {
  const { store, clock } = printing.deps;
  const now = clock.now();
  const period = reportPeriod(from, to, now);
  const lines = store.read((db) => listReceivedBetween(db, period.fromIso, period.toIso, MAX_LINES));
  const rows = lines.map((l) => ({ ...l, status: isDossierStatus(l.status) ? dossierStatusTable[l.status].label.vi : l.status }));
  // The last day of the period is printed, not the exclusive end.
  const lastDay = new Date(Date.parse(period.toIso) - 1).toISOString();
  const pdf = await printing.finish(await renderRegister({ office: printing.office(), from: period.fromIso, to: lastDay, rows, date: now }));
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}

/** Prints the register for [from, to) on `printer` (or the A4 default) and logs it. */
export async function printRegister(printing: PrintingService, input: { from: string; to: string; printer?: string | undefined }, user: SessionUser): Promise<PrintLogRow> {
  const register = await registerPdf(printing, input.from, input.to);
  printing.keep(register);
  return printing.send(
    { dossierId: `register:${input.from}/${input.to}`, kind: 'register', paper: 'a4', copies: 1, printer: input.printer, reprintOf: null },
    register,
    user,
  );
}
