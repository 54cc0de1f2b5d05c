/**
 * Receiving a dossier at the counter (tiếp nhận): check everything first, then in ONE durable
 * transaction issue the code, store the dossier (the FTS index follows by trigger), its papers,
 * the `receive` event and the outbox command, and drop the clerk's autosaved form. Nothing is
 * written when a check fails. The id is the one the form autosaved under, so a call retried
 * after a lost reply finds the dossier and answers with the same code instead of a second one.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import { AppError } from '../../../shared/api/errors';
import { applyTransition, isDossierStatus } from '../../../shared/dossier/states';
import { procedureKey } from '../../../shared/procedures/catalogue';
import type { Store } from '../../store/db';
import { deleteDraft, getDraft } from '../../store/repos/drafts';
import { getDossierById, insertDossier, type StoredDossier } from '../../store/repos/dossiers';
import { requireProcedureInForce, requireProcedureVersion } from '../catalogue/procedures';
import type { DossierDeps } from '../dossiers/deps';
import { syncDossierDocuments } from '../dossiers/dossier-documents';
import { officeNow } from '../dossiers/office-time';
import { recordDossierEvent } from '../dossiers/record-event';
import { transitionError } from '../dossiers/transition-error';
import { readCommune } from '../settings/commune';
import { checkIntake, type IntakeForm } from './intake-form';
import { issueDossierCode } from './issue-code';
import { firstDueAt, receiptFields, receiptResult, type ReceiveResult } from './receipt';

/** `dossier.receive` from the counter form, as the contract parsed it. */
export interface CounterReceipt extends IntakeForm {
  readonly id: string;
  readonly procedureCode: string;
}

/** The unit whose code goes on the receipt; a PC without one cannot issue codes. */
export function agencyCodeOf(store: Store): string {
  const commune = readCommune(store);
  if (commune === undefined) throw new AppError('intake.not-provisioned', { detail: 'đơn vị tiếp nhận / receiving unit' });
  return commune.agencyCode;
}

/**
 * A dossier already stored under the id: a retried receipt gets its receipt again; anything
 * else (a draft, a refused dossier, another procedure) is refused by the state machine.
 */
export function answerExisting(store: Store, existing: StoredDossier, user: SessionUser, procedureCode: string): ReceiveResult {
  if (existing.code !== null && existing.receivedAt !== null && existing.procedureCode === procedureCode) {
    return store.read((db) => receiptResult(db, existing, requireProcedureVersion(db, existing.procedureCode, existing.procedureVersion), user, true));
  }
  const refused = applyTransition(isDossierStatus(existing.status) ? existing.status : null, 'receive', user.role);
  if (refused.ok) throw new AppError('dossier.illegal-transition', { transition: 'receive' });
  throw transitionError(refused.error, user.role, 'receive');
}

/** Receives a new dossier at the counter; see the file header. */
export function receiveAtCounter(deps: DossierDeps, user: SessionUser, input: CounterReceipt): ReceiveResult {
  const { store } = deps;
  const now = officeNow(deps.clock);
  const existing = store.read((db) => getDossierById(db, input.id));
  if (existing !== undefined) return answerExisting(store, existing, user, input.procedureCode);
  const gate = applyTransition(null, 'receive', user.role);
  if (!gate.ok) throw transitionError(gate.error, user.role, 'receive');
  const agencyCode = agencyCodeOf(store);
  const procedure = store.read((db) => requireProcedureInForce(db, input.procedureCode, now.day));
  const checked = checkIntake(procedure, input, now.year);
  const dueAt = store.read((db) => firstDueAt(db, procedure, now));

  return store.write(
    (db) => {
      const code = issueDossierCode(db, agencyCode, now.local);
      const dossier = insertDossier(db, {
        id: input.id,
        code,
        procedureCode: procedure.code,
        procedureVersion: procedure.version,
        status: gate.status,
        channel: 'counter',
        ...receiptFields(checked, user, now, dueAt),
        createdAt: now.iso,
      });
      syncDossierDocuments(db, dossier.id, procedure, checked.documentKeys, now.iso);
      recordDossierEvent(
        db,
        { dossier, at: now.iso, actorId: user.id, action: 'receive', fromStatus: null, toStatus: gate.status, data: { procedure: procedureKey(procedure), dueAt, slip: gate.slip, documents: checked.documentKeys } },
        'dossier.received',
      );
      // The autosaved form becomes this dossier; another user's form under the id is not ours to drop.
      if (getDraft(db, input.id)?.userId === user.id) deleteDraft(db, input.id);
      return receiptResult(db, dossier, procedure, user, false);
    },
    { durable: true },
  );
}
