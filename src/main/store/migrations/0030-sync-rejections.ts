import type { Migration } from './index';

/*
 * Mutations the hub refused for good (sync.md §4.4 step 3): the outbox row is settled and
 * marked sent, and the refusal is kept here with the hub's words, so it is shown to the clerk
 * instead of disappearing. Local to the PC (never synced). Self-contained: no app imports.
 */
export const m0030SyncRejections: Migration = {
  version: 30,
  name: 'sync-rejections',
  up(db) {
    db.exec(`
      CREATE TABLE sync_rejections (
        seq          INTEGER PRIMARY KEY,
        entity_id    TEXT NOT NULL,
        kind         TEXT NOT NULL,
        code         TEXT NOT NULL,
        message_vi   TEXT NOT NULL,
        message_en   TEXT NOT NULL,
        rejected_at  TEXT NOT NULL CHECK (rejected_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'),
        seen_at      TEXT
      ) STRICT;
      CREATE INDEX sync_rejections_entity ON sync_rejections (entity_id);
    `);
  },
};
