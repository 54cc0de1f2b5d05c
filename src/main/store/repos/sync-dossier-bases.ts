/**
 * The merge base of each dossier (sync.md §4.6): the hub's snapshot as last applied here whole.
 * Local edits made after it are merged against it, on this PC when a pull meets them and on the
 * hub when they are pushed. Local to the PC.
 */
import type { ReadDb, WriteDb } from '../db';
import { fromJson, prepared, toJson } from '../statements';

export interface DossierBase {
  readonly snapshot: Readonly<Record<string, unknown>>;
  /** The highest outbox seq when the base was taken: later local snapshots are newer than it. */
  readonly asOfSeq: number;
}

export function getDossierBase(db: ReadDb, dossierId: string): DossierBase | undefined {
  const row = prepared(db, 'SELECT snapshot, as_of_seq FROM sync_dossier_bases WHERE dossier_id = ?').get(dossierId) as { snapshot: string; as_of_seq: number } | undefined;
  return row === undefined ? undefined : { snapshot: fromJson(row.snapshot) as Record<string, unknown>, asOfSeq: row.as_of_seq };
}

/** Records the hub's snapshot as the base, stamped with the outbox's current highest seq. */
export function putDossierBase(db: WriteDb, dossierId: string, snapshot: Readonly<Record<string, unknown>>, now: string): void {
  prepared(
    db,
    `INSERT INTO sync_dossier_bases (dossier_id, snapshot, as_of_seq, updated_at)
     VALUES (?, ?, (SELECT coalesce(max(seq), 0) FROM outbox), ?)
     ON CONFLICT (dossier_id) DO UPDATE SET snapshot = excluded.snapshot, as_of_seq = excluded.as_of_seq, updated_at = excluded.updated_at`,
  ).run(dossierId, toJson(snapshot), now);
}
