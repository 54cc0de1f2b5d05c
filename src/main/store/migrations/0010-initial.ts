import type { Migration } from './index';

/*
 * The first schema (DESIGN §3). Conventions that later migrations keep:
 * - STRICT tables; JSON columns are TEXT checked with json_valid.
 * - Instants are `Date.prototype.toISOString()` text (UTC, milliseconds, "Z"), checked by shape,
 *   so that text order is time order and range queries can use an index. Civil dates
 *   (a day in force, the day of a dossier code) are `YYYY-MM-DD`.
 * - Ids created on a PC are UUIDv7 text. `dossiers.rid` is an INTEGER PRIMARY KEY only so that
 *   the FTS5 index keys on a rowid that VACUUM cannot renumber; it never leaves the PC.
 * - The hub syncs users, procedures, dossiers, dossier_events, documents, pages, holidays and
 *   admin_units: from the first release those are additive only (schema-guard.test.ts).
 * - No foreign keys to users from synced tables: a dossier may name an officer of another PC
 *   whose account has not been pulled yet.
 * Self-contained on purpose (style-anchors §6.4): no imports of app code.
 */

const UTC_SHAPE = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'";
const DAY_SHAPE = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'";
const utc = (column: string): string => `CHECK (${column} GLOB ${UTC_SHAPE})`;
const day = (column: string): string => `CHECK (${column} GLOB ${DAY_SHAPE})`;
const json = (column: string): string => `CHECK (json_valid(${column}))`;
const flag = (column: string): string => `CHECK (${column} IN (0, 1))`;

const tables = `
  CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL ${json('value')},
    updated_at TEXT NOT NULL ${utc('updated_at')}
  ) STRICT;

  CREATE TABLE sync_state (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL ${json('value')},
    updated_at TEXT NOT NULL ${utc('updated_at')}
  ) STRICT;

  CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL COLLATE NOCASE UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('clerk', 'specialist', 'volunteer', 'leader', 'admin')),
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 ${flag('active')},
    failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until  TEXT ${utc('locked_until')},
    created_at    TEXT NOT NULL ${utc('created_at')},
    updated_at    TEXT NOT NULL ${utc('updated_at')}
  ) STRICT;

  CREATE TABLE procedures (
    code           TEXT NOT NULL,
    version        INTEGER NOT NULL CHECK (version >= 1),
    effective_from TEXT NOT NULL ${day('effective_from')},
    name           TEXT NOT NULL,
    definition     TEXT NOT NULL ${json('definition')},
    updated_at     TEXT NOT NULL ${utc('updated_at')},
    PRIMARY KEY (code, version)
  ) STRICT;

  CREATE TABLE dossiers (
    rid                   INTEGER PRIMARY KEY,
    id                    TEXT NOT NULL UNIQUE,
    code                  TEXT UNIQUE,
    procedure_code        TEXT NOT NULL,
    procedure_version     INTEGER NOT NULL,
    status                TEXT NOT NULL,
    channel               TEXT NOT NULL CHECK (channel IN ('counter', 'online', 'volunteer')),
    applicant_name        TEXT NOT NULL,
    applicant_name_folded TEXT NOT NULL,
    applicant_id_number   TEXT,
    applicant_phone       TEXT,
    form                  TEXT NOT NULL DEFAULT '{}' ${json('form')},
    received_at           TEXT ${utc('received_at')},
    received_by           TEXT,
    due_at                TEXT ${utc('due_at')},
    clock_stops           TEXT NOT NULL DEFAULT '[]' ${json('clock_stops')},
    resolved_at           TEXT ${utc('resolved_at')},
    returned_at           TEXT ${utc('returned_at')},
    result_number         TEXT,
    register_book         TEXT,
    register_page         TEXT,
    assignee_id           TEXT,
    created_at            TEXT NOT NULL ${utc('created_at')},
    updated_at            TEXT NOT NULL ${utc('updated_at')},
    row_version           INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1)
  ) STRICT;

  CREATE TABLE dossier_events (
    id          TEXT PRIMARY KEY,
    dossier_id  TEXT NOT NULL REFERENCES dossiers (id),
    at          TEXT NOT NULL ${utc('at')},
    actor_id    TEXT,
    action      TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT,
    note        TEXT,
    data        TEXT NOT NULL DEFAULT '{}' ${json('data')}
  ) STRICT;

  CREATE TABLE documents (
    id         TEXT PRIMARY KEY,
    dossier_id TEXT NOT NULL REFERENCES dossiers (id),
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    position   INTEGER NOT NULL CHECK (position >= 0),
    created_at TEXT NOT NULL ${utc('created_at')},
    updated_at TEXT NOT NULL ${utc('updated_at')}
  ) STRICT;

  CREATE TABLE pages (
    id          TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    bytes       INTEGER NOT NULL CHECK (bytes > 0),
    width       INTEGER NOT NULL CHECK (width > 0),
    height      INTEGER NOT NULL CHECK (height > 0),
    rotation    INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
    blank       INTEGER NOT NULL DEFAULT 0 ${flag('blank')},
    created_at  TEXT NOT NULL ${utc('created_at')},
    UNIQUE (document_id, position)
  ) STRICT;

  CREATE TABLE outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    entity_id       TEXT NOT NULL,
    payload         TEXT NOT NULL ${json('payload')},
    created_at      TEXT NOT NULL ${utc('created_at')},
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      TEXT,
    sent_at         TEXT ${utc('sent_at')}
  ) STRICT;

  CREATE TABLE holidays (
    year       INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
    overlay    TEXT NOT NULL ${json('overlay')},
    updated_at TEXT NOT NULL ${utc('updated_at')}
  ) STRICT;

  CREATE TABLE admin_units (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    parent_code TEXT,
    updated_at  TEXT NOT NULL ${utc('updated_at')}
  ) STRICT;

  CREATE TABLE dossier_sequences (
    agency_code   TEXT NOT NULL,
    day           TEXT NOT NULL ${day('day')},
    last_sequence INTEGER NOT NULL CHECK (last_sequence BETWEEN 1 AND 9999),
    PRIMARY KEY (agency_code, day)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE drafts (
    id             TEXT PRIMARY KEY,
    user_id        TEXT NOT NULL REFERENCES users (id),
    procedure_code TEXT NOT NULL,
    form           TEXT NOT NULL ${json('form')},
    created_at     TEXT NOT NULL ${utc('created_at')},
    updated_at     TEXT NOT NULL ${utc('updated_at')}
  ) STRICT;
`;

/** One index per hot query (the plan tests in query-plans.test.ts hold them to it). */
const indexes = `
  CREATE INDEX procedures_in_force ON procedures (code, effective_from);
  CREATE INDEX dossiers_queue ON dossiers (status, due_at);
  CREATE INDEX dossiers_assignee_queue ON dossiers (assignee_id, status, due_at);
  CREATE INDEX dossiers_id_number ON dossiers (applicant_id_number);
  CREATE INDEX dossiers_phone ON dossiers (applicant_phone);
  CREATE INDEX dossiers_received ON dossiers (received_at);
  CREATE INDEX dossiers_resolved ON dossiers (resolved_at) WHERE resolved_at IS NOT NULL;
  CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, at);
  CREATE INDEX documents_dossier ON documents (dossier_id, position);
  CREATE INDEX pages_sha256 ON pages (sha256);
  CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
  CREATE INDEX outbox_entity ON outbox (entity_id);
  CREATE INDEX admin_units_parent ON admin_units (parent_code, name);
  CREATE INDEX drafts_user ON drafts (user_id, updated_at);
`;

/** The audit trail can only grow: SQLite itself refuses to rewrite or erase it. */
const auditTriggers = `
  CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
  BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END;
  CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
  BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END;
`;

/*
 * Full-text search over the folded name (foldVietnamese, written by the repository), the code
 * and the ID number. External content: the text lives once, in dossiers; triggers keep the
 * index in step inside the same transaction. Prefix indexes make one- to three-letter prefixes
 * ("nguyen van a") cheap. No bm25 ranking is used, so column sizes are not stored.
 */
const search = `
  CREATE VIRTUAL TABLE dossiers_fts USING fts5 (
    applicant_name_folded, code, applicant_id_number,
    content = 'dossiers', content_rowid = 'rid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', columnsize = 0
  );
  CREATE TRIGGER dossiers_fts_insert AFTER INSERT ON dossiers BEGIN
    INSERT INTO dossiers_fts (rowid, applicant_name_folded, code, applicant_id_number)
    VALUES (new.rid, new.applicant_name_folded, new.code, new.applicant_id_number);
  END;
  CREATE TRIGGER dossiers_fts_delete AFTER DELETE ON dossiers BEGIN
    INSERT INTO dossiers_fts (dossiers_fts, rowid, applicant_name_folded, code, applicant_id_number)
    VALUES ('delete', old.rid, old.applicant_name_folded, old.code, old.applicant_id_number);
  END;
  CREATE TRIGGER dossiers_fts_update AFTER UPDATE OF applicant_name_folded, code, applicant_id_number ON dossiers
  WHEN old.applicant_name_folded IS NOT new.applicant_name_folded OR old.code IS NOT new.code
    OR old.applicant_id_number IS NOT new.applicant_id_number
  BEGIN
    INSERT INTO dossiers_fts (dossiers_fts, rowid, applicant_name_folded, code, applicant_id_number)
    VALUES ('delete', old.rid, old.applicant_name_folded, old.code, old.applicant_id_number);
    INSERT INTO dossiers_fts (rowid, applicant_name_folded, code, applicant_id_number)
    VALUES (new.rid, new.applicant_name_folded, new.code, new.applicant_id_number);
  END;
`;

export const m0010Initial: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(tables + indexes + auditTriggers + search);
  },
};
