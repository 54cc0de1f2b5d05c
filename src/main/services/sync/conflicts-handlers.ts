/** Binds the sync conflict calls to the contract. The router has already checked the role and the input. */
import type { DossierDeps } from '../dossiers/deps';
import { signedIn } from '../dossiers/signed-in';
import type { Handlers } from '../router';
import { listConflicts, resolveConflict } from './conflicts';

export function syncConflictHandlers(deps: DossierDeps): Pick<Handlers, 'sync.conflicts' | 'sync.conflict-resolve'> {
  return {
    'sync.conflicts': () => listConflicts(deps),
    'sync.conflict-resolve': (input, ctx) => resolveConflict(deps, signedIn(ctx.user), input),
  };
}
