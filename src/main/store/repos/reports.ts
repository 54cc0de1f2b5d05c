/**
 * Aggregates for the period report (báo cáo thống kê): dossiers received, resolved on time or
 * late, and pending at a moment, grouped by procedure and channel. Each count is a range over
 * one index (received_at, resolved_at, or status for what is still open), so a monthly report
 * reads that month's dossiers and the open ones, never years of returned files. Which statuses
 * count as open, stopped or resolved is the caller's: the state machine in src/shared decides.
 * Instants are ISO UTC text; ranges are [from, to).
 */
import type { ReadDb } from '../db';
import { prepared, toJson } from '../statements';
import type { DossierChannel } from './dossiers';

/** One procedure and channel. */
export interface ReportGroup {
  readonly procedureCode: string;
  readonly channel: DossierChannel;
}

export interface ReceivedCount extends ReportGroup {
  readonly received: number;
}

export interface ResolvedCount extends ReportGroup {
  readonly onTime: number;
  readonly late: number;
}

export interface PendingCount extends ReportGroup {
  readonly onTime: number;
  readonly overdue: number;
}

interface Scope {
  /** Only this procedure; all when omitted. */
  readonly procedureCode?: string;
}

export interface ReceivedQuery extends Scope {
  readonly from: string;
  readonly to: string;
  /** Statuses that were never really received (refused at intake). */
  readonly excludedStatuses: readonly string[];
}

export interface ResolvedQuery extends Scope {
  readonly from: string;
  readonly to: string;
  /** Statuses that carry a result (resolved, returned). */
  readonly resolvedStatuses: readonly string[];
}

export interface PendingQuery extends Scope {
  /** The moment the backlog is counted at. */
  readonly asOf: string;
  /** Statuses of a dossier still being worked on (no result yet). */
  readonly openStatuses: readonly string[];
  /** Open statuses whose clock is stopped (waiting for the citizen): never counted overdue. */
  readonly stoppedStatuses: readonly string[];
}

// INDEXED BY pins each plan to its range: the planner cannot size a JSON status list, and on a
// skewed table it may otherwise walk the status index for a date range, or the reverse.
const RECEIVED = `SELECT procedure_code, channel, count(*) AS received
  FROM dossiers INDEXED BY dossiers_received
  WHERE received_at >= @from AND received_at < @to
    AND status NOT IN (SELECT value FROM json_each(@excluded))
    AND (@procedure IS NULL OR procedure_code = @procedure)
  GROUP BY procedure_code, channel ORDER BY procedure_code, channel`;

// A result without a due moment (an "immediate" procedure) is on time by definition.
const RESOLVED = `SELECT procedure_code, channel,
    coalesce(sum(due_at IS NULL OR resolved_at <= due_at), 0) AS on_time,
    coalesce(sum(due_at IS NOT NULL AND resolved_at > due_at), 0) AS late
  FROM dossiers INDEXED BY dossiers_resolved
  WHERE resolved_at >= @from AND resolved_at < @to
    AND status IN (SELECT value FROM json_each(@resolved))
    AND (@procedure IS NULL OR procedure_code = @procedure)
  GROUP BY procedure_code, channel ORDER BY procedure_code, channel`;

// Pending at @as_of: still open now (no result yet), or resolved only after @as_of. A dossier
// rejected or withdrawn after @as_of is not counted: those statuses record no end time here.
const PENDING = `SELECT procedure_code, channel, count(*) - coalesce(sum(overdue), 0) AS on_time, coalesce(sum(overdue), 0) AS overdue
  FROM (
    SELECT procedure_code, channel,
        (due_at < @as_of AND status NOT IN (SELECT value FROM json_each(@stopped))) AS overdue
      FROM dossiers INDEXED BY dossiers_queue
      WHERE status IN (SELECT value FROM json_each(@open)) AND resolved_at IS NULL AND received_at < @as_of
        AND (@procedure IS NULL OR procedure_code = @procedure)
    UNION ALL
    SELECT procedure_code, channel, (due_at < @as_of) AS overdue
      FROM dossiers INDEXED BY dossiers_resolved
      WHERE resolved_at >= @as_of AND received_at < @as_of
        AND (@procedure IS NULL OR procedure_code = @procedure)
  )
  GROUP BY procedure_code, channel ORDER BY procedure_code, channel`;

interface GroupRow {
  readonly procedure_code: string;
  readonly channel: DossierChannel;
}

const procedureParam = (scope: Scope): string | null => scope.procedureCode ?? null;

/** Dossiers received in [from, to), by procedure and channel. */
export function countReceived(db: ReadDb, query: ReceivedQuery): ReceivedCount[] {
  const rows = prepared(db, RECEIVED).all({ from: query.from, to: query.to, excluded: toJson(query.excludedStatuses), procedure: procedureParam(query) }) as (GroupRow & {
    received: number;
  })[];
  return rows.map((r) => ({ procedureCode: r.procedure_code, channel: r.channel, received: r.received }));
}

/** Dossiers resolved in [from, to), on time (resolved_at ≤ due_at) or late, by procedure and channel. */
export function countResolved(db: ReadDb, query: ResolvedQuery): ResolvedCount[] {
  const rows = prepared(db, RESOLVED).all({ from: query.from, to: query.to, resolved: toJson(query.resolvedStatuses), procedure: procedureParam(query) }) as (GroupRow & {
    on_time: number;
    late: number;
  })[];
  return rows.map((r) => ({ procedureCode: r.procedure_code, channel: r.channel, onTime: r.on_time, late: r.late }));
}

/** Dossiers received before `asOf` and without a result at `asOf`, on time or overdue then. */
export function countPending(db: ReadDb, query: PendingQuery): PendingCount[] {
  const rows = prepared(db, PENDING).all({
    as_of: query.asOf,
    open: toJson(query.openStatuses),
    stopped: toJson(query.stoppedStatuses),
    procedure: procedureParam(query),
  }) as (GroupRow & { on_time: number; overdue: number })[];
  return rows.map((r) => ({ procedureCode: r.procedure_code, channel: r.channel, onTime: r.on_time, overdue: r.overdue }));
}
