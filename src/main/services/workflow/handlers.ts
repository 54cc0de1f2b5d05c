import type { DossierDeps } from '../dossiers/deps';
import { signedIn } from '../dossiers/signed-in';
import type { Handlers } from '../router';
import { availableTransitions } from './available-transitions';
import { dossierHistory } from './dossier-history';
import { getDossier } from './get-dossier';
import { transitionDossier } from './transition-dossier';

type WorkflowHandlers = Pick<Handlers, 'dossier.get' | 'dossier.history' | 'dossier.transition' | 'dossier.transitions-available'>;

/** Binds the workflow use cases to the contract. The router has already checked access and input. */
export function workflowHandlers(deps: DossierDeps): WorkflowHandlers {
  return {
    'dossier.get': (input, ctx) => getDossier(deps, signedIn(ctx.user), input.id),
    'dossier.history': (input) => dossierHistory(deps, input.id),
    'dossier.transition': (input, ctx) => transitionDossier(deps, signedIn(ctx.user), input),
    'dossier.transitions-available': (input, ctx) => availableTransitions(deps, signedIn(ctx.user), input.id),
  };
}
