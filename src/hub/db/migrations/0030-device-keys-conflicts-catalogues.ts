/**
 * Device key pairs, conflicts, and the rest of the feed (issue 7, third slice):
 * - a device is known by its Ed25519 public key (sync.md §4.3); the shared-secret column stays
 *   only because a shipped migration cannot be edited, and no production device ever used it;
 * - challenges are single-use rows with a short expiry, so any hub node can verify a signature
 *   and a replayed nonce finds nothing;
 * - `conflicts` records every field or transition conflict with all values (§4.6);
 * - administrative units and commune staff accounts become feed entities. The CHECK on
 *   `changes.entity` is dropped (whatever its name after earlier slices): entities are written
 *   only through `bumpFeed`, whose type lists them, and each lane adds its own.
 */
export const m0030DeviceKeysConflictsCatalogues = {
  version: 30,
  name: 'device-keys-conflicts-catalogues',
  sql: `
  ALTER TABLE devices ADD COLUMN public_key TEXT;
  ALTER TABLE devices ALTER COLUMN secret_hash DROP NOT NULL;
  CREATE TABLE auth_challenges (
    nonce       TEXT PRIMARY KEY,
    device_id   TEXT NOT NULL REFERENCES devices (id),
    expires_at  TIMESTAMPTZ NOT NULL
  );
  CREATE INDEX auth_challenges_expiry ON auth_challenges (expires_at);

  CREATE TABLE conflicts (
    id            TEXT PRIMARY KEY,
    commune_id    TEXT NOT NULL REFERENCES communes (id),
    dossier_id    TEXT NOT NULL,
    device_id     TEXT REFERENCES devices (id),
    mutation_key  TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('field', 'transition')),
    field         TEXT,
    base_value    JSONB,
    hub_value     JSONB,
    device_value  JSONB,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_at   TIMESTAMPTZ
  );
  CREATE INDEX conflicts_open ON conflicts (commune_id, dossier_id) WHERE resolved_at IS NULL;

  CREATE TABLE admin_units (
    code         TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    level        TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    parent_code  TEXT REFERENCES admin_units (code),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
  );

  CREATE TABLE accounts (
    id             TEXT PRIMARY KEY,
    commune_id     TEXT NOT NULL REFERENCES communes (id),
    username       TEXT NOT NULL,
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('clerk', 'specialist', 'volunteer', 'leader', 'admin')),
    password_hash  TEXT NOT NULL,
    active         BOOLEAN NOT NULL DEFAULT true,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE UNIQUE INDEX accounts_username ON accounts (commune_id, lower(username));

  CREATE INDEX dossiers_commune ON dossiers (commune_id);

  DO $$
  DECLARE c record;
  BEGIN
    FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'changes'::regclass AND contype = 'c' LOOP
      EXECUTE format('ALTER TABLE changes DROP CONSTRAINT %I', c.conname);
    END LOOP;
  END $$;
  `,
};
