import type { Handlers } from '../router';
import { searchDossiers, type SearchDeps } from './search';

/** Binds the search box to the contract. The router has already checked the role. */
export function searchHandlers(deps: SearchDeps): Pick<Handlers, 'dossier.search'> {
  return { 'dossier.search': (input) => searchDossiers(deps, input) };
}
