/**
 * The dossier's history (nhật ký xử lý): who did what, when, from which status to which, with
 * a note. Append-only: SQLite triggers refuse UPDATE and DELETE, so the audit trail survives
 * even a buggy use case. Reads of personal data are events too (action 'view', DESIGN §7).
 */
import type { ReadDb, WriteDb } from '../db';
import { fromJson, prepared, toJson } from '../statements';

export interface NewDossierEvent {
  /** UUIDv7; orders events that share a millisecond. */
  readonly id: string;
  readonly dossierId: string;
  readonly at: string;
  /** The officer; null when the hub or the system acted. */
  readonly actorId: string | null;
  /** What happened: a transition name, 'view', 'print', 'edit'… */
  readonly action: string;
  readonly fromStatus?: string | null;
  readonly toStatus?: string | null;
  readonly note?: string | null;
  /** Details the action needs (e.g. which slip was printed); callers validate their shape. */
  readonly data?: unknown;
}

export interface StoredDossierEvent {
  readonly id: string;
  readonly dossierId: string;
  readonly at: string;
  readonly actorId: string | null;
  readonly action: string;
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly note: string | null;
  readonly data: unknown;
}

export interface DossierEventRow {
  readonly id: string;
  readonly dossier_id: string;
  readonly at: string;
  readonly actor_id: string | null;
  readonly action: string;
  readonly from_status: string | null;
  readonly to_status: string | null;
  readonly note: string | null;
  readonly data: string;
}

function toRow(e: NewDossierEvent): DossierEventRow {
  return {
    id: e.id,
    dossier_id: e.dossierId,
    at: e.at,
    actor_id: e.actorId,
    action: e.action,
    from_status: e.fromStatus ?? null,
    to_status: e.toStatus ?? null,
    note: e.note ?? null,
    data: toJson(e.data ?? {}),
  };
}

function fromRow(r: DossierEventRow): StoredDossierEvent {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    note: r.note,
    data: fromJson(r.data),
  };
}

const INSERT = `INSERT INTO dossier_events (id, dossier_id, at, actor_id, action, from_status, to_status, note, data)
  VALUES (@id, @dossier_id, @at, @actor_id, @action, @from_status, @to_status, @note, @data)`;

/** Adds one event; the dossier must exist (foreign key). */
export function appendDossierEvent(db: WriteDb, event: NewDossierEvent): void {
  prepared(db, INSERT).run(toRow(event));
}

/** The dossier's history, oldest first; events of one millisecond keep the order they were appended in (a UUIDv7's random tail would shuffle them). */
export function listDossierEvents(db: ReadDb, dossierId: string): StoredDossierEvent[] {
  const rows = prepared(db, 'SELECT * FROM dossier_events WHERE dossier_id = ? ORDER BY at, rowid').all(dossierId) as DossierEventRow[];
  return rows.map(fromRow);
}

/** How many events the PC holds, for every dossier (support statistics, tests). */
export function countDossierEvents(db: ReadDb): number {
  return (prepared(db, 'SELECT count(*) AS n FROM dossier_events').get() as { n: number }).n;
}
