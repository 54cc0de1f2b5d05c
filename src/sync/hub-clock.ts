/**
 * Watches the hub's clock through the `Date` header of every answer (sync.md §4.10): the offset
 * is `hub − (t0 + t1) / 2`, good to about a second, which is plenty to warn about a PC clock set
 * minutes or days wrong. The PC's clock is only ever compared, never used for order or cursors.
 */
import type { FetchFn } from './hub-api';

/** A fetch that records the latest offset, and aborts every call when `abort` fires. */
export interface ClockWatchingFetch {
  readonly fetch: FetchFn;
  /** Hub minus PC in milliseconds at the last answer with a Date header; null before one. */
  offsetMs(): number | null;
}

export function watchHubClock(inner: FetchFn, now: () => Date, abort: AbortSignal): ClockWatchingFetch {
  let offset: number | null = null;
  return {
    fetch: async (url, init) => {
      const signal = init.signal ? AbortSignal.any([init.signal, abort]) : abort;
      const t0 = now().getTime();
      const res = await inner(url, { ...init, signal });
      const t1 = now().getTime();
      const hub = Date.parse(res.headers.get('date') ?? '');
      if (Number.isFinite(hub)) offset = Math.round(hub - (t0 + t1) / 2);
      return res;
    },
    offsetMs: () => offset,
  };
}
