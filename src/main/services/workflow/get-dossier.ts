/**
 * Opening a dossier (`dossier.get`). Reading personal data is itself recorded (DESIGN §7): the
 * `view` event is written in the same transaction as the read, so no one sees a dossier without
 * the history saying who did and when. Views of received dossiers go to the hub too, for the
 * commune-wide audit; a draft's stay local.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import type { DossierView } from '../../../shared/api/dossiers';
import { AppError } from '../../../shared/api/errors';
import { getDossierById } from '../../store/repos/dossiers';
import type { DossierDeps } from '../dossiers/deps';
import { dossierView } from '../dossiers/dossier-view';
import { officeNow } from '../dossiers/office-time';
import { recordDossierEvent } from '../dossiers/record-event';

/** The dossier `id`, after recording that `user` viewed it. */
export function getDossier(deps: DossierDeps, user: SessionUser, id: string): DossierView {
  const now = officeNow(deps.clock);
  return deps.store.write((db) => {
    const dossier = getDossierById(db, id);
    if (dossier === undefined) throw new AppError('store.not-found', { entity: 'dossier' });
    const view = dossierView(db, dossier);
    const local = dossier.status === 'draft' || dossier.status === 'discarded';
    recordDossierEvent(db, { dossier, at: now.iso, actorId: user.id, action: 'view' }, local ? null : 'dossier.viewed');
    return view;
  });
}
