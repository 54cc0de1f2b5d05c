/**
 * The one search box (`dossier.search`). The plan (plan-search.ts) picks the index; results come
 * newest first, one keyset page at a time. A name typed as a phrase that finds nothing is tried
 * again with its words in any order, so "nguyen an" still finds Nguyễn Văn An.
 */
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { DossierSearchResult, SearchRoute } from '../../../shared/api/queues';
import type { Store } from '../../store/db';
import type { Page } from '../../store/paging';
import type { DossierSummary } from '../../store/repos/dossier-summary';
import {
  findDossierSummaryByCode,
  searchDossiersByIdNumber,
  searchDossiersByName,
  searchDossiersByNumber,
  searchDossiersByPhone,
  type SearchCursor,
  type SearchOptions,
} from '../../store/search/dossier-search';
import type { Clock } from '../clock';
import { listContext, toListItem } from '../queues/list-item';
import { officeDay } from '../dossiers/office-time';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor';
import { planSearch } from './plan-search';

export interface SearchDeps {
  readonly store: Store;
  readonly clock: Clock;
}

/** Rows per page when the screen does not say. */
export const DEFAULT_SEARCH_PAGE = 20;

type SearchPage = Page<DossierSummary, SearchCursor>;

function run(store: Store, route: SearchRoute, value: string, options: SearchOptions): SearchPage {
  switch (route) {
    case 'code': {
      const found = store.read((db) => findDossierSummaryByCode(db, value));
      return { items: found === undefined ? [] : [found] };
    }
    case 'id-number':
      return store.read((db) => searchDossiersByIdNumber(db, value, options));
    case 'phone':
      return store.read((db) => searchDossiersByPhone(db, value, options));
    case 'number':
      return store.read((db) => searchDossiersByNumber(db, value, options));
    case 'name':
      return store.read((db) => searchDossiersByName(db, value, options));
    case 'name-any-order':
      return store.read((db) => searchDossiersByName(db, value, { ...options, anyOrder: true }));
  }
}

/** Searches by what the clerk typed. Throws AppError 'list.invalid-cursor' for a foreign cursor. */
export function searchDossiers(deps: SearchDeps, input: ApiParsedInput<'dossier.search'>): DossierSearchResult {
  const plan = planSearch(input.q);
  const after = decodeSearchCursor(input.after, plan.route);
  const options: SearchOptions = { limit: input.limit ?? DEFAULT_SEARCH_PAGE, after: after?.cursor };
  let route: SearchRoute = after?.route ?? plan.route;
  let page = run(deps.store, route, plan.value, options);
  if (route === 'name' && after === undefined && page.items.length === 0 && /\s/u.test(plan.value)) {
    route = 'name-any-order';
    page = run(deps.store, route, plan.value, options);
  }
  const ctx = listContext(deps.store, officeDay(deps.clock.now()));
  return { route, items: page.items.map((s) => toListItem(s, ctx)), next: encodeSearchCursor(route, page.next) };
}
