/**
 * Search cursors as they travel: "<route>~<row>", opaque to the screen. The route travels with
 * the position so that the next page is read the way the first one was (a name search that fell
 * back to "words in any order" stays that way).
 */
import { AppError } from '../../../shared/api/errors';
import { searchRoutes, type SearchRoute } from '../../../shared/api/queues';
import type { SearchCursor } from '../../store/search/dossier-search';

export interface DecodedSearchCursor {
  readonly route: SearchRoute;
  readonly cursor: SearchCursor;
}

const SHAPE = /^([a-z-]{1,20})~([1-9]\d{0,14})$/u;

/** The text form of a page's end; null when there is no next page. */
export function encodeSearchCursor(route: SearchRoute, cursor: SearchCursor | undefined): string | null {
  return cursor === undefined ? null : `${route}~${cursor.before}`;
}

/**
 * The cursor in `text`, checked against the route the text was planned to; throws AppError
 * 'list.invalid-cursor' when it is malformed or belongs to a different search.
 */
export function decodeSearchCursor(text: string | undefined, planned: SearchRoute): DecodedSearchCursor | undefined {
  if (text === undefined) return undefined;
  const match = SHAPE.exec(text);
  const route = searchRoutes.find((r) => r === match?.[1]);
  const fits = route === planned || (planned === 'name' && route === 'name-any-order');
  if (route === undefined || match?.[2] === undefined || !fits) throw new AppError('list.invalid-cursor');
  return { route, cursor: { before: Number(match[2]) } };
}
