/**
 * Attachments (sync.md §4.7) and the long-poll wake-up (§4.5). `blobs` records the files the
 * storage holds whole; `attachments` links a file to a dossier of a commune, numbered by the
 * commune's own `attachment_version` taken under its row lock (as `feed_version` is), so another
 * PC listing links after a number never skips one still uncommitted. The trigger sends
 * `NOTIFY motcua_feed, '<commune>'` whenever a commune's feed moves, delivered only at commit:
 * the hub's waiting pulls wake on it (PostgreSQL LISTEN, PGlite's in-process listen).
 */
export const m0020Attachments = {
  version: 20,
  name: 'attachments',
  sql: `
  CREATE TABLE blobs (
    sha256     TEXT PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size       BIGINT NOT NULL CHECK (size >= 0),
    stored_at  TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  ALTER TABLE communes ADD COLUMN attachment_version BIGINT NOT NULL DEFAULT 0;
  CREATE TABLE attachments (
    dossier_id   TEXT NOT NULL REFERENCES dossiers (id),
    kind         TEXT NOT NULL CHECK (kind IN ('page', 'slip')),
    ref_id       TEXT NOT NULL,
    commune_id   TEXT NOT NULL REFERENCES communes (id),
    version      BIGINT NOT NULL,
    sha256       TEXT NOT NULL REFERENCES blobs (sha256),
    document     JSONB,
    page         JSONB,
    device_id    TEXT NOT NULL REFERENCES devices (id),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (dossier_id, kind, ref_id),
    UNIQUE (commune_id, version)
  );
  CREATE INDEX attachments_sha256 ON attachments (sha256);
  CREATE FUNCTION communes_feed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_notify('motcua_feed', NEW.id); RETURN NULL; END $$;
  CREATE TRIGGER communes_feed_moved AFTER UPDATE OF feed_version ON communes
    FOR EACH ROW WHEN (NEW.feed_version IS DISTINCT FROM OLD.feed_version) EXECUTE FUNCTION communes_feed_notify();
  `,
};
