/**
 * Hub hardening (issue 13):
 * - `blob_uploads`: which commune uploaded which file (whole and hash-checked), by which device.
 *   Files stay stored once by hash, but a commune may link or download only a file it uploaded
 *   itself; the commune's stored bytes (its quota) are the sum of its rows. Files linked before
 *   this migration count as uploaded by the commune that linked them.
 * - `partial_uploads`: uploads begun and not yet whole, per commune and file, with the device,
 *   the declared length (what the device's in-flight quota counts) and when a chunk last came:
 *   the sweep removes those left untouched too long, with their bytes.
 */
export const m0050HubHardening = {
  version: 50,
  name: 'hub-hardening',
  sql: `
  CREATE TABLE blob_uploads (
    commune_id   TEXT NOT NULL REFERENCES communes (id),
    sha256       TEXT NOT NULL REFERENCES blobs (sha256),
    size         BIGINT NOT NULL CHECK (size >= 0),
    device_id    TEXT REFERENCES devices (id),
    uploaded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (commune_id, sha256)
  );
  INSERT INTO blob_uploads (commune_id, sha256, size, device_id)
  SELECT DISTINCT ON (a.commune_id, a.sha256) a.commune_id, a.sha256, b.size, a.device_id
    FROM attachments a JOIN blobs b ON b.sha256 = a.sha256
   ORDER BY a.commune_id, a.sha256, a.created_at;

  CREATE TABLE partial_uploads (
    commune_id   TEXT NOT NULL REFERENCES communes (id),
    sha256       TEXT NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    device_id    TEXT NOT NULL REFERENCES devices (id),
    length       BIGINT NOT NULL CHECK (length >= 0),
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    touched_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (commune_id, sha256)
  );
  CREATE INDEX partial_uploads_device ON partial_uploads (device_id);
  CREATE INDEX partial_uploads_touched ON partial_uploads (touched_at);
  `,
};
