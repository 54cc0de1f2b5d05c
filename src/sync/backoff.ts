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

/**
 * Runs a job every `intervalMs` until disposed, one run at a time; after a failed run it waits
 * what `delayAfterFailure` says instead (the owner knows its failure count and the hub's
 * Retry-After). `dispose` waits for a run in progress, so a store is never closed under it.
 */
export class RepeatingRun {
  readonly #run: () => Promise<unknown>;
  readonly #delayAfterFailure: (error: unknown) => number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;
  #disposed = false;

  constructor(run: () => Promise<unknown>, delayAfterFailure: (error: unknown) => number) {
    this.#run = run;
    this.#delayAfterFailure = delayAfterFailure;
  }

  /** True while a run started by `start` is in progress. */
  get running(): boolean {
    return this.#running !== undefined;
  }

  /** Starts at once; a second call, or a call after `dispose`, does nothing. */
  start(intervalMs: number): void {
    if (this.#disposed || this.#timer !== undefined || this.#running !== undefined) return;
    const tick = (): void => {
      this.#timer = undefined;
      this.#running = this.#run()
        .then(() => intervalMs, (error: unknown) => this.#delayAfterFailure(error))
        .then((delay) => {
          this.#running = undefined;
          if (!this.#disposed) this.#timer = setTimeout(tick, delay);
        });
    };
    this.#timer = setTimeout(tick, 0);
  }

  /** Stops the timer for good and waits for a run in progress. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
