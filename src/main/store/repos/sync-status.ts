/**
 * The status badge's view (`sync.status`), read from the store and completed with what only the
 * running scheduler knows (last attempt, offline since, last error, clock offset). One reader, so
 * a core that does not run sync (the CLI) answers with the same numbers as one that does.
 */
import type { SyncStatusView } from '../../../shared/api/sync';
import type { ReadDb } from '../db';
import { countAttachmentsWaiting } from './attachment-queue';
import { countUnsentOutbox } from './outbox';
import { countOpenSyncConflicts } from './sync-conflicts';
import { countSyncRejections } from './sync-rejections';
import { getSyncEnrolment } from './sync-enrolment';

/** The scheduler's in-memory part of the view. */
export interface SyncRuntime {
  readonly syncing: boolean;
  readonly lastAttemptAt: string | null;
  readonly lastSuccessAt: string | null;
  readonly offlineSince: string | null;
  readonly lastError: SyncStatusView['lastError'];
  readonly clockOffsetMs: number | null;
  readonly clockWarning: SyncStatusView['clockWarning'];
}

/** Before any attempt in this process. */
export const idleSyncRuntime: SyncRuntime = {
  syncing: false,
  lastAttemptAt: null,
  lastSuccessAt: null,
  offlineSince: null,
  lastError: null,
  clockOffsetMs: null,
  clockWarning: null,
};

/** The badge's view: counts from the store, times and errors from `runtime`. */
export function readSyncStatus(db: ReadDb, runtime: SyncRuntime = idleSyncRuntime): SyncStatusView {
  const enrolment = getSyncEnrolment(db);
  const waiting = countUnsentOutbox(db);
  const view = {
    enrolled: enrolment !== undefined,
    hubUrl: enrolment?.hubUrl ?? null,
    waiting,
    attachmentsWaiting: countAttachmentsWaiting(db),
    rejected: countSyncRejections(db),
    conflicts: countOpenSyncConflicts(db),
    lastSuccessAt: runtime.lastSuccessAt,
    lastAttemptAt: runtime.lastAttemptAt,
    offlineSince: runtime.offlineSince,
    lastError: runtime.lastError,
    clockOffsetMs: runtime.clockOffsetMs,
    clockWarning: runtime.clockWarning,
  };
  return { ...view, state: stateOf(view.enrolled, waiting + view.attachmentsWaiting, runtime) };
}

function stateOf(enrolled: boolean, pending: number, runtime: SyncRuntime): SyncStatusView['state'] {
  if (!enrolled) return 'not-enrolled';
  if (runtime.syncing) return 'syncing';
  if (runtime.offlineSince !== null) return 'offline';
  if (runtime.lastError !== null) return 'error';
  if (pending > 0 || runtime.lastSuccessAt === null) return 'waiting';
  return 'synced';
}
