/**
 * A clerk accepts a volunteer's draft (`accept-draft`): the draft the clerk reviewed (its row
 * version), with any corrections made while reviewing, passes every check of a counter receipt
 * and becomes a received dossier — code, appointment, papers, event and outbox in ONE durable
 * transaction. The procedure version is the one in force at receipt, not when the draft began.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import { AppError } from '../../../shared/api/errors';
import { applyTransition, isDossierStatus } from '../../../shared/dossier/states';
import { procedureKey } from '../../../shared/procedures/catalogue';
import { listDocuments } from '../../store/repos/documents';
import { getDossierById, updateDossier } from '../../store/repos/dossiers';
import { requireProcedureInForce } from '../catalogue/procedures';
import type { DossierDeps } from '../dossiers/deps';
import { syncDossierDocuments } from '../dossiers/dossier-documents';
import { readFormValues } from '../dossiers/form-values';
import { officeNow } from '../dossiers/office-time';
import { recordDossierEvent } from '../dossiers/record-event';
import { transitionError } from '../dossiers/transition-error';
import { checkIntake, type IntakeForm } from './intake-form';
import { issueDossierCode } from './issue-code';
import { firstDueAt, receiptFields, receiptResult, type ReceiveResult } from './receipt';
import { agencyCodeOf, answerExisting } from './receive-dossier';

/** `dossier.receive` of a draft, as the contract parsed it: omitted parts come from the draft. */
export interface DraftAcceptance extends Partial<IntakeForm> {
  readonly id: string;
  readonly rowVersion: number;
}

/** Accepts the volunteer draft `input.id`; see the file header. */
export function acceptDraft(deps: DossierDeps, user: SessionUser, input: DraftAcceptance): ReceiveResult {
  const { store } = deps;
  const now = officeNow(deps.clock);
  const draft = store.read((db) => getDossierById(db, input.id));
  if (draft === undefined) throw new AppError('store.not-found', { entity: 'dossier' });
  // A retried acceptance finds the dossier received already: answer with the same receipt.
  if (draft.status !== 'draft' && draft.code !== null) return answerExisting(store, draft, user, draft.procedureCode);
  if (draft.rowVersion !== input.rowVersion) throw new AppError('store.stale-row', { entity: 'dossier' });
  const gate = applyTransition(isDossierStatus(draft.status) ? draft.status : null, 'accept-draft', user.role);
  if (!gate.ok) throw transitionError(gate.error, user.role, 'accept-draft');
  const agencyCode = agencyCodeOf(store);
  const procedure = store.read((db) => requireProcedureInForce(db, draft.procedureCode, now.day));
  const form: IntakeForm = {
    applicant: input.applicant ?? { name: draft.applicantName, idNumber: draft.applicantIdNumber ?? undefined, phone: draft.applicantPhone ?? undefined },
    values: input.values ?? readFormValues(draft.form),
    documents: input.documents ?? store.read((db) => listDocuments(db, draft.id).map((d) => d.kind)),
  };
  const checked = checkIntake(procedure, form, now.year);
  const dueAt = store.read((db) => firstDueAt(db, procedure, now));

  return store.write(
    (db) => {
      const code = issueDossierCode(db, agencyCode, now.local);
      const dossier = updateDossier(
        db,
        draft.id,
        input.rowVersion,
        {
          code,
          procedureVersion: procedure.version,
          status: gate.status,
          ...receiptFields(checked, user, now, dueAt),
        },
        now.iso,
      );
      syncDossierDocuments(db, dossier.id, procedure, checked.documentKeys, now.iso);
      recordDossierEvent(
        db,
        {
          dossier,
          at: now.iso,
          actorId: user.id,
          action: 'accept-draft',
          fromStatus: draft.status,
          toStatus: gate.status,
          data: { procedure: procedureKey(procedure), dueAt, slip: gate.slip, documents: checked.documentKeys },
        },
        'dossier.received',
      );
      return receiptResult(db, dossier, procedure, user, false);
    },
    { durable: true },
  );
}
