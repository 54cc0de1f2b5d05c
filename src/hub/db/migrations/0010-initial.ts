/**
 * The hub's first schema (PostgreSQL 15 SQL; PGlite runs it too). Every change a commune may
 * pull takes the next value of its `communes.feed_version` under that row's lock, in the same
 * transaction as the change, so a reader's cursor can never pass a change still uncommitted
 * (sync.md §4.4 step 4, §4.5).
 */
export const m0010Initial = {
  version: 10,
  name: 'initial',
  sql: `
  CREATE TABLE communes (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    feed_version  BIGINT NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE TABLE enrol_codes (
    code_hash   TEXT PRIMARY KEY,
    commune_id  TEXT NOT NULL REFERENCES communes (id),
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    used_by     TEXT
  );
  CREATE TABLE devices (
    id                TEXT PRIMARY KEY,
    commune_id        TEXT NOT NULL REFERENCES communes (id),
    name              TEXT NOT NULL,
    secret_hash       TEXT NOT NULL,
    last_applied_seq  BIGINT NOT NULL DEFAULT 0,
    revoked           BOOLEAN NOT NULL DEFAULT false,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE TABLE dossiers (
    id            TEXT PRIMARY KEY,
    commune_id    TEXT NOT NULL REFERENCES communes (id),
    status        TEXT NOT NULL,
    row_version   INTEGER NOT NULL,
    snapshot      JSONB NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE TABLE dossier_events (
    id           TEXT PRIMARY KEY,
    feed_order   BIGSERIAL UNIQUE,
    dossier_id   TEXT NOT NULL REFERENCES dossiers (id),
    commune_id   TEXT NOT NULL REFERENCES communes (id),
    source       TEXT NOT NULL,
    action       TEXT NOT NULL,
    from_status  TEXT,
    to_status    TEXT,
    event        JSONB NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, feed_order);
  CREATE FUNCTION dossier_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'dossier_events is append-only'; END $$;
  CREATE TRIGGER dossier_events_no_change BEFORE UPDATE OR DELETE ON dossier_events
    FOR EACH ROW EXECUTE FUNCTION dossier_events_append_only();
  CREATE TABLE mutations (
    key         TEXT PRIMARY KEY,
    device_id   TEXT NOT NULL REFERENCES devices (id),
    seq         BIGINT NOT NULL,
    kind        TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('applied', 'rejected', 'duplicate-key')),
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (device_id, seq)
  );
  CREATE TABLE rejections (
    device_id   TEXT NOT NULL REFERENCES devices (id),
    seq         BIGINT NOT NULL,
    key         TEXT NOT NULL,
    code        TEXT NOT NULL,
    message_vi  TEXT NOT NULL,
    message_en  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (device_id, seq)
  );
  CREATE TABLE holidays (
    year        INTEGER PRIMARY KEY,
    overlay     JSONB NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE TABLE procedures (
    code            TEXT NOT NULL,
    version         INTEGER NOT NULL,
    effective_from  TEXT NOT NULL,
    name            TEXT NOT NULL,
    definition      JSONB NOT NULL,
    PRIMARY KEY (code, version)
  );
  -- Row state, not a log: one row per (commune, entity), moved to the commune's newest version
  -- whenever the entity changes, so a PC back from a long outage reads each row once.
  CREATE TABLE changes (
    commune_id  TEXT NOT NULL REFERENCES communes (id),
    version     BIGINT NOT NULL,
    entity      TEXT NOT NULL CHECK (entity IN ('dossier', 'holidays', 'procedure')),
    entity_key  TEXT NOT NULL,
    PRIMARY KEY (commune_id, version),
    UNIQUE (commune_id, entity, entity_key)
  );
  `,
};
