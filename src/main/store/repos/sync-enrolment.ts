/**
 * This PC's enrolment with the city hub (hub address, device id and secret), kept in sync_state
 * beside the pull cursor so a settings reset cannot unenrol the PC. The secret is stored as the
 * hub issued it: the OS key store is not wired yet (docs/architecture.md, Sync).
 */
import { z } from 'zod';
import type { ReadDb, WriteDb } from '../db';
import { prepared } from '../statements';
import { getSyncState, putSyncState } from './sync-state';

const KEY = 'enrolment';

const enrolmentSchema = z.object({
  hubUrl: z.string(),
  deviceId: z.string(),
  secret: z.string(),
  communeId: z.string(),
  enrolledAt: z.string(),
});
export type SyncEnrolment = z.infer<typeof enrolmentSchema>;

/** The enrolment, or undefined before it (or if the stored value is unreadable). */
export function getSyncEnrolment(db: ReadDb): SyncEnrolment | undefined {
  const parsed = enrolmentSchema.safeParse(getSyncState(db, KEY));
  return parsed.success ? parsed.data : undefined;
}

/** Stores the enrolment; written once, after the hub has answered with the device's secret. */
export function putSyncEnrolment(db: WriteDb, enrolment: SyncEnrolment): void {
  putSyncState(db, KEY, enrolment, enrolment.enrolledAt);
}

/**
 * The highest outbox seq already settled by a hub (0 for a fresh PC): a PC enrolling tells the
 * hub to expect the seq after it, so a re-enrolled PC's numbering stays gap-free.
 */
export function settledOutboxSeq(db: ReadDb): number {
  return (prepared(db, 'SELECT coalesce(max(seq), 0) AS n FROM outbox WHERE sent_at IS NOT NULL').get() as { n: number }).n;
}
