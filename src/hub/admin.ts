/**
 * What the city's staff and systems do on the hub: create a commune, issue a one-time enrol
 * code, enrol a device with it (answered signed by the hub's key), manage staff accounts, publish
 * holiday overlays and procedure versions, and take an online application from the citizen
 * portal. Each change enters the feeds in its transaction. Provisioning packages: `provisioning.ts`.
 */
import { randomUUID } from 'node:crypto';
import { enrolAnswerMessage, type EnrolResponse } from '../sync/protocol/messages';
import { newEnrolCode, sha256Hex } from './auth';
import { num, type HubDb, type Queryable } from './db/db';
import { bumpAllFeeds, bumpFeed } from './feed';
import { loadHubIdentity, type HubIdentity } from './identity';
import type { AccountInput, AccountPatch, AdminUnitInput, PortalDossier } from './messages';
import { hashPasswordForPc, newTemporaryPassword } from './passwords';

/** Thrown when a commune would take an agency code another commune holds. */
export class AgencyCodeTakenError extends Error {
  constructor(readonly agencyCode: string) {
    super(`agency code ${agencyCode} is taken`);
  }
}

/**
 * Creates a commune; its feed starts with every catalogue entry already published. For a commune
 * that exists, `agencyCode` and `province` fill in what it lacks (never change what it has) and
 * false is returned. Throws AgencyCodeTakenError for another commune's agency code.
 */
export async function createCommune(db: HubDb, id: string, name: string, extra: { agencyCode?: string | undefined; province?: string | undefined } = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    const agencyCode = extra.agencyCode ?? null;
    const province = extra.province?.normalize('NFC') ?? null;
    if (agencyCode !== null) {
      const [holder] = await tx.query('SELECT id FROM communes WHERE agency_code = $1 AND id <> $2', [agencyCode, id]);
      if (holder !== undefined) throw new AgencyCodeTakenError(agencyCode);
    }
    const made = await tx.query('INSERT INTO communes (id, name, agency_code, province) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id', [
      id,
      name.normalize('NFC'),
      agencyCode,
      province,
    ]);
    if (made.length === 0) {
      await tx.query('UPDATE communes SET agency_code = COALESCE(agency_code, $2), province = COALESCE(province, $3) WHERE id = $1', [id, agencyCode, province]);
      return false;
    }
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

/**
 * Spends a code (once, before it expires; a package's code only while its package is not
 * withdrawn) on a new device with `publicKey`, and answers with the device's identity signed by
 * the hub's key over `enrolAnswerMessage`, bound to that public key. A package's code gives the
 * device the package's slot; the package is marked used in the same transaction.
 *
 * A code already spent by a device with the same public key (the PC's first answer was lost)
 * gets that device's answer again, unless the device was revoked. Undefined otherwise.
 */
export async function enrolDevice(db: HubDb, code: string, deviceName: string, publicKey: string, startAfterSeq = 0, identity?: HubIdentity): Promise<EnrolResponse | undefined> {
  const signer = identity ?? (await loadHubIdentity(db));
  const codeHash = sha256Hex(code.trim().toUpperCase());
  const answer = (deviceId: string, communeId: string, slot: number | null): EnrolResponse => ({
    deviceId,
    communeId,
    slot,
    signature: signer.signText(enrolAnswerMessage({ deviceId, communeId, publicKey })),
  });
  return db.transaction(async (tx) => {
    const deviceId = randomUUID();
    const [spent] = await tx.query(
      `UPDATE enrol_codes SET used_at = now(), used_by = $2
        WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
          AND (package_id IS NULL OR package_id IN (SELECT id FROM provision_packages WHERE withdrawn_at IS NULL))
       RETURNING commune_id, package_id, (SELECT slot FROM provision_packages p WHERE p.id = enrol_codes.package_id) AS slot`,
      [codeHash, deviceId],
    );
    if (spent === undefined) {
      const [earlier] = await tx.query(
        'SELECT d.id, d.commune_id, d.slot, d.public_key FROM enrol_codes e JOIN devices d ON d.id = e.used_by WHERE e.code_hash = $1 AND NOT d.revoked',
        [codeHash],
      );
      if (earlier === undefined || earlier.public_key !== publicKey) return undefined;
      return answer(String(earlier.id), String(earlier.commune_id), earlier.slot === null ? null : num(earlier.slot));
    }
    const communeId = String(spent.commune_id);
    const packageId = typeof spent.package_id === 'string' ? spent.package_id : null;
    const slot = spent.slot === null || spent.slot === undefined ? null : num(spent.slot);
    await tx.query('INSERT INTO devices (id, commune_id, name, public_key, last_applied_seq, slot, package_id) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      deviceId,
      communeId,
      deviceName,
      publicKey,
      startAfterSeq,
      slot,
      packageId,
    ]);
    if (packageId !== null) await tx.query('UPDATE provision_packages SET used_at = now(), device_id = $2 WHERE id = $1', [packageId, deviceId]);
    return answer(deviceId, communeId, slot);
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
    const outcome = await upsertAccount(tx, communeId, { id, ...a, mustChangePassword: a.mustChangePassword ?? null });
    return outcome === 'other-commune' ? 'username-taken' : outcome;
  });
}

/** An account as stored; `mustChangePassword` null keeps the stored flag (false for a new account). */
export interface AccountRow {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: string;
  readonly passwordHash: string;
  readonly active: boolean;
  readonly mustChangePassword: boolean | null;
}

/**
 * Creates or replaces an account of `communeId` inside `tx` and moves it in the commune's feed.
 * 'username-taken': another account of the commune holds the user name (case-insensitively);
 * 'other-commune': the id is another commune's account (never moved across communes).
 */
export async function upsertAccount(tx: Queryable, communeId: string, a: AccountRow): Promise<'saved' | 'username-taken' | 'other-commune'> {
  const [other] = await tx.query('SELECT id FROM accounts WHERE commune_id = $1 AND lower(username) = lower($2) AND id <> $3', [communeId, a.username, a.id]);
  if (other !== undefined) return 'username-taken';
  const rows = await tx.query(
    `INSERT INTO accounts (id, commune_id, username, display_name, role, password_hash, active, must_change_password) VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8::boolean, false))
     ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name, role = excluded.role,
       password_hash = excluded.password_hash, active = excluded.active,
       must_change_password = COALESCE($8::boolean, accounts.must_change_password), updated_at = now()
       WHERE accounts.commune_id = excluded.commune_id
     RETURNING id`,
    [a.id, communeId, a.username, a.displayName.normalize('NFC'), a.role, a.passwordHash, a.active, a.mustChangePassword],
  );
  if (rows.length === 0) return 'other-commune';
  await bumpFeed(tx, communeId, 'account', a.id);
  return 'saved';
}

/**
 * Changes some of an account of `communeId`. With `resetPassword`, a random temporary password
 * replaces the hash (the PC's scrypt format) and must be changed at the next sign-in; it is
 * answered once and kept nowhere. 'not-found' for an account (or commune) the hub does not hold.
 */
export async function patchAccount(db: HubDb, communeId: string, id: string, patch: AccountPatch): Promise<{ temporaryPassword?: string } | 'not-found'> {
  // Hashed before the transaction: scrypt takes tens of milliseconds and needs no lock.
  const temporaryPassword = patch.resetPassword === true ? newTemporaryPassword() : undefined;
  const hash = temporaryPassword === undefined ? null : await hashPasswordForPc(temporaryPassword);
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `UPDATE accounts SET active = COALESCE($3, active), role = COALESCE($4, role), display_name = COALESCE($5, display_name),
         password_hash = COALESCE($6, password_hash), must_change_password = must_change_password OR $6::text IS NOT NULL, updated_at = now()
       WHERE id = $1 AND commune_id = $2 RETURNING id`,
      [id, communeId, patch.active ?? null, patch.role ?? null, patch.displayName?.normalize('NFC') ?? null, hash],
    );
    if (rows.length === 0) return 'not-found';
    await bumpFeed(tx, communeId, 'account', id);
    return temporaryPassword === undefined ? {} : { temporaryPassword };
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
