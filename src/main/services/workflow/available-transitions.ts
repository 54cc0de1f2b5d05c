/**
 * The buttons of the dossier screen (`dossier.transitions-available`): what the signed-in role may
 * do from the dossier's status, from the same table `dossier.transition` enforces. A reschedule
 * already used is not offered again; each button names the call that performs it.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import { AppError } from '../../../shared/api/errors';
import { dossierTransitions, isDossierStatus, transitionsFrom, type DossierStatus, type SlipKind, type TransitionName } from '../../../shared/dossier/states';
import type { LocalizedText } from '../../../shared/validation';
import { getDossierById } from '../../store/repos/dossiers';
import type { DossierDeps } from '../dossiers/deps';
import { findReschedule } from '../dossiers/reschedule';

/** One button. */
export interface AvailableTransition {
  readonly name: TransitionName;
  readonly label: LocalizedText;
  readonly reasonRequired: boolean;
  readonly slip: SlipKind | null;
  readonly call: 'dossier.transition' | 'dossier.receive' | 'draft.discard';
}

function callOf(name: TransitionName): AvailableTransition['call'] {
  if (name === 'accept-draft' || name === 'receive') return 'dossier.receive';
  if (name === 'discard-draft') return 'draft.discard';
  return 'dossier.transition';
}

/** The buttons `user` gets on dossier `id`, with its status and row version. */
export function availableTransitions(deps: DossierDeps, user: SessionUser, id: string): { status: DossierStatus; rowVersion: number; transitions: AvailableTransition[] } {
  return deps.store.read((db) => {
    const dossier = getDossierById(db, id);
    if (dossier === undefined) throw new AppError('store.not-found', { entity: 'dossier' });
    if (!isDossierStatus(dossier.status)) throw new Error(`Dossier ${dossier.id} has an unknown status`);
    const rescheduled = findReschedule(db, id) !== undefined;
    const transitions = transitionsFrom(dossier.status, user.role)
      .filter((name) => !(name === 'reschedule' && rescheduled))
      .map((name): AvailableTransition => {
        const row = dossierTransitions[name];
        return { name, label: row.label, reasonRequired: row.reasonRequired, slip: row.slip, call: callOf(name) };
      });
    return { status: dossier.status, rowVersion: dossier.rowVersion, transitions };
  });
}
