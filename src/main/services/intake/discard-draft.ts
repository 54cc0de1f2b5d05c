/**
 * Discarding a draft (`draft.discard`). A clerk's unsaved form is simply deleted: it was never
 * anything but a form. A dossier draft moves to `discarded` through the state machine, with a
 * history event, so a volunteer's work that a citizen abandoned remains accounted for.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import { AppError } from '../../../shared/api/errors';
import { applyTransition, isDossierStatus } from '../../../shared/dossier/states';
import { deleteDraft, getDraft } from '../../store/repos/drafts';
import { getDossierById, updateDossier } from '../../store/repos/dossiers';
import type { DossierDeps } from '../dossiers/deps';
import { officeNow } from '../dossiers/office-time';
import { recordDossierEvent } from '../dossiers/record-event';
import { transitionError } from '../dossiers/transition-error';
import { mayTouchDossierDraft } from './draft-owner';

/** Discards the draft `id`; 'store.not-found' when there is none the caller may discard. */
export function discardDraft(deps: DossierDeps, user: SessionUser, id: string): { done: true } {
  const now = officeNow(deps.clock);
  deps.store.write(
    (db) => {
      const dossier = getDossierById(db, id);
      if (dossier === undefined) {
        const draft = getDraft(db, id);
        if (draft === undefined || draft.userId !== user.id) throw new AppError('store.not-found', { entity: 'draft' });
        deleteDraft(db, id);
        return;
      }
      if (dossier.status === 'draft' && !mayTouchDossierDraft(db, user, id)) throw new AppError('store.not-found', { entity: 'draft' });
      const gate = applyTransition(isDossierStatus(dossier.status) ? dossier.status : null, 'discard-draft', user.role);
      if (!gate.ok) throw transitionError(gate.error, user.role, 'discard-draft');
      const updated = updateDossier(db, id, dossier.rowVersion, { status: gate.status }, now.iso);
      recordDossierEvent(db, { dossier: updated, at: now.iso, actorId: user.id, action: 'discard-draft', fromStatus: dossier.status, toStatus: gate.status }, null);
    },
    { durable: true },
  );
  return { done: true };
}
