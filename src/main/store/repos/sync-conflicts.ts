/**
 * Conflicts between this PC and the hub (sync.md §4.6): recorded when a pulled row meets local
 * changes not yet sent, listed for the clerk, and settled by a person. Local to the PC.
 */
import type { ReadDb, WriteDb } from '../db';
import { fromJson, prepared, toJson } from '../statements';

export type ConflictEntity = 'dossier' | 'account';
export type ConflictKind = 'field' | 'status' | 'username';
export type ConflictSide = 'hub' | 'local';

/** A conflict to record. */
export interface NewSyncConflict {
  readonly id: string;
  readonly entity: ConflictEntity;
  readonly entityId: string;
  readonly kind: ConflictKind;
  readonly field: string | null;
  readonly baseValue: unknown;
  readonly localValue: unknown;
  readonly hubValue: unknown;
  /** Whose value the PC shows until a person decides. */
  readonly kept: ConflictSide;
  readonly createdAt: string;
}

/** A conflict as stored. */
export interface StoredSyncConflict extends NewSyncConflict {
  readonly resolvedAt: string | null;
  readonly resolution: ConflictSide | null;
  readonly resolvedBy: string | null;
}

interface Row {
  readonly id: string;
  readonly entity: ConflictEntity;
  readonly entity_id: string;
  readonly kind: ConflictKind;
  readonly field: string | null;
  readonly base_value: string | null;
  readonly local_value: string | null;
  readonly hub_value: string | null;
  readonly kept: ConflictSide;
  readonly created_at: string;
  readonly resolved_at: string | null;
  readonly resolution: ConflictSide | null;
  readonly resolved_by: string | null;
}

const value = (text: string | null): unknown => (text === null ? null : fromJson(text));

const fromRow = (r: Row): StoredSyncConflict => ({
  id: r.id,
  entity: r.entity,
  entityId: r.entity_id,
  kind: r.kind,
  field: r.field,
  baseValue: value(r.base_value),
  localValue: value(r.local_value),
  hubValue: value(r.hub_value),
  kept: r.kept,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
  resolution: r.resolution,
  resolvedBy: r.resolved_by,
});

/**
 * Records a conflict. An open conflict on the same entity and field is replaced (the newest
 * values are what a person must compare), so a dossier pulled twice does not list it twice.
 */
export function recordSyncConflict(db: WriteDb, c: NewSyncConflict): void {
  prepared(db, 'DELETE FROM sync_conflicts WHERE entity = ? AND entity_id = ? AND kind = ? AND field IS ? AND resolved_at IS NULL').run(c.entity, c.entityId, c.kind, c.field);
  prepared(
    db,
    `INSERT INTO sync_conflicts (id, entity, entity_id, kind, field, base_value, local_value, hub_value, kept, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.id, c.entity, c.entityId, c.kind, c.field, toJson(c.baseValue ?? null), toJson(c.localValue ?? null), toJson(c.hubValue ?? null), c.kept, c.createdAt);
}

/** Open conflicts, oldest first (at most `limit`). */
export function listOpenSyncConflicts(db: ReadDb, limit = 500): StoredSyncConflict[] {
  return (prepared(db, 'SELECT * FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY created_at, id LIMIT ?').all(limit) as Row[]).map(fromRow);
}

/** How many are open (the status badge). */
export function countOpenSyncConflicts(db: ReadDb): number {
  return (prepared(db, 'SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL').get() as { n: number }).n;
}

export function getSyncConflict(db: ReadDb, id: string): StoredSyncConflict | undefined {
  const row = prepared(db, 'SELECT * FROM sync_conflicts WHERE id = ?').get(id) as Row | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** Settles an open conflict; false if it is unknown or already settled. */
export function resolveSyncConflict(db: WriteDb, id: string, resolution: ConflictSide, resolvedBy: string, resolvedAt: string): boolean {
  return (
    prepared(db, 'UPDATE sync_conflicts SET resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ? AND resolved_at IS NULL').run(resolution, resolvedBy, resolvedAt, id).changes === 1
  );
}
