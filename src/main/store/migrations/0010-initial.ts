import type { Migration } from './index';

/**
 * The first schema: settings (commune, device) and the dossier table that later migrations
 * extend additively. Identifiers are UUIDv7 text; times are ISO 8601 strings with offset.
 */
export const m0010Initial: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE dossiers (
        id                TEXT PRIMARY KEY,
        code              TEXT NOT NULL UNIQUE,
        procedure_code    TEXT NOT NULL,
        procedure_version TEXT NOT NULL,
        status            TEXT NOT NULL,
        received_at       TEXT,
        due_at            TEXT,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX dossiers_status_due ON dossiers (status, due_at);
    `);
  },
};
