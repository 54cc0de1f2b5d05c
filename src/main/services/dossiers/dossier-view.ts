/**
 * A stored dossier as the screens receive it: the procedure's name, its papers, the clock in
 * both instant and office-clock form, and the row version to send back with the next change.
 */
import type { DossierView } from '../../../shared/api/dossiers';
import { dossierStatusTable, isDossierStatus } from '../../../shared/dossier/states';
import type { Procedure } from '../../../shared/procedures/procedure';
import type { ReadDb } from '../../store/db';
import { listDocuments } from '../../store/repos/documents';
import type { StoredDossier } from '../../store/repos/dossiers';
import { findProcedureVersion } from '../catalogue/procedures';
import { hasOpenStop, readClockStops } from './deadline-clock';
import { readFormValues } from './form-values';
import { localText } from './office-time';
import { findReschedule } from './reschedule';

/**
 * The view of `dossier`; pass the procedure when the caller has it parsed already. A dossier
 * whose procedure version this PC does not hold (pulled from the hub before the catalogue) still
 * opens, named by its code.
 */
export function dossierView(db: ReadDb, dossier: StoredDossier, procedure?: Procedure): DossierView {
  const name = (procedure ?? findProcedureVersion(db, dossier.procedureCode, dossier.procedureVersion))?.name ?? { vi: dossier.procedureCode, en: dossier.procedureCode };
  // The status column is written only through the state machine; anything else is corrupt data.
  if (!isDossierStatus(dossier.status)) throw new Error(`Dossier ${dossier.id} has an unknown status`);
  const stops = readClockStops(dossier.clockStops);
  return {
    id: dossier.id,
    code: dossier.code,
    procedure: { code: dossier.procedureCode, version: dossier.procedureVersion, name },
    status: dossier.status,
    statusLabel: dossierStatusTable[dossier.status].label,
    channel: dossier.channel,
    applicant: { name: dossier.applicantName, idNumber: dossier.applicantIdNumber, phone: dossier.applicantPhone },
    values: readFormValues(dossier.form),
    documents: listDocuments(db, dossier.id).map((d) => ({ id: d.id, key: d.kind, title: d.title })),
    receivedAt: dossier.receivedAt,
    receivedBy: dossier.receivedBy,
    dueAt: dossier.dueAt,
    dueLocal: localText(dossier.dueAt),
    clockStopped: hasOpenStop(stops),
    clockStops: stops,
    rescheduled: findReschedule(db, dossier.id) !== undefined,
    resolvedAt: dossier.resolvedAt,
    returnedAt: dossier.returnedAt,
    result: dossier.resultNumber === null ? null : { number: dossier.resultNumber, registerBook: dossier.registerBook, registerPage: dossier.registerPage },
    assigneeId: dossier.assigneeId,
    createdAt: dossier.createdAt,
    updatedAt: dossier.updatedAt,
    rowVersion: dossier.rowVersion,
  };
}
