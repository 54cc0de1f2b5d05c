/**
 * The long-poll loop of an idle, online PC (sync.md §4.5): one pull the hub holds until the
 * commune's feed moves (or `waitS` passes), again and again, so an upstream change reaches the
 * PC in about a round trip instead of at the next timed sync. The scheduler quiets it before
 * each push-and-pull attempt, so the two never apply pages side by side, and restarts it after a
 * good attempt. A failure hands control back to the scheduler (`onLost`), whose timer and
 * backoff decide what comes next.
 */
import type { SyncClient } from './client';

export class FeedListener {
  readonly #client: Pick<SyncClient, 'waitForChanges'>;
  readonly #waitS: number;
  readonly #onLost: () => void;
  #abort: AbortController | undefined;
  #loop: Promise<void> | undefined;

  /** `client` must be built over a fetch that honours `signal()` (see the scheduler). */
  constructor(client: Pick<SyncClient, 'waitForChanges'>, waitS: number, onLost: () => void) {
    this.#client = client;
    this.#waitS = waitS;
    this.#onLost = onLost;
  }

  /** Aborts the wait in flight when the scheduler quiets the listener. */
  signal(): AbortSignal | undefined {
    return this.#abort?.signal;
  }

  /** Starts listening unless already listening (or long-poll is switched off with `waitS = 0`). */
  start(): void {
    if (this.#loop !== undefined || this.#waitS <= 0) return;
    const abort = (this.#abort = new AbortController());
    this.#loop = (async () => {
      while (!abort.signal.aborted) {
        const startedAt = performance.now();
        let applied: number;
        try {
          applied = await this.#client.waitForChanges(this.#waitS);
        } catch {
          if (!abort.signal.aborted) this.#onLost();
          return;
        }
        // A hub that answers at once without holding the call must not make this loop spin.
        if (applied === 0 && performance.now() - startedAt < 1_000) return;
      }
    })().finally(() => {
      this.#loop = undefined;
    });
  }

  /** Stops listening; resolves once a page being applied is done (never half a page). */
  async quiet(): Promise<void> {
    this.#abort?.abort();
    await this.#loop;
  }
}
