import type { Migration } from './index';

/*
 * Conflicts between this PC and the hub (sync.md §4.6), and the merge base for dossiers.
 * - `sync_conflicts`: one row per field (or status, or account name) changed on both sides; the
 *   hub's value is kept provisionally (`kept`), both values are recorded, and a clerk or leader
 *   settles it (`resolution`). Never decided by a clock.
 * - `sync_dossier_bases`: the hub's snapshot of a dossier as last applied here whole, the common
 *   ancestor of local edits not yet sent. `as_of_seq` is the outbox seq at that moment, so the push
 *   can tell which local snapshot the hub has seen last.
 * Local to the PC, never synced. Self-contained: no app imports.
 */
const UTC = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'";

export const m0070SyncConflicts: Migration = {
  version: 70,
  name: 'sync-conflicts',
  up(db) {
    db.exec(`
      CREATE TABLE sync_conflicts (
        id           TEXT PRIMARY KEY,
        entity       TEXT NOT NULL CHECK (entity IN ('dossier', 'account')),
        entity_id    TEXT NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('field', 'status', 'username')),
        field        TEXT,
        base_value   TEXT CHECK (base_value IS NULL OR json_valid(base_value)),
        local_value  TEXT CHECK (local_value IS NULL OR json_valid(local_value)),
        hub_value    TEXT CHECK (hub_value IS NULL OR json_valid(hub_value)),
        kept         TEXT NOT NULL CHECK (kept IN ('hub', 'local')),
        created_at   TEXT NOT NULL CHECK (created_at ${UTC}),
        resolved_at  TEXT CHECK (resolved_at IS NULL OR resolved_at ${UTC}),
        resolution   TEXT CHECK (resolution IS NULL OR resolution IN ('hub', 'local')),
        resolved_by  TEXT,
        CHECK ((resolved_at IS NULL) = (resolution IS NULL))
      ) STRICT;
      CREATE INDEX sync_conflicts_open ON sync_conflicts (created_at) WHERE resolved_at IS NULL;
      CREATE INDEX sync_conflicts_entity ON sync_conflicts (entity_id);

      CREATE TABLE sync_dossier_bases (
        dossier_id  TEXT PRIMARY KEY,
        snapshot    TEXT NOT NULL CHECK (json_valid(snapshot)),
        as_of_seq   INTEGER NOT NULL CHECK (as_of_seq >= 0),
        updated_at  TEXT NOT NULL CHECK (updated_at ${UTC})
      ) STRICT;
    `);
  },
};
