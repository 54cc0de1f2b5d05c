/**
 * What the city's staff and systems do on the hub: create a commune, issue a one-time enrol
 * code, enrol a device with it, publish holiday overlays and procedure versions, and take an
 * online application from the citizen portal. Each change enters the feeds in its transaction.
 */
import { randomUUID } from 'node:crypto';
import type { EnrolResponse } from '../sync/protocol/messages';
import { newEnrolCode, sha256Hex } from './auth';
import type { HubDb } from './db/db';
import { bumpAllFeeds, bumpFeed } from './feed';
import type { AccountInput, AdminUnitInput, PortalDossier } from './messages';

/** Creates a commune; its feed starts with every catalogue entry already published. */
export async function createCommune(db: HubDb, id: string, name: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const made = await tx.query('INSERT INTO communes (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id', [id, name.normalize('NFC')]);
    if (made.length === 0) return false;
    for (const h of await tx.query<{ year: number }>('SELECT year FROM holidays ORDER BY year')) await bumpFeed(tx, id, 'holidays', String(h.year));
    for (const p of await tx.query<{ k: string }>(`SELECT code || '@' || version::text AS k FROM procedures ORDER BY code, version`)) await bumpFeed(tx, id, 'procedure', p.k);
    for (const u of await tx.query<{ code: string }>('SELECT code FROM admin_units ORDER BY code')) await bumpFeed(tx, id, 'admin-unit', u.code);
    return true;
  });
}

/** Issues a one-time code for `communeId`; only its hash is stored. Undefined if no such commune. */
export async function issueEnrolCode(db: HubDb, communeId: string, ttlHours: number): Promise<{ code: string; expiresAt: string } | undefined> {
  const code = newEnrolCode();
  const rows = await db.query(
    `INSERT INTO enrol_codes (code_hash, commune_id, expires_at) SELECT $1, id, now() + make_interval(secs => $3) FROM communes WHERE id = $2
     RETURNING expires_at`,
    [sha256Hex(code), communeId, ttlHours * 3600],
  );
  const row = rows[0];
  return row === undefined ? undefined : { code, expiresAt: new Date(row.expires_at as string).toISOString() };
}

/** Spends a code (once, before it expires) on a new device with `publicKey`; undefined if the code is not valid. */
export async function enrolDevice(db: HubDb, code: string, deviceName: string, publicKey: string, startAfterSeq = 0): Promise<EnrolResponse | undefined> {
  return db.transaction(async (tx) => {
    const deviceId = randomUUID();
    const [spent] = await tx.query(
      `UPDATE enrol_codes SET used_at = now(), used_by = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING commune_id`,
      [sha256Hex(code.trim().toUpperCase()), deviceId],
    );
    if (spent === undefined) return undefined;
    const communeId = String(spent.commune_id);
    await tx.query('INSERT INTO devices (id, commune_id, name, public_key, last_applied_seq) VALUES ($1, $2, $3, $4, $5)', [
      deviceId,
      communeId,
      deviceName,
      publicKey,
      startAfterSeq,
    ]);
    return { deviceId, communeId };
  });
}

/** Revokes a device: it gets no new token (existing ones lapse within TOKEN_TTL_S). False if unknown. */
export async function revokeDevice(db: HubDb, deviceId: string): Promise<boolean> {
  return (await db.query('UPDATE devices SET revoked = true WHERE id = $1 RETURNING id', [deviceId])).length > 0;
}

/** Publishes (or replaces) a year's holiday overlay to every commune. */
export async function publishHolidays(db: HubDb, year: number, overlay: unknown): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO holidays (year, overlay) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET overlay = excluded.overlay, updated_at = now()',
      [year, JSON.stringify(overlay)],
    );
    await bumpAllFeeds(tx, 'holidays', String(year));
  });
}

/** Publishes (or replaces) one procedure version to every commune. */
export async function publishProcedure(db: HubDb, p: { code: string; version: number; effectiveFrom: string; name: string; definition: unknown }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO procedures (code, version, effective_from, name, definition) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code, version) DO UPDATE SET effective_from = excluded.effective_from, name = excluded.name, definition = excluded.definition`,
      [p.code, p.version, p.effectiveFrom, p.name.normalize('NFC'), JSON.stringify(p.definition ?? null)],
    );
    await bumpAllFeeds(tx, 'procedure', `${p.code}@${p.version}`);
  });
}

/**
 * Creates or replaces administrative units for every commune; a unit whose name, level and parent
 * are unchanged does not move in the feeds. Returns how many changed.
 */
export async function publishAdminUnits(db: HubDb, units: readonly AdminUnitInput[]): Promise<number> {
  return db.transaction(async (tx) => {
    let changed = 0;
    // Parents before children, whatever order the list came in, for the foreign key.
    const depth = { province: 0, district: 1, commune: 2 } as const;
    for (const u of [...units].sort((a, b) => depth[a.level] - depth[b.level])) {
      const rows = await tx.query(
        `INSERT INTO admin_units (code, name, level, parent_code) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code, updated_at = now()
           WHERE (admin_units.name, admin_units.level, admin_units.parent_code) IS DISTINCT FROM (excluded.name, excluded.level, excluded.parent_code)
         RETURNING code`,
        [u.code, u.name.normalize('NFC'), u.level, u.parentCode],
      );
      if (rows.length === 0) continue;
      changed += 1;
      await bumpAllFeeds(tx, 'admin-unit', u.code);
    }
    return changed;
  });
}

/** Creates or replaces a staff account of `communeId`; 'no-commune', 'username-taken' (by another account of the commune) or 'saved'. */
export async function putAccount(db: HubDb, communeId: string, id: string, a: AccountInput): Promise<'saved' | 'no-commune' | 'username-taken'> {
  return db.transaction(async (tx) => {
    const [commune] = await tx.query('SELECT id FROM communes WHERE id = $1', [communeId]);
    if (commune === undefined) return 'no-commune';
    const [other] = await tx.query('SELECT id FROM accounts WHERE commune_id = $1 AND lower(username) = lower($2) AND id <> $3', [communeId, a.username, id]);
    if (other !== undefined) return 'username-taken';
    const rows = await tx.query(
      `INSERT INTO accounts (id, commune_id, username, display_name, role, password_hash, active) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name, role = excluded.role,
         password_hash = excluded.password_hash, active = excluded.active, updated_at = now()
         WHERE accounts.commune_id = excluded.commune_id
       RETURNING id`,
      [id, communeId, a.username, a.displayName.normalize('NFC'), a.role, a.passwordHash, a.active],
    );
    // The id belongs to another commune's account: never moved across communes.
    if (rows.length === 0) return 'username-taken';
    await bumpFeed(tx, communeId, 'account', id);
    return 'saved';
  });
}

/** Creates an online dossier in `submitted-online`; 'exists' if the id is taken, 'no-commune'. */
export async function intakePortalDossier(db: HubDb, d: PortalDossier): Promise<'created' | 'exists' | 'no-commune'> {
  return db.transaction(async (tx) => {
    const [commune] = await tx.query('SELECT id FROM communes WHERE id = $1', [d.communeId]);
    if (commune === undefined) return 'no-commune';
    const snapshot = {
      id: d.id,
      code: null,
      procedureCode: d.procedureCode,
      procedureVersion: d.procedureVersion,
      status: 'submitted-online',
      channel: 'online',
      applicantName: d.applicantName.normalize('NFC'),
      applicantIdNumber: d.applicantIdNumber,
      applicantPhone: d.applicantPhone,
      form: d.form,
      receivedAt: null,
      receivedBy: null,
      dueAt: null,
      createdAt: d.submittedAt,
      updatedAt: d.submittedAt,
      rowVersion: 1,
    };
    const made = await tx.query(
      `INSERT INTO dossiers (id, commune_id, status, row_version, snapshot, created_by) VALUES ($1, $2, 'submitted-online', 1, $3, 'portal')
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [d.id, d.communeId, JSON.stringify(snapshot)],
    );
    if (made.length === 0) return 'exists';
    const event = { id: randomUUID(), dossierId: d.id, at: d.submittedAt, action: 'submit-online', fromStatus: null, toStatus: 'submitted-online' };
    await tx.query(
      `INSERT INTO dossier_events (id, dossier_id, commune_id, source, action, from_status, to_status, event) VALUES ($1, $2, $3, 'portal', 'submit-online', NULL, 'submitted-online', $4)`,
      [event.id, d.id, d.communeId, JSON.stringify(event)],
    );
    await bumpFeed(tx, d.communeId, 'dossier', d.id);
    return 'created';
  });
}
