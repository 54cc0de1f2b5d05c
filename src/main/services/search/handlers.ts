import { AppError } from '../../../shared/api/errors';
import { recordSearchRead } from '../audit/reads';
import type { Handlers } from '../router';
import { searchDossiers, type SearchDeps } from './search';

/** Binds the search box to the contract; every search is logged by its kind (issue 13). The router has already checked the role. */
export function searchHandlers(deps: SearchDeps): Pick<Handlers, 'dossier.search'> {
  return {
    'dossier.search': (input, ctx) => {
      if (!ctx.user) throw new AppError('auth.required');
      const result = searchDossiers(deps, input);
      recordSearchRead(deps, ctx.user, result.route);
      return result;
    },
  };
}
