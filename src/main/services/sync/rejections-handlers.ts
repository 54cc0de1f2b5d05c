/** Binds the sync refusal calls to the contract. The router has already checked the role and the input. */
import type { DossierDeps } from '../dossiers/deps';
import type { Handlers } from '../router';
import { acknowledgeRejection, listRejections } from './rejections';

export function syncRejectionHandlers(deps: DossierDeps): Pick<Handlers, 'sync.rejections' | 'sync.rejection-ack'> {
  return {
    'sync.rejections': () => listRejections(deps),
    'sync.rejection-ack': (input) => acknowledgeRejection(deps, input.seq),
  };
}
