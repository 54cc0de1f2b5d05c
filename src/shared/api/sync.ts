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
  /** Changes the hub refused for good (shown to the clerk, never retried) that no clerk has marked seen. */
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

// ---- Conflicts with the hub (issue 7c, sync.md §4.6) ----
/** One field, status or account name changed both here and on the hub; the hub's value is shown until someone decides. */
export const SyncConflictView = z.object({
  id: z.string(),
  entity: z.enum(['dossier', 'account']),
  entityId: z.string(),
  kind: z.enum(['field', 'status', 'username']),
  field: z.string().nullable(),
  /** The field's name for the screen, Vietnamese first. */
  fieldLabel: z.object({ vi: z.string(), en: z.string() }),
  /** For a dossier: its code (null for a draft) and applicant, so the clerk knows which one. */
  dossierCode: z.string().nullable(),
  applicantName: z.string().nullable(),
  baseValue: z.unknown(),
  localValue: z.unknown(),
  hubValue: z.unknown(),
  /** Whose value this PC shows now. */
  kept: z.enum(['hub', 'local']),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.enum(['hub', 'local']).nullable(),
});
export type SyncConflictView = z.infer<typeof SyncConflictView>;

export const SyncConflictList = z.object({ items: z.array(SyncConflictView) });

/** Settles a conflict: keep the hub's value, or this PC's (sent to the hub as a new edit). */
export const SyncConflictResolveInput = z
  .object({
    id: z.string().trim().min(1).max(64),
    choice: z.enum(['hub', 'local']),
  })
  .strict();

// ---- Changes the hub refused for good (issue 7, shown on the "Đồng bộ" screen) ----
/** One change this PC sent that the hub refused permanently; kept for audit, marked once seen. */
export const SyncRejectionView = z.object({
  /** The outbox number of the refused change: the row's id. */
  seq: z.number().int().positive(),
  dossierId: z.string(),
  /** Null when the dossier is not on this PC or has no code yet. */
  dossierCode: z.string().nullable(),
  applicantName: z.string().nullable(),
  /** The mutation kind as sent (`dossier.transitioned` …) and its name for the screen. */
  kind: z.string(),
  kindLabel: z.object({ vi: z.string(), en: z.string() }),
  /** The hub's reason: its code and its Vietnamese and English words. */
  code: z.string(),
  message: z.object({ vi: z.string(), en: z.string() }),
  rejectedAt: z.string(),
  seenAt: z.string().nullable(),
});
export type SyncRejectionView = z.infer<typeof SyncRejectionView>;

export const SyncRejectionList = z.object({ items: z.array(SyncRejectionView) });

/** Marks one refusal as seen by the clerk; the row stays. */
export const SyncRejectionAckInput = z.object({ seq: z.number().int().positive() }).strict();
