/**
 * What receiving a dossier and accepting a draft share: the first appointment, and the answer
 * with the receipt slip (Mẫu 01) — rebuilt from the stored dossier when a retried call finds
 * it already received, so the reprint matches the first print.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import type { DossierView, SlipToPrint } from '../../../shared/api/dossiers';
import { validationError } from '../../../shared/api/errors';
import type { Procedure } from '../../../shared/procedures/procedure';
import { issue } from '../../../shared/validation';
import type { ReadDb } from '../../store/db';
import { listDocuments } from '../../store/repos/documents';
import type { StoredDossier } from '../../store/repos/dossiers';
import { getUserById } from '../../store/repos/users';
import { loadWorkingCalendar } from '../catalogue/working-calendar';
import { dueOf } from '../dossiers/deadline-clock';
import { dossierView } from '../dossiers/dossier-view';
import type { OfficeNow } from '../dossiers/office-time';
import { buildSlip } from '../dossiers/slip';
import type { CheckedIntake } from './intake-form';

/** The reply of `dossier.receive`. */
export interface ReceiveResult {
  readonly dossier: DossierView;
  readonly slip: SlipToPrint;
  readonly alreadyReceived: boolean;
}

/** The appointment for a dossier received now under `procedure`, from the stored calendar. */
export function firstDueAt(db: ReadDb, procedure: Procedure, now: OfficeNow): string {
  const due = dueOf({ receivedAt: now.iso, processing: procedure.processingTime, calendar: loadWorkingCalendar(db, now.year), stops: [] });
  // A fresh clock has no stop, so it always runs; anything else is a bug in the deadline code.
  if (due.state !== 'running') throw validationError(issue('deadline.not-running', 'Không tính được ngày hẹn trả kết quả.', 'The return date could not be computed.'));
  return due.dueAt;
}

/** The dossier fields a receipt sets, the same at the counter and when a volunteer's draft is accepted. */
export function receiptFields(checked: CheckedIntake, user: SessionUser, now: OfficeNow, dueAt: string) {
  return {
    applicantName: checked.applicantName,
    applicantIdNumber: checked.applicantIdNumber,
    applicantPhone: checked.applicantPhone,
    form: checked.values,
    receivedAt: now.iso,
    receivedBy: user.id,
    dueAt,
    clockStops: [],
  };
}

/** The answer for a received dossier, with its receipt slip. */
export function receiptResult(db: ReadDb, dossier: StoredDossier, procedure: Procedure, user: SessionUser, alreadyReceived: boolean): ReceiveResult {
  const slip = buildSlip({
    kind: 'receipt',
    dossier,
    procedure,
    // A reprint names the clerk who received the dossier, whoever asks for it.
    officer: (dossier.receivedBy === null ? undefined : getUserById(db, dossier.receivedBy)?.displayName) ?? user.displayName,
    issuedAt: dossier.receivedAt ?? dossier.updatedAt,
    documentKeys: listDocuments(db, dossier.id).map((d) => d.kind),
  });
  return { dossier: dossierView(db, dossier, procedure), slip, alreadyReceived };
}
