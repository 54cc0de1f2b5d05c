/**
 * Moving a dossier through the state machine (`dossier.transition`): the signed-in user's role,
 * the dossier's status and the reason are checked by the shared `applyTransition`, the row
 * version the screen showed must still be current, and then status, clock, due moment and result
 * change together with the history event and the outbox command in ONE durable transaction (a
 * printed slip is a promise, as a receipt is). Any refusal writes nothing.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import type { DossierView, SlipToPrint } from '../../../shared/api/dossiers';
import { AppError } from '../../../shared/api/errors';
import { applyTransition, isDossierStatus } from '../../../shared/dossier/states';
import { listDocuments } from '../../store/repos/documents';
import { getDossierById, updateDossier } from '../../store/repos/dossiers';
import { requireProcedureVersion } from '../catalogue/procedures';
import type { DossierDeps } from '../dossiers/deps';
import { dossierView } from '../dossiers/dossier-view';
import { officeNow } from '../dossiers/office-time';
import { recordDossierEvent } from '../dossiers/record-event';
import { findReschedule } from '../dossiers/reschedule';
import { buildSlip } from '../dossiers/slip';
import { transitionError } from '../dossiers/transition-error';
import { planTransition, type TransitionRequest } from './transition-plan';

/** The reply of `dossier.transition`. */
export interface TransitionResult {
  readonly dossier: DossierView;
  readonly slip: SlipToPrint | null;
}

/** Performs `request.transition` on the dossier; see the file header. */
export function transitionDossier(deps: DossierDeps, user: SessionUser, request: TransitionRequest): TransitionResult {
  const now = officeNow(deps.clock);
  return deps.store.write(
    (db) => {
      const dossier = getDossierById(db, request.id);
      if (dossier === undefined) throw new AppError('store.not-found', { entity: 'dossier' });
      // Checked first: an officer acting on an outdated screen must reload before anything else.
      if (dossier.rowVersion !== request.rowVersion) throw new AppError('store.stale-row', { entity: 'dossier' });
      if (!isDossierStatus(dossier.status)) throw new Error(`Dossier ${dossier.id} has an unknown status`);
      const reschedule = findReschedule(db, dossier.id);
      const reason = request.reason?.trim() === '' ? undefined : request.reason?.trim();
      const outcome = applyTransition(dossier.status, request.transition, user.role, { reason, alreadyRescheduled: reschedule !== undefined });
      if (!outcome.ok) throw transitionError(outcome.error, user.role, request.transition);
      const procedure = requireProcedureVersion(db, dossier.procedureCode, dossier.procedureVersion);
      const plan = planTransition({ db, dossier, procedure, outcome, request, user, now, reschedule });
      const updated = updateDossier(db, dossier.id, request.rowVersion, plan.changes, now.iso);
      const note = request.note?.trim() === '' ? undefined : request.note?.trim();
      // What a supplement request asks for is printed on Mẫu 02 and kept in the event, so a reprint says the same.
      const missing = outcome.slip === 'supplement-request' ? (request.documents ?? []) : [];
      recordDossierEvent(
        db,
        {
          dossier: updated,
          at: now.iso,
          actorId: user.id,
          action: request.transition,
          fromStatus: dossier.status,
          toStatus: outcome.status,
          note: reason ?? note ?? null,
          data: { ...plan.data, reason: reason ?? null, note: note ?? null, slip: outcome.slip, ...(missing.length > 0 ? { documents: missing } : {}) },
        },
        // A draft never reached the hub, so neither does what happens to it.
        dossier.status === 'draft' ? null : 'dossier.transitioned',
      );
      const slip =
        outcome.slip === null
          ? null
          : buildSlip({
              kind: outcome.slip,
              dossier: updated,
              procedure,
              officer: user.displayName,
              issuedAt: now.iso,
              documentKeys: outcome.slip === 'receipt' || outcome.slip === 'control-sheet' ? listDocuments(db, dossier.id).map((d) => d.kind) : missing,
              reason: reason ?? null,
              previousDueAt: outcome.slip === 'apology' ? dossier.dueAt : null,
            });
      return { dossier: dossierView(db, updated, procedure), slip };
    },
    { durable: true },
  );
}
