/**
 * Wakes long-polling pulls when their commune's feed moves (sync.md §4.5). One LISTEN per hub
 * process on `motcua_feed`, fed by the trigger of hub migration 0020 at commit, on PostgreSQL
 * and on PGlite alike; wake-ups fan out in memory. A waiter also re-reads the feed every
 * `recheckMs`, so a dropped LISTEN session (or a notification lost while it reconnects) costs
 * latency, never a missed change.
 */
import type { HubDb } from './db/db';

export const FEED_CHANNEL = 'motcua_feed';

/** Taken before reading the feed, so a change committed between the read and the wait still wakes. */
export interface WaitTicket {
  /** Resolves on a wake-up since the ticket was taken, after `ms`, on `signal` or when the hub closes. */
  wait(ms: number, signal?: AbortSignal): Promise<void>;
}

/** See the file comment. */
export class FeedNotifier {
  readonly #db: HubDb;
  /** commune → number of wake-ups seen. */
  readonly #moves = new Map<string, number>();
  readonly #waiters = new Map<string, Set<() => void>>();
  #unlisten: (() => Promise<void>) | undefined;
  #closed = false;

  constructor(db: HubDb) {
    this.#db = db;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Starts listening (a database without LISTEN leaves only the periodic re-check). */
  async start(): Promise<void> {
    if (this.#db.listen === undefined || this.#unlisten !== undefined) return;
    this.#unlisten = await this.#db.listen(FEED_CHANNEL, (commune) => this.wake(commune));
  }

  /** Wakes every waiter of `communeId`. */
  wake(communeId: string): void {
    this.#moves.set(communeId, (this.#moves.get(communeId) ?? 0) + 1);
    const waiting = this.#waiters.get(communeId);
    if (waiting === undefined) return;
    this.#waiters.delete(communeId);
    for (const resolve of waiting) resolve();
  }

  ticket(communeId: string): WaitTicket {
    const seen = this.#moves.get(communeId) ?? 0;
    return {
      wait: (ms, signal) =>
        new Promise<void>((resolve) => {
          if (this.#closed || signal?.aborted === true || (this.#moves.get(communeId) ?? 0) !== seen) return resolve();
          const set = this.#waiters.get(communeId) ?? new Set<() => void>();
          this.#waiters.set(communeId, set);
          const done = (): void => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            set.delete(done);
            resolve();
          };
          const timer = setTimeout(done, ms);
          signal?.addEventListener('abort', done, { once: true });
          set.add(done);
        }),
    };
  }

  /** Releases every waiter and stops listening; waits answer at once from now on. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const set of this.#waiters.values()) for (const resolve of [...set]) resolve();
    this.#waiters.clear();
    await this.#unlisten?.();
    this.#unlisten = undefined;
  }
}
