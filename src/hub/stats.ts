/**
 * City-wide statistics per commune for a period (the city's monthly and quarterly reports): how
 * many dossiers were received, resolved on time or late, are still pending or overdue at the end
 * of the period, and what share arrived online. Read from the dossier snapshots the hub holds, in
 * one statement within PostgreSQL 15. Days are Vietnam's (UTC+7, no daylight saving).
 */
import { terminalStatuses } from '../shared/dossier/states';
import { num, type Queryable } from './db/db';

/** One commune's row. */
export interface CommuneStats {
  readonly communeId: string;
  readonly name: string;
  readonly received: number;
  readonly receivedOnline: number;
  readonly resolvedOnTime: number;
  readonly resolvedLate: number;
  /** Received before the end of the period and without a result by then. */
  readonly pending: number;
  /** Of those, past their due moment at the end of the period (or now, if earlier). */
  readonly overdue: number;
  /** receivedOnline / received, or null when nothing was received. */
  readonly onlineRatio: number | null;
}

/** Statuses that end a dossier without a result (refused, rejected, withdrawn …): never pending. */
const closedWithoutResult = terminalStatuses.filter((s) => s !== 'returned');

/** The start of `day` (YYYY-MM-DD) in Vietnam, as an ISO instant. */
const vnStart = (day: string): string => new Date(`${day}T00:00:00+07:00`).toISOString();

/** The statistics for days `from`..`to` inclusive, every commune listed (zeros included). */
export async function cityStats(db: Queryable, from: string, to: string): Promise<CommuneStats[]> {
  const end = new Date(Date.parse(vnStart(to)) + 86_400_000).toISOString();
  // A snapshot's instant is trusted only when it looks like one: a malformed value counts as absent.
  const instant = (field: string): string => `CASE WHEN snapshot->>'${field}' ~ '^\\d{4}-\\d{2}-\\d{2}T' THEN (snapshot->>'${field}')::timestamptz END`;
  const rows = await db.query(
    `WITH d AS (
       SELECT commune_id, status, snapshot->>'channel' AS channel,
              ${instant('receivedAt')} AS received_at, ${instant('dueAt')} AS due_at, ${instant('resolvedAt')} AS resolved_at
         FROM dossiers
     ), f AS (
       SELECT d.*,
              received_at >= $1::timestamptz AND received_at < $2::timestamptz AS received_in,
              resolved_at >= $1::timestamptz AND resolved_at < $2::timestamptz AS resolved_in,
              received_at < $2::timestamptz AND (resolved_at IS NULL OR resolved_at >= $2::timestamptz) AND status <> ALL($3::text[]) AS open_at_end
         FROM d
     )
     SELECT c.id, c.name,
            count(f.commune_id) FILTER (WHERE f.received_in) AS received,
            count(f.commune_id) FILTER (WHERE f.received_in AND f.channel = 'online') AS received_online,
            count(f.commune_id) FILTER (WHERE f.resolved_in AND (f.due_at IS NULL OR f.resolved_at <= f.due_at)) AS resolved_on_time,
            count(f.commune_id) FILTER (WHERE f.resolved_in AND f.resolved_at > f.due_at) AS resolved_late,
            count(f.commune_id) FILTER (WHERE f.open_at_end) AS pending,
            count(f.commune_id) FILTER (WHERE f.open_at_end AND f.due_at < LEAST($2::timestamptz, now())) AS overdue
       FROM communes c
       LEFT JOIN f ON f.commune_id = c.id
      GROUP BY c.id, c.name
      ORDER BY c.id`,
    [vnStart(from), end, closedWithoutResult],
  );
  return rows.map((r) => {
    const received = num(r.received);
    const receivedOnline = num(r.received_online);
    return {
      communeId: String(r.id),
      name: String(r.name),
      received,
      receivedOnline,
      resolvedOnTime: num(r.resolved_on_time),
      resolvedLate: num(r.resolved_late),
      pending: num(r.pending),
      overdue: num(r.overdue),
      onlineRatio: received === 0 ? null : receivedOnline / received,
    };
  });
}
