/**
 * Retry delays with full jitter (sync.md §4.8): `random(0, min(cap, base · 2^attempt))`, so two
 * thousand PCs that lost the hub together do not come back together. Pure: the caller passes
 * the random source, so tests are exact.
 */

/** Bounds of the backoff. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

/** One second doubling up to five minutes. */
export const defaultBackoff: BackoffPolicy = { baseMs: 1000, capMs: 300_000 };

/**
 * The delay before retry number `attempt` (0 for the first retry). `random` returns [0, 1).
 * A `retryAfterMs` from the hub (429/503) is a floor: the hub knows best when it will be ready.
 */
export function backoffDelay(attempt: number, random: () => number, policy: BackoffPolicy = defaultBackoff, retryAfterMs?: number): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs === undefined ? jittered : Math.max(jittered, Math.min(retryAfterMs, policy.capMs));
}
