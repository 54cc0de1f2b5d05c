/**
 * Calls about the link to the city hub: the status badge, enrolment of this PC, "sync now" and
 * the conflicts and refusals a clerk must see. The scheduler in `src/sync` fills them.
 */
import { z } from 'zod';

/** What the status bar shows: one word for the badge, and the numbers behind it. */
export const SyncState = z.enum(['not-enrolled', 'synced', 'waiting', 'syncing', 'offline', 'error']);

export const SyncStatusView = z.object({
  state: SyncState,
  enrolled: z.boolean(),
  /** The hub this PC is enrolled with; null before enrolment. */
  hubUrl: z.string().nullable(),
  /** Changes made here that the hub has not confirmed yet. */
  waiting: z.number().int().nonnegative(),
  /** Scanned pages and slips waiting in the attachments lane. */
  attachmentsWaiting: z.number().int().nonnegative(),
  /** Changes the hub refused for good (shown to the clerk, never retried). */
  rejected: z.number().int().nonnegative(),
  /** Conflicts recorded and not yet acknowledged. */
  conflicts: z.number().int().nonnegative(),
  /** ISO moments; null when it never happened. */
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  /** Set while the hub is unreachable: when the link was first found down. */
  offlineSince: z.string().nullable(),
  /** The last failure as a catalogue error code with its Vietnamese and English message. */
  lastError: z.object({ code: z.string(), message: z.object({ vi: z.string(), en: z.string() }) }).nullable(),
  /** Hub clock minus this PC's clock, from the hub's Date header at the last contact (sync.md §4.10). */
  clockOffsetMs: z.number().int().nullable().default(null),
  /** Set when that offset is beyond a few minutes: a catalogue code (`sync.clock-wrong`) and its message. */
  clockWarning: z.object({ code: z.string(), message: z.object({ vi: z.string(), en: z.string() }) }).nullable().default(null),
});
export type SyncStatusView = z.infer<typeof SyncStatusView>;

/** Enrols this PC with the hub using the one-time code the data centre gave for this commune. */
export const SyncEnrolInput = z
  .object({
    hubUrl: z.string().trim().url().max(300),
    code: z.string().trim().min(4).max(64),
  })
  .strict();
