import type { Migration } from './index';

/*
 * The print log (issue 6): every slip printed, by whom, when, to which printer, the spooler's job
 * id and final state, and the SHA-256 of the PDF kept under the data folder (so a reprint is the
 * same paper). Local to the PC, never synced. Self-contained: no app imports.
 */
export const m0040PrintLog: Migration = {
  version: 40,
  name: 'print-log',
  up(db) {
    db.exec(`
      CREATE TABLE print_log (
        id           TEXT PRIMARY KEY,
        dossier_id   TEXT NOT NULL,
        slip_kind    TEXT NOT NULL,
        paper        TEXT NOT NULL,
        printer      TEXT NOT NULL,
        copies       INTEGER NOT NULL,
        printed_by   TEXT NOT NULL,
        printed_at   TEXT NOT NULL,
        pdf_sha256   TEXT NOT NULL,
        job_id       TEXT,
        state        TEXT NOT NULL CHECK (state IN ('completed', 'failed', 'stuck')),
        error_code   TEXT,
        reprint_of   TEXT
      ) STRICT;
      CREATE INDEX print_log_dossier ON print_log (dossier_id, printed_at);
    `);
  },
};
