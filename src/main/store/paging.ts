/** One page of results and, when more may follow, the cursor that asks for the next page. */
export interface Page<T, Cursor> {
  readonly items: readonly T[];
  readonly next?: Cursor;
}

/** The most rows one call may return: a screen shows far fewer, and memory stays bounded. */
export const MAX_PAGE_SIZE = 500;

/** A page size the store accepts: an integer in 1 … MAX_PAGE_SIZE. */
export function pageSize(limit: number | undefined, fallback = 50): number {
  const n = limit ?? fallback;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Page size must be a positive integer, got ${n}`);
  return Math.min(n, MAX_PAGE_SIZE);
}

/**
 * Splits one extra row off a page that was fetched with `limit + 1`: its presence says that a
 * next page exists, without a second COUNT query.
 */
export function toPage<Raw, T, Cursor>(rows: readonly Raw[], limit: number, map: (row: Raw) => T, cursorOf: (row: Raw) => Cursor): Page<T, Cursor> {
  if (rows.length <= limit) return { items: rows.map(map) };
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return last === undefined ? { items: [] } : { items: kept.map(map), next: cursorOf(last) };
}
