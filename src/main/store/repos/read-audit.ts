/**
 * Reads of personal data (issue 13): who looked at a dossier, searches by kind, and the
 * heaviest readers per hour for the unusual-access report. The reads of one dossier are its
 * `dossier_events` with a read action; searches are `access_log` rows.
 */
import type { ReadDb, WriteDb } from '../db';
import { prepared, toJson } from '../statements';

/** The event actions that are reads of a dossier's personal data. */
export const readActions = ['view', 'view-page', 'view-slip', 'export'] as const;
export type ReadAction = (typeof readActions)[number];

export interface DossierReader {
  readonly at: string;
  readonly actorId: string | null;
  readonly displayName: string | null;
  readonly username: string | null;
  readonly action: ReadAction;
}

/** Every read of one dossier, newest first (at most `limit`). */
export function listDossierReads(db: ReadDb, dossierId: string, limit: number): DossierReader[] {
  return (
    prepared(
      db,
      `SELECT e.at, e.actor_id AS actorId, u.display_name AS displayName, u.username, e.action
         FROM dossier_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.dossier_id = ? AND e.action IN ('view', 'view-page', 'view-slip', 'export')
        ORDER BY e.at DESC, e.id DESC LIMIT ?`,
    ).all(dossierId, limit) as DossierReader[]
  );
}

export function recordSearch(db: WriteDb, entry: { readonly id: string; readonly at: string; readonly actorId: string; readonly route: string }): void {
  prepared(db, "INSERT INTO access_log (id, at, actor_id, kind, detail) VALUES (?, ?, ?, 'search', ?)").run(entry.id, entry.at, entry.actorId, toJson({ by: entry.route }));
}

export function countSearches(db: ReadDb, actorId: string): number {
  return (prepared(db, "SELECT count(*) AS n FROM access_log WHERE actor_id = ? AND kind = 'search'").get(actorId) as { n: number }).n;
}

export interface BusyHour {
  readonly actorId: string;
  readonly displayName: string | null;
  readonly username: string | null;
  /** The first read of the busiest hour. */
  readonly from: string;
  /** Distinct dossiers read in the hour that starts at `from`. */
  readonly dossiers: number;
}

/**
 * For each officer who read more than `threshold` distinct dossiers within some hour of
 * [fromIso, toIso): that busiest hour, heaviest first. An hour starts at one of the officer's own
 * reads, so no window between two reads is missed.
 */
export function listBusyReaders(db: ReadDb, fromIso: string, toIso: string, threshold: number): BusyHour[] {
  return prepared(
    db,
    `WITH reads AS (
        SELECT actor_id, dossier_id, at FROM dossier_events INDEXED BY dossier_events_reads
         WHERE action IN ('view', 'view-page', 'view-slip', 'export') AND actor_id IS NOT NULL AND at >= ? AND at < ?
      ), windows AS (
        SELECT s.actor_id, s.at AS start,
               (SELECT count(DISTINCT r.dossier_id) FROM reads r
                 WHERE r.actor_id = s.actor_id AND r.at >= s.at
                   AND r.at < strftime('%Y-%m-%dT%H:%M:%fZ', s.at, '+1 hour')) AS n
          FROM reads s
      ), best AS (
        SELECT actor_id, start, n, row_number() OVER (PARTITION BY actor_id ORDER BY n DESC, start) AS k FROM windows WHERE n > ?
      )
      SELECT b.actor_id AS actorId, u.display_name AS displayName, u.username, b.start AS "from", b.n AS dossiers
        FROM best b LEFT JOIN users u ON u.id = b.actor_id
       WHERE b.k = 1 ORDER BY b.n DESC, b.actor_id`,
  ).all(fromIso, toIso, threshold) as BusyHour[];
}

/**
 * Ids of every dossier that names this personal ID number, as applicant or anywhere in its form
 * (a parent, a deceased person…): a data subject's request (issue 13). The form part reads every
 * row; such a request is rare and is answered once.
 */
export function listDossierIdsNaming(db: ReadDb, idNumber: string): string[] {
  return (
    prepared(
      db,
      `SELECT id FROM dossiers WHERE applicant_id_number = @id
        OR EXISTS (SELECT 1 FROM json_tree(dossiers.form) t WHERE t.type = 'text' AND replace(t.value, ' ', '') = @id)
        ORDER BY rid`,
    ).pluck().all({ id: idNumber }) as string[]
  );
}
