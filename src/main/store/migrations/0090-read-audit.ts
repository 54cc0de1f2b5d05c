import type { Migration } from './index';

/*
 * Audit of reads (issue 13). Reads of one dossier (opening it, a page image, a kept slip, an
 * export) are `dossier_events` rows already; the index below serves "who read the most dossiers
 * in an hour". Searches name no dossier: `access_log` keeps who searched, when and by what kind
 * of query (code, ID number, phone, name), never the text typed. Local to the PC, never synced.
 * Self-contained: no app imports.
 */
export const m0090ReadAudit: Migration = {
  version: 90,
  name: 'read-audit',
  up(db) {
    db.exec(`
      CREATE INDEX dossier_events_reads ON dossier_events (actor_id, at)
        WHERE action IN ('view', 'view-page', 'view-slip', 'export');
      CREATE TABLE access_log (
        id        TEXT PRIMARY KEY,
        at        TEXT NOT NULL,
        actor_id  TEXT NOT NULL,
        kind      TEXT NOT NULL CHECK (kind IN ('search')),
        detail    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
      ) STRICT;
      CREATE INDEX access_log_at ON access_log (at);
    `);
  },
};
