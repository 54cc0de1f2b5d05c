/**
 * What the core needs from the sync scheduler. Services may not import `src/sync` (lint zones),
 * so the scheduler is handed in by the host through `CoreContext.sync` and meets this interface
 * structurally; a core without one (the CLI) still answers `sync.status` from the store.
 */
import type { SyncStatusView } from '../../../shared/api/sync';
import type { Store } from '../../store/db';

export interface SyncEngine {
  /** The badge's view; cheap (a few counts). */
  status(): SyncStatusView;
  /** Runs one attempt now (or joins the one in progress) and answers with the status after it. */
  syncNow(): Promise<SyncStatusView>;
  /** Called after every successful API call: a new outbox row schedules a push a few seconds later. */
  noteLocalWrite(): void;
  /** Lets the scheduler run in the background (long-running hosts only). */
  start(): void;
  /** Stops timers and aborts calls in flight; safe to call before the store closes. */
  dispose(): Promise<void>;
}

/** Builds the engine over the core's store; `dataDir` holds the page and slip files it sends. */
export type SyncEngineFactory = (store: Store, dataDir: string) => SyncEngine;
