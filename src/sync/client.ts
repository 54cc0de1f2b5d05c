/**
 * The sync client (sync.md §4): pushes the outbox in seq order and pulls the commune's feed. An
 * owned, disposable object: no module state; the one timer is its own and `dispose` stops it.
 * Outbox rows are marked sent only after the hub confirms them (`appliedThrough`), in the same
 * transaction as any refusal it reported, so a crash between the two simply re-pushes and the hub
 * skips what it already holds.
 */
import type { Store } from '../main/store/db';
import { countUnsentOutbox, markOutboxSent, peekUnsentOutbox, recordOutboxFailure } from '../main/store/repos/outbox';
import { countSyncRejections, recordSyncRejection } from '../main/store/repos/sync-rejections';
import { getSyncState, putSyncState } from '../main/store/repos/sync-state';
import { applyPullPage, CURSOR_KEY } from './apply-pull';
import { backoffDelay, defaultBackoff, RepeatingRun, type BackoffPolicy } from './backoff';
import { pull, push, requestToken, SyncError, type FetchFn } from './hub-api';
import { payloadWithBase } from './merge-base';
import { MAX_PULL_WAIT_S } from './protocol/messages';

/** What the PC got at enrolment. */
export interface DeviceCredentials {
  readonly deviceId: string;
  /** The PC's Ed25519 private key (PKCS#8 PEM), made here at enrolment and never sent (device-key.ts). */
  readonly secret: string;
}

/** For the status badge (`sync.status`). */
export interface SyncStatus {
  readonly running: boolean;
  readonly lastAttemptAt: string | null;
  readonly lastSuccessAt: string | null;
  /** Outbox rows the hub has not confirmed. */
  readonly waiting: number;
  /** Refusals recorded on this PC. */
  readonly rejected: number;
  readonly lastError: { readonly code: string; readonly message: { readonly vi: string; readonly en: string } } | null;
  readonly cursor: number | null;
}

/** Knobs, all defaulted. */
export interface SyncClientOptions {
  readonly batchSize?: number;
  readonly pageSize?: number;
  readonly backoff?: BackoffPolicy;
  readonly random?: () => number;
  readonly now?: () => Date;
}

/** See the file comment. */
export class SyncClient {
  readonly #store: Store;
  readonly #fetch: FetchFn;
  readonly #hubUrl: string;
  readonly #creds: DeviceCredentials;
  readonly #batchSize: number;
  readonly #pageSize: number;
  readonly #backoff: BackoffPolicy;
  readonly #random: () => number;
  readonly #now: () => Date;
  #token: string | undefined;
  readonly #loop = new RepeatingRun(
    () => this.syncOnce(),
    (error) => backoffDelay(this.#failures - 1, this.#random, this.#backoff, error instanceof SyncError ? error.retryAfterMs : undefined),
  );
  #failures = 0;
  #lastAttemptAt: string | null = null;
  #lastSuccessAt: string | null = null;
  #lastError: SyncStatus['lastError'] = null;

  constructor(store: Store, fetchFn: FetchFn, hubUrl: string, credentials: DeviceCredentials, options: SyncClientOptions = {}) {
    this.#store = store;
    this.#fetch = fetchFn;
    this.#hubUrl = hubUrl.replace(/\/+$/, '');
    this.#creds = credentials;
    this.#batchSize = options.batchSize ?? 200;
    this.#pageSize = options.pageSize ?? 500;
    this.#backoff = options.backoff ?? defaultBackoff;
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? (() => new Date());
  }

  /** Pushes every unsent outbox row, batch by batch; returns how many the hub settled. */
  async pushOnce(): Promise<number> {
    let settled = 0;
    for (;;) {
      const batch = this.#store.read((db) => peekUnsentOutbox(db, this.#batchSize));
      if (batch.length === 0) return settled;
      // Edits carry the values they replace, so the hub merges them field by field (merge-base.ts).
      const mutations = this.#store.read((db) => batch.map((e) => ({ seq: e.seq, key: e.idempotencyKey, kind: e.kind, entityId: e.entityId, payload: payloadWithBase(db, e) })));
      let answer;
      try {
        answer = await this.#authorised((token) => push(this.#fetch, this.#hubUrl, token, this.#creds.deviceId, mutations));
      } catch (error) {
        const message = error instanceof SyncError ? error.code : 'unknown';
        this.#store.write((db) => recordOutboxFailure(db, batch.map((e) => e.seq), message));
        throw error;
      }
      const now = this.#now().toISOString();
      const done = batch.filter((e) => e.seq <= answer.appliedThrough);
      this.#store.write((db) => {
        for (const r of answer.rejected) {
          const entry = batch.find((e) => e.seq === r.seq);
          if (entry !== undefined) recordSyncRejection(db, { seq: r.seq, entityId: entry.entityId, kind: entry.kind, code: r.code, message: r.message, rejectedAt: now });
        }
        markOutboxSent(db, done.map((e) => e.seq), now);
        putSyncState(db, 'push.appliedThrough', answer.appliedThrough, now);
      });
      settled += done.length;
      // The hub stopped short (a hole it will not cross): retrying now would loop.
      if (done.length < batch.length) {
        throw new SyncError('push-stalled', true, { vi: 'Máy chủ chưa nhận hết các thay đổi; sẽ thử lại.', en: 'The hub did not take the whole batch; will retry.' });
      }
    }
  }

  /** Pulls pages until the feed is drained; returns how many items were applied. */
  async pullOnce(): Promise<number> {
    let applied = 0;
    for (;;) {
      const cursor = this.#cursor();
      const page = await this.#authorised((token) => pull(this.#fetch, this.#hubUrl, token, cursor, this.#pageSize));
      const now = this.#now().toISOString();
      if (page.kind === 'resync-required') {
        // Data stays; only the position is forgotten, and the next page starts from zero.
        this.#store.write((db) => putSyncState(db, CURSOR_KEY, null, now));
        if (cursor === undefined) throw new SyncError('resync-loop', true, page.message);
        continue;
      }
      applied += applyPullPage(this.#store, page.items, page.cursor, now).applied;
      if (!page.hasMore) return applied;
    }
  }

  /**
   * Long-poll (sync.md §4.5), for when the PC is idle: one pull that the hub holds until the
   * commune's feed moves or `waitS` passes, then the rest of the feed. Returns the items applied
   * (0 after a quiet wait).
   */
  async waitForChanges(waitS = MAX_PULL_WAIT_S): Promise<number> {
    const cursor = this.#cursor();
    if (cursor === undefined) return this.pullOnce();
    const page = await this.#authorised((token) => pull(this.#fetch, this.#hubUrl, token, cursor, this.#pageSize, waitS));
    if (page.kind === 'resync-required') return this.pullOnce();
    const applied = page.items.length === 0 ? 0 : applyPullPage(this.#store, page.items, page.cursor, this.#now().toISOString()).applied;
    return applied + (page.hasMore ? await this.pullOnce() : 0);
  }

  /** Push then pull; updates the status either way. */
  async syncOnce(): Promise<void> {
    this.#lastAttemptAt = this.#now().toISOString();
    try {
      await this.pushOnce();
      await this.pullOnce();
      this.#lastSuccessAt = this.#now().toISOString();
      this.#lastError = null;
      this.#failures = 0;
    } catch (error) {
      this.#failures += 1;
      this.#lastError = error instanceof SyncError ? { code: error.code, message: error.userMessage } : { code: 'unknown', message: { vi: 'Lỗi đồng bộ không xác định.', en: 'Unknown sync error.' } };
      throw error;
    }
  }

  /** Syncs every `intervalMs`, backing off with jitter after failures, until `dispose`. */
  start(intervalMs: number): void {
    this.#loop.start(intervalMs);
  }

  /** Stops the timer and waits for a sync in progress; the client cannot be restarted. */
  async dispose(): Promise<void> {
    await this.#loop.dispose();
  }

  /** The badge's state. */
  status(): SyncStatus {
    const { waiting, rejected, cursor } = this.#store.read((db) => ({ waiting: countUnsentOutbox(db), rejected: countSyncRejections(db), cursor: getSyncState(db, CURSOR_KEY) }));
    return {
      running: this.#loop.running,
      lastAttemptAt: this.#lastAttemptAt,
      lastSuccessAt: this.#lastSuccessAt,
      waiting,
      rejected,
      lastError: this.#lastError,
      cursor: typeof cursor === 'number' ? cursor : null,
    };
  }

  #cursor(): number | undefined {
    const value = this.#store.read((db) => getSyncState(db, CURSOR_KEY));
    return typeof value === 'number' ? value : undefined;
  }

  /** Runs `call` with this client's token (the attachments lane borrows it: one session per PC). */
  withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    return this.#authorised(call);
  }

  /** Runs `call` with a token, fetching one first and once more if the hub says it expired. */
  async #authorised<T>(call: (token: string) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      this.#token ??= (await requestToken(this.#fetch, this.#hubUrl, this.#creds.deviceId, this.#creds.secret)).token;
      try {
        return await call(this.#token);
      } catch (error) {
        if (attempt === 0 && error instanceof SyncError && error.status === 401) {
          this.#token = undefined;
          continue;
        }
        throw error;
      }
    }
  }
}
