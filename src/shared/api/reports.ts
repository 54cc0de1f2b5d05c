/**
 * Schema of `report.summary`: the counts a commune leader reports every month (F15, TT 22/2019
 * "Báo cáo thống kê"): dossiers received, resolved on time or late, still pending on time or
 * overdue, by procedure and channel, and the share received online.
 */
import { z } from 'zod';
import { procedureCodeSchema } from '../procedures/procedure';

/** The longest period one report may cover, in days: a calendar year, leap or not. */
export const MAX_REPORT_DAYS = 366;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

export const ReportSummaryInput = z
  .object({
    /** First day of the period (Vietnam calendar), `YYYY-MM-DD`. */
    from: Day,
    /** Day after the period (exclusive): the month of November 2026 is 2026-11-01 to 2026-12-01. */
    to: Day,
    /** Only this procedure; every procedure when omitted. */
    procedureCode: procedureCodeSchema.optional(),
  })
  .strict();

const Count = z.int().nonnegative();

export const ReportCounts = z.object({
  /** Received during the period. */
  received: Count,
  /** Resolved during the period, no later than the due moment (trước hạn or đúng hạn). */
  resolvedOnTime: Count,
  /** Resolved during the period, after the due moment (quá hạn). */
  resolvedLate: Count,
  /** Received and not yet resolved at the end of the period, due moment not passed. */
  pendingOnTime: Count,
  /** Received and not yet resolved at the end of the period, due moment passed. */
  pendingOverdue: Count,
});
export type ReportCounts = z.infer<typeof ReportCounts>;

const Channel = z.enum(['counter', 'online', 'volunteer']);
const ProcedureLabel = { procedureCode: z.string(), procedureName: z.string().nullable() };

export const ReportSummary = z.object({
  from: z.string(),
  to: z.string(),
  procedureCode: z.string().nullable(),
  /** The moment pending dossiers are counted at: the end of the period, or now if that is earlier. */
  asOf: z.string(),
  total: ReportCounts,
  /** Received online over all received, 0–1; null when nothing was received. */
  onlineRatio: z.number().min(0).max(1).nullable(),
  /** Resolved on time over all resolved, 0–1; null when nothing was resolved. */
  onTimeRatio: z.number().min(0).max(1).nullable(),
  byChannel: z.array(ReportCounts.extend({ channel: Channel })),
  byProcedure: z.array(ReportCounts.extend(ProcedureLabel)),
  /** One row per procedure and channel that has any count. */
  rows: z.array(ReportCounts.extend({ ...ProcedureLabel, channel: Channel })),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

// ---- Audit of reads (issue 13) ----
/** How a dossier was read: opened, a page shown, a slip shown, a paper exported. */
export const ReadActionSchema = z.enum(['view', 'view-page', 'view-slip', 'export']);

/** Who read one dossier, newest first: a leader's "who looked at this dossier". */
export const DossierReaders = z.array(
  z.object({ at: z.string(), username: z.string().nullable(), displayName: z.string().nullable(), action: ReadActionSchema }),
);

export const UnusualAccessInput = z
  .object({
    from: Day,
    to: Day,
    /** More distinct dossiers than this in one hour is unusual; 50 when omitted. */
    threshold: z.int().min(1).max(10_000).optional(),
  })
  .strict();

/** Officers who read more than `threshold` dossiers within one hour of the period, with that hour. */
export const UnusualAccess = z.object({
  threshold: z.int(),
  rows: z.array(z.object({ username: z.string().nullable(), displayName: z.string().nullable(), from: z.string(), dossiers: z.int().nonnegative() })),
});

/** A data subject's request: everything held about one personal ID number (12 digits, spaces allowed). */
export const SubjectExportInput = z.object({ idNumber: z.string().trim().min(1).max(40) }).strict();
export const SubjectExport = z.object({
  idNumber: z.string(),
  generatedAt: z.string(),
  count: z.int().nonnegative(),
  dossiers: z.array(z.record(z.string(), z.unknown())),
});
