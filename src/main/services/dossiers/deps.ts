import type { Store } from '../../store/db';
import type { Clock } from '../clock';

/** What the intake and workflow use cases need: the store and the core's clock (never Date.now). */
export interface DossierDeps {
  readonly store: Store;
  readonly clock: Clock;
}
