import type { Migration } from './index';

/*
 * Slips kept with their dossier (issue 6): every slip PDF rendered for preview or print, whether
 * or not it reached paper (no printer, a failed job), by its SHA-256 under `<data>/slips/`. The
 * print log says what was printed; this says what exists. Local to the PC, never synced.
 * Self-contained: no app imports.
 */
export const m0050DossierSlips: Migration = {
  version: 50,
  name: 'dossier-slips',
  up(db) {
    db.exec(`
      CREATE TABLE dossier_slips (
        id          TEXT PRIMARY KEY,
        dossier_id  TEXT NOT NULL,
        slip_kind   TEXT NOT NULL,
        paper       TEXT NOT NULL,
        form_set    TEXT NOT NULL,
        pdf_sha256  TEXT NOT NULL,
        bytes       INTEGER NOT NULL,
        kept_at     TEXT NOT NULL,
        kept_by     TEXT NOT NULL,
        UNIQUE (dossier_id, slip_kind, paper, pdf_sha256)
      ) STRICT;
      CREATE INDEX dossier_slips_dossier ON dossier_slips (dossier_id, kept_at);
    `);
  },
};
