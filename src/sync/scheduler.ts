/**
 * The sync scheduler (issue 7; sync.md §4.8, §4.10): runs the SyncClient in the background of a
 * long-running core and keeps what the status badge shows. One attempt at a time, from one timer:
 * - online: a sync every `intervalMs`, and `debounceMs` after a local write queued outbox rows;
 * - failing: retries with full-jitter backoff; the first unreachable hub sets `offlineSince`;
 * - offline (after `offlineAfter` unreachable attempts): only a cheap GET /v1/health every
 *   30–60 s with jitter, and a full sync the moment it answers;
 * - between attempts, while online: a long-poll (`feed-listener.ts`) brings upstream changes in
 *   about a round trip; each attempt quiets it first, so pages are never applied side by side.
 * Scanned pages and slips go by the attachments lane (`attachments.ts`) on its own timer and
 * backoff, so a stuck file never holds up dossier data.
 * The client works in batches and pages of 100 with a network wait between them, so the core's
 * event loop is never held for more than one such SQLite transaction.
 * `dispose` clears the timer and aborts calls in flight; the store is never touched afterwards.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { SyncStatusView } from '../shared/api/sync';
import { AppError, describeError } from '../shared/api/errors';
import type { Store } from '../main/store/db';
import { newestOutboxSeq } from '../main/store/repos/outbox';
import { getSyncEnrolment, putSyncEnrolment, settledOutboxSeq, type SyncEnrolment } from '../main/store/repos/sync-enrolment';
import { getSyncProvision, putSyncProvision } from '../main/store/repos/sync-provision';
import { idleSyncRuntime, readSyncStatus, type SyncRuntime } from '../main/store/repos/sync-status';
import { AttachmentLane } from './attachments';
import { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoff';
import { SyncClient, type SyncClientOptions } from './client';
import { FeedListener } from './feed-listener';
import { enrol, SyncError, type FetchFn } from './hub-api';
import { newDeviceKeyPair } from './device-key';
import { watchHubClock, type ClockWatchingFetch } from './hub-clock';
import { enrolFailure, isUnreachable, syncFailure } from './scheduler-errors';
import { MAX_PULL_WAIT_S } from './protocol/messages';

/** Knobs, all defaulted to the values of sync.md §4.8. */
export interface SchedulerOptions {
  readonly fetch?: FetchFn;
  readonly now?: () => Date;
  readonly random?: () => number;
  /** The name the hub shows for this PC; the host name by default. */
  readonly deviceName?: string;
  /** A sync this often while all is well (picks up the hub's news). */
  readonly intervalMs?: number;
  /** Wait this long after a local write, so a burst of receipts goes in one push. */
  readonly debounceMs?: number;
  readonly backoff?: BackoffPolicy;
  /** Unreachable attempts in a row before the lane only probes. */
  readonly offlineAfter?: number;
  /** The probe's delay while offline, drawn uniformly from [min, max]. */
  readonly probeMs?: readonly [number, number];
  /** The first sync after `start` waits up to this long, so PCs do not all hit a restarted hub together. */
  readonly startJitterMs?: number;
  /** A hub clock further off than this raises `sync.clock-wrong` (§4.10: two minutes). */
  readonly clockWarnMs?: number;
  /** Passed to the SyncClient (batch and page sizes, its own backoff). */
  readonly client?: SyncClientOptions;
  /** How long the hub may hold an idle pull (long-poll); 0 switches long-poll off. */
  readonly longPollS?: number;
  /** The data folder's page and slip files; without them the attachments lane does not run. */
  readonly attachments?: { readonly pagesDir: string; readonly slipsDir: string; readonly intervalMs?: number; readonly chunkBytes?: number };
}

/** What one enrolment runs: the push/pull client, the long-poll listener, the attachments lane. */
interface Lanes {
  readonly client: SyncClient;
  readonly listener: FeedListener;
  readonly attachments: AttachmentLane | undefined;
}

type Step = 'sync' | 'probe';

/** What the long-running hosts hand the core: the scheduler with the data folder's pages and slips. */
export function openSyncScheduler(store: Store, dataDir: string): SyncScheduler {
  return new SyncScheduler(store, { attachments: { pagesDir: join(dataDir, 'pages'), slipsDir: join(dataDir, 'slips') } });
}

/** See the file comment. */
export class SyncScheduler {
  readonly #store: Store;
  readonly #now: () => Date;
  readonly #random: () => number;
  readonly #deviceName: string;
  readonly #intervalMs: number;
  readonly #debounceMs: number;
  readonly #backoff: BackoffPolicy;
  readonly #offlineAfter: number;
  readonly #probeMs: readonly [number, number];
  readonly #startJitterMs: number;
  readonly #clockWarnMs: number;
  readonly #clientOptions: SyncClientOptions;
  readonly #abort = new AbortController();
  readonly #hub: ClockWatchingFetch;
  readonly #longPollS: number;
  readonly #attachments: SchedulerOptions['attachments'];
  #lanes: Lanes | undefined;
  #enrolment: SyncEnrolment | undefined;
  #started = false;
  #disposed = false;
  #timer: { handle: ReturnType<typeof setTimeout>; at: number; step: Step } | undefined;
  #running: Promise<void> | undefined;
  #laneStart: ReturnType<typeof setTimeout> | undefined;
  #again = false;
  #failures = 0;
  #unreachable = 0;
  #enrolTimer: ReturnType<typeof setTimeout> | undefined;
  #enrolling: Promise<void> | undefined;
  #seenSeq: number;
  #runtime: Omit<SyncRuntime, 'clockOffsetMs' | 'clockWarning' | 'syncing'> = idleSyncRuntime;

  constructor(store: Store, options: SchedulerOptions = {}) {
    this.#store = store;
    this.#now = options.now ?? (() => new Date());
    this.#random = options.random ?? Math.random;
    this.#deviceName = options.deviceName ?? hostname();
    this.#intervalMs = options.intervalMs ?? 60_000;
    this.#debounceMs = options.debounceMs ?? 3_000;
    this.#backoff = options.backoff ?? defaultBackoff;
    this.#offlineAfter = options.offlineAfter ?? 3;
    this.#probeMs = options.probeMs ?? [30_000, 60_000];
    this.#startJitterMs = options.startJitterMs ?? 30_000;
    this.#clockWarnMs = options.clockWarnMs ?? 120_000;
    // Small batches and pages: each is one synchronous SQLite transaction on the core's event
    // loop, and a pulled dossier is merged with its local state, so 100 keeps a stall short
    // (bench: "one store call during it") at the price of more round trips.
    this.#clientOptions = { random: this.#random, now: this.#now, batchSize: 100, pageSize: 100, ...options.client };
    this.#longPollS = options.longPollS ?? MAX_PULL_WAIT_S;
    this.#attachments = options.attachments;
    this.#hub = watchHubClock(options.fetch ?? fetch, this.#now, this.#abort.signal);
    this.#enrolment = store.read(getSyncEnrolment);
    this.#lanes = this.#enrolment && this.#connect(this.#enrolment);
    this.#seenSeq = store.read(newestOutboxSeq);
  }

  /** Lets the scheduler run; the first sync comes after a random share of `startJitterMs`. */
  start(): void {
    if (this.#started || this.#disposed) return;
    this.#started = true;
    if (this.#lanes !== undefined) this.#startLanes(Math.floor(this.#random() * this.#startJitterMs));
    else if (this.#store.read(getSyncProvision)?.state === 'pending') this.#scheduleEnrol(0);
  }

  /** The badge's view. */
  status(): SyncStatusView {
    const offset = this.#hub.offsetMs();
    const wrong = offset !== null && Math.abs(offset) > this.#clockWarnMs;
    const clockWarning = wrong ? describeError('sync.clock-wrong', { minutes: Math.round(Math.abs(offset) / 60_000) }) : null;
    return this.#store.read((db) =>
      readSyncStatus(db, {
        ...this.#runtime,
        syncing: this.#running !== undefined,
        clockOffsetMs: offset,
        clockWarning: clockWarning && { code: clockWarning.code, message: clockWarning.message },
      }),
    );
  }

  /** One attempt now (or the one in progress); the outcome is in the returned status. */
  async syncNow(): Promise<SyncStatusView> {
    if (this.#lanes === undefined) throw new AppError('sync.not-enrolled');
    if (this.#disposed) throw new AppError('sync.unavailable');
    await this.#run();
    // Closed while it ran: the store may be closed too.
    if (this.#disposed) throw new AppError('sync.unavailable');
    return this.status();
  }

  /** Spends the one-time code, stores the credentials in the same step, then syncs if started. */
  async enrol(input: { readonly hubUrl: string; readonly code: string }): Promise<SyncStatusView> {
    if (this.#enrolment !== undefined) throw new AppError('sync.already-enrolled', { hubUrl: this.#enrolment.hubUrl });
    const hubUrl = input.hubUrl.replace(/\/+$/, '');
    const startAfterSeq = this.#store.read(settledOutboxSeq);
    let answer;
    try {
      answer = await enrol(this.#hub.fetch, hubUrl, input.code, this.#deviceName, startAfterSeq);
    } catch (error) {
      throw enrolFailure(error, hubUrl);
    }
    if (this.#disposed) throw new AppError('sync.unavailable');
    const enrolment: SyncEnrolment = { hubUrl, deviceId: answer.deviceId, secret: answer.secret, communeId: answer.communeId, enrolledAt: this.#now().toISOString() };
    this.#store.write((db) => putSyncEnrolment(db, enrolment));
    this.#enrolment = enrolment;
    this.#lanes = this.#connect(enrolment);
    if (this.#started) this.#startLanes(0);
    return this.status();
  }

  /**
   * Enrolment from the provisioning package (issue 12): the PC works from the moment the package
   * is applied; this keeps trying until the hub answers, with the same key pair every time (the
   * hub answers a retry with the same key again), and accepts only an answer signed by the
   * package's hub key. A refused code or signature stops it: the data centre must act.
   */
  #scheduleEnrol(delayMs: number): void {
    if (this.#disposed) return;
    clearTimeout(this.#enrolTimer);
    this.#enrolTimer = setTimeout(() => {
      this.#enrolling = this.#enrolFromPackage().finally(() => (this.#enrolling = undefined));
    }, delayMs);
    this.#enrolTimer.unref?.();
  }

  async #enrolFromPackage(): Promise<void> {
    let provision = this.#store.read(getSyncProvision);
    if (provision === undefined || provision.state !== 'pending' || provision.enrolCode === null || this.#disposed) return;
    if (provision.keys === null) {
      provision = { ...provision, keys: newDeviceKeyPair() };
      const made = provision;
      this.#store.write((db) => putSyncProvision(db, made, this.#now().toISOString()));
    }
    const { hubUrl, enrolCode, keys, hubPublicKey } = provision;
    if (keys === null || enrolCode === null) return;
    const startedAt = this.#now().toISOString();
    this.#runtime = { ...this.#runtime, lastAttemptAt: startedAt };
    try {
      const answer = await enrol(this.#hub.fetch, hubUrl, enrolCode, this.#deviceName, this.#store.read(settledOutboxSeq), { keys, hubPublicKey });
      if (this.#disposed) return;
      const enrolment: SyncEnrolment = { hubUrl, deviceId: answer.deviceId, secret: answer.secret, communeId: answer.communeId, enrolledAt: this.#now().toISOString() };
      const done = { ...provision, state: 'enrolled' as const, enrolCode: null, keys: null, lastError: null };
      this.#store.write((db) => {
        putSyncEnrolment(db, enrolment);
        putSyncProvision(db, done, enrolment.enrolledAt);
      });
      this.#failures = 0;
      this.#unreachable = 0;
      this.#runtime = { ...this.#runtime, lastError: null, offlineSince: null };
      this.#enrolment = enrolment;
      this.#lanes = this.#connect(enrolment);
      if (this.#started) this.#startLanes(0);
    } catch (error) {
      if (this.#disposed) return;
      const refused = error instanceof SyncError && !error.transient;
      const failure = refused ? enrolFailure(error, hubUrl).toApiError() : syncFailure(error, hubUrl);
      const lastError = { code: failure.code, message: failure.message };
      const latest = this.#store.read(getSyncProvision) ?? provision;
      this.#store.write((db) => putSyncProvision(db, { ...latest, state: refused ? 'refused' : 'pending', lastError }, this.#now().toISOString()));
      this.#runtime = { ...this.#runtime, lastError, offlineSince: isUnreachable(error) ? (this.#runtime.offlineSince ?? startedAt) : this.#runtime.offlineSince };
      if (refused) return;
      this.#failures += 1;
      const [, probeMax] = this.#probeMs;
      this.#scheduleEnrol(Math.min(backoffDelay(this.#failures - 1, this.#random, this.#backoff), probeMax));
    }
  }

  /** After an API call: a new outbox row means a push soon (never while offline: the probe decides). */
  noteLocalWrite(): void {
    if (this.#disposed || this.#lanes === undefined) return;
    const newest = this.#store.read(newestOutboxSeq);
    if (newest <= this.#seenSeq) return;
    this.#seenSeq = newest;
    if (this.#started && this.#unreachable < this.#offlineAfter) this.#schedule(this.#debounceMs, 'sync');
  }

  /** Stops for good; resolves once an attempt in flight has unwound (its calls are aborted). */
  async dispose(): Promise<void> {
    this.#disposed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer.handle);
    this.#timer = undefined;
    clearTimeout(this.#laneStart);
    clearTimeout(this.#enrolTimer);
    this.#abort.abort();
    await Promise.all([this.#running, this.#enrolling, this.#lanes?.listener.quiet(), this.#lanes?.attachments?.dispose()]);
  }

  #connect(e: SyncEnrolment): Lanes {
    const creds = { deviceId: e.deviceId, secret: e.secret };
    const client = new SyncClient(this.#store, this.#hub.fetch, e.hubUrl, creds, this.#clientOptions);
    // The listener's own client, whose calls also end when the listener is quieted.
    const listening = new SyncClient(
      this.#store,
      (url, init) => {
        const quiet = listener.signal();
        return this.#hub.fetch(url, quiet === undefined ? init : { ...init, signal: init.signal ? AbortSignal.any([init.signal, quiet]) : quiet });
      },
      e.hubUrl,
      creds,
      this.#clientOptions,
    );
    const listener: FeedListener = new FeedListener(listening, this.#longPollS, () => this.#schedule(0, 'sync'));
    const a = this.#attachments;
    const attachments = a && new AttachmentLane(this.#store, this.#hub.fetch, e.hubUrl, client, { pagesDir: a.pagesDir, slipsDir: a.slipsDir, random: this.#random, now: this.#now, ...(a.chunkBytes === undefined ? {} : { chunkBytes: a.chunkBytes }) });
    return { client, listener, attachments };
  }

  #startLanes(firstSyncInMs: number): void {
    this.#schedule(firstSyncInMs, 'sync');
    const lane = this.#lanes?.attachments;
    if (lane === undefined) return;
    // The files wait as long as the first sync does: a restarted hub is not hit by every PC at once.
    this.#laneStart = setTimeout(() => lane.start(this.#attachments?.intervalMs ?? 30_000), firstSyncInMs);
    this.#laneStart.unref?.();
  }

  /** Keeps the earlier of the pending step and this one; a sync beats a probe. */
  #schedule(delayMs: number, step: Step): void {
    if (this.#disposed) return;
    const at = Date.now() + delayMs;
    const pending = this.#timer;
    if (pending !== undefined) {
      if (pending.at <= at && (pending.step === 'sync' || step === 'probe')) return;
      clearTimeout(pending.handle);
    }
    const handle = setTimeout(() => {
      this.#timer = undefined;
      if (step === 'probe') void this.#probe();
      else void this.#run();
    }, delayMs);
    handle.unref?.();
    this.#timer = { handle, at, step };
  }

  #run(): Promise<void> {
    if (this.#running !== undefined) {
      // Something asked for a sync mid-attempt (a write after the push stage): go again after.
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#attempt().finally(() => {
      this.#running = undefined;
      if (this.#again && !this.#disposed) {
        this.#again = false;
        this.#schedule(0, 'sync');
      }
    });
    return this.#running;
  }

  async #attempt(): Promise<void> {
    const lanes = this.#lanes;
    const hubUrl = this.#enrolment?.hubUrl;
    if (lanes === undefined || hubUrl === undefined || this.#disposed) return;
    await lanes.listener.quiet();
    if (this.#disposed) return;
    const startedAt = this.#now().toISOString();
    this.#runtime = { ...this.#runtime, lastAttemptAt: startedAt };
    try {
      await lanes.client.syncOnce();
      if (this.#disposed) return;
      this.#failures = 0;
      this.#unreachable = 0;
      this.#runtime = { ...this.#runtime, lastSuccessAt: this.#now().toISOString(), offlineSince: null, lastError: null };
      this.#schedule(this.#intervalMs, 'sync');
      if (this.#started) lanes.listener.start();
    } catch (error) {
      if (this.#disposed) return;
      this.#failures += 1;
      const failure = syncFailure(error, hubUrl);
      const lastError = { code: failure.code, message: failure.message };
      if (isUnreachable(error)) {
        this.#unreachable += 1;
        this.#runtime = { ...this.#runtime, lastError, offlineSince: this.#runtime.offlineSince ?? startedAt };
      } else {
        this.#unreachable = 0;
        this.#runtime = { ...this.#runtime, lastError, offlineSince: null };
      }
      if (this.#unreachable >= this.#offlineAfter) this.#schedule(this.#probeDelay(), 'probe');
      else this.#schedule(backoffDelay(this.#failures - 1, this.#random, this.#backoff, error instanceof SyncError ? error.retryAfterMs : undefined), 'sync');
    }
  }

  /** GET /v1/health with a short timeout: the WAN is back when it answers 2xx. */
  async #probe(): Promise<void> {
    const hubUrl = this.#enrolment?.hubUrl;
    if (hubUrl === undefined || this.#disposed) return;
    const up = await this.#hub.fetch(`${hubUrl}/v1/health`, { method: 'GET', signal: AbortSignal.timeout(10_000) }).then(
      async (res) => (await res.arrayBuffer(), res.ok),
      () => false,
    );
    if (this.#disposed) return;
    if (up) void this.#run();
    else this.#schedule(this.#probeDelay(), 'probe');
  }

  #probeDelay(): number {
    const [min, max] = this.#probeMs;
    return min + Math.floor(this.#random() * (max - min));
  }
}
