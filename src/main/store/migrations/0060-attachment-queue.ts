import type { Migration } from './index';

/*
 * The attachments lane's queue (sync.md §4.7): one row per file to move between this PC and the
 * hub, apart from the outbox so a stuck scan never holds back dossier data. Uploads are queued by
 * triggers in the same transaction as the page or print-log row, so no scan can exist without
 * its queue row; pages already on the PC are queued by this migration. A download row carries
 * the page and document rows as the hub sent them. `offset` is what the other side confirmed (up)
 * or what is on disk (down). Local to the PC, never synced. Self-contained: no app imports.
 */
const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

export const m0060AttachmentQueue: Migration = {
  version: 60,
  name: 'attachment-queue',
  up(db) {
    db.exec(`
      CREATE TABLE attachment_queue (
        direction        TEXT NOT NULL CHECK (direction IN ('up', 'down')),
        kind             TEXT NOT NULL CHECK (kind IN ('page', 'slip')),
        dossier_id       TEXT NOT NULL,
        ref_id           TEXT NOT NULL,
        sha256           TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        bytes            INTEGER,
        meta             TEXT CHECK (meta IS NULL OR json_valid(meta)),
        state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed', 'dropped')),
        offset           INTEGER NOT NULL DEFAULT 0 CHECK (offset >= 0),
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  TEXT,
        last_error       TEXT,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        PRIMARY KEY (direction, kind, dossier_id, ref_id)
      ) STRICT;
      CREATE INDEX attachment_queue_work ON attachment_queue (state, direction, next_attempt_at);

      CREATE TRIGGER pages_queue_upload AFTER INSERT ON pages BEGIN
        INSERT OR IGNORE INTO attachment_queue (direction, kind, dossier_id, ref_id, sha256, bytes, created_at, updated_at)
        SELECT 'up', 'page', d.dossier_id, NEW.id, NEW.sha256, NEW.bytes, ${NOW}, ${NOW} FROM documents d WHERE d.id = NEW.document_id;
      END;
      CREATE TRIGGER print_log_queue_upload AFTER INSERT ON print_log BEGIN
        INSERT OR IGNORE INTO attachment_queue (direction, kind, dossier_id, ref_id, sha256, created_at, updated_at)
        VALUES ('up', 'slip', NEW.dossier_id, NEW.pdf_sha256, NEW.pdf_sha256, ${NOW}, ${NOW});
      END;

      INSERT OR IGNORE INTO attachment_queue (direction, kind, dossier_id, ref_id, sha256, bytes, created_at, updated_at)
      SELECT 'up', 'page', d.dossier_id, p.id, p.sha256, p.bytes, ${NOW}, ${NOW} FROM pages p JOIN documents d ON d.id = p.document_id;
      INSERT OR IGNORE INTO attachment_queue (direction, kind, dossier_id, ref_id, sha256, created_at, updated_at)
      SELECT 'up', 'slip', dossier_id, pdf_sha256, pdf_sha256, ${NOW}, ${NOW} FROM print_log;
    `);
  },
};
