/**
 * Provisioning packages (issue 12): the one file the data centre hands a commune for one PC. The
 * hub signs it with its own key (`identity.ts`); it names the hub, the commune, the PC's counter
 * slot and its blocks of the day's running numbers (`src/shared/dossier/sequence-plan.ts`), a
 * one-time enrolment code and the first local administrator with a one-time setup code.
 *
 * Kept on the hub: the package row with the SHA-256 of its enrolment code (also an `enrol_codes`
 * row, so `/v1/enrol` spends it like any code). Never kept: the enrolment code, the setup code.
 *
 * A replacement package for slot k revokes every active device of slot k at once (no new
 * challenge, so the old PC is out within one token lifetime) and withdraws any unused package of
 * slot k still valid, so only the newest package of a slot can ever enrol. Its number blocks are
 * the replacement rule's: slot k's range from the day after the cut-over day C (Vietnam date of
 * issue) and spare block i on C, where i counts the replacement packages this commune got on C
 * (withdrawn ones too: a PC may have applied one offline and drawn numbers from its block).
 * Issuing holds the commune row's lock, so two packages of one commune are never planned side by side.
 */
import { randomUUID } from 'node:crypto';
import { counterSlots, planSequenceBlocks, type Cutover } from '../shared/dossier/sequence-plan';
import type { SequenceBlock } from '../shared/dossier/code';
import { PROVISION_FORMAT, PROVISION_FORMAT_VERSION, ProvisionPayload, type ProvisionFile } from '../shared/provisioning/package';
import type { ProvisionStatusResponse } from '../sync/protocol/messages';
import { newEnrolCode, newTypeableCode, sha256Hex } from './auth';
import { num, type HubDb, type Queryable } from './db/db';
import type { HubIdentity } from './identity';
import type { ProvisionPackageInput } from './messages';

/** What the admin route answers, once: the file and the setup code to hand over separately. */
export interface IssuedPackage {
  readonly fileName: string;
  readonly fileText: string;
  readonly packageId: string;
  readonly slot: number;
  readonly expiresAt: string;
  readonly setupCode: string;
}

/** Why no package was issued. */
export type PackageRefusal = 'no-commune' | 'commune-incomplete' | 'slot-invalid' | 'slot-taken' | 'no-free-slot' | 'spare-pool-exhausted';

/** The Vietnam (UTC+7) calendar date of an instant, ISO. */
export const vietnamDay = (at: Date): string => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

const iso = (value: unknown): string => new Date(value as string | Date).toISOString();

/** The day's next spare block of the commune (replacements and re-used slots share the pool). */
async function nextCutover(tx: Queryable, communeId: string, issuedAt: string): Promise<Cutover> {
  const day = vietnamDay(new Date(issuedAt));
  const [count] = await tx.query('SELECT count(*) AS n FROM provision_packages WHERE commune_id = $1 AND cutover_day = $2', [communeId, day]);
  return { day, spareIndex: num(count?.n ?? 0) };
}

/** Dated blocks of a cut-over, or undefined when the day's spare pool is used up. */
function cutoverBlocks(slot: number, cutover: Cutover): SequenceBlock[] | undefined {
  try {
    return planSequenceBlocks(slot, cutover);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Issues a package for `communeId`; see the file comment. The hub URL was checked by the caller. */
export async function issueProvisionPackage(db: HubDb, identity: HubIdentity, communeId: string, input: ProvisionPackageInput): Promise<IssuedPackage | PackageRefusal> {
  const slots = counterSlots();
  const asked = input.replaceSlot ?? input.slot;
  if (asked !== undefined && asked >= slots) return 'slot-invalid';
  return db.transaction(async (tx) => {
    const [commune] = await tx.query(
      'SELECT id, name, agency_code, province, first_admin_id, first_admin_username, now() AS now, now() + make_interval(secs => $2) AS expires FROM communes WHERE id = $1 FOR UPDATE',
      [communeId, input.ttlHours * 3600],
    );
    if (commune === undefined) return 'no-commune';
    if (typeof commune.agency_code !== 'string' || typeof commune.province !== 'string') return 'commune-incomplete';
    const issuedAt = iso(commune.now);
    const expiresAt = iso(commune.expires);
    let replacing = input.replaceSlot !== undefined;

    let slot: number;
    let blocks: SequenceBlock[];
    let cutover: Cutover | undefined;
    let replaces: string | null = null;
    if (input.replaceSlot !== undefined) {
      slot = input.replaceSlot;
      cutover = await nextCutover(tx, communeId, issuedAt);
      const planned = cutoverBlocks(slot, cutover);
      if (planned === undefined) return 'spare-pool-exhausted';
      blocks = planned;
      // The device being replaced: the slot's active one, else the last one it had.
      const [old] = await tx.query('SELECT id FROM devices WHERE commune_id = $1 AND slot = $2 ORDER BY revoked, created_at DESC, id LIMIT 1', [communeId, slot]);
      replaces = old === undefined ? null : String(old.id);
      await tx.query('UPDATE devices SET revoked = true WHERE commune_id = $1 AND slot = $2 AND NOT revoked', [communeId, slot]);
      await tx.query(
        'UPDATE provision_packages SET withdrawn_at = now() WHERE commune_id = $1 AND slot = $2 AND used_at IS NULL AND withdrawn_at IS NULL AND expires_at > now()',
        [communeId, slot],
      );
    } else {
      const taken = new Set((await occupiedSlots(tx, communeId)).map(Number));
      if (input.slot !== undefined) {
        if (taken.has(input.slot)) return 'slot-taken';
        slot = input.slot;
      } else {
        const free = Array.from({ length: slots }, (_, k) => k).find((k) => !taken.has(k));
        if (free === undefined) return 'no-free-slot';
        slot = free;
      }
      // A slot freed by a revocation or an expired package may have issued numbers today that
      // the hub never saw: its next PC cuts over exactly as a replacement does.
      const [before] = await tx.query('SELECT id FROM devices WHERE commune_id = $1 AND slot = $2 ORDER BY created_at DESC, id LIMIT 1', [communeId, slot]);
      if (before === undefined) blocks = planSequenceBlocks(slot);
      else {
        replacing = true;
        replaces = String(before.id);
        cutover = await nextCutover(tx, communeId, issuedAt);
        const planned = cutoverBlocks(slot, cutover);
        if (planned === undefined) return 'spare-pool-exhausted';
        blocks = planned;
      }
    }

    // The commune's first administrator, recorded with its first package: every later PC of the
    // commune (a replacement or another counter) gets the same account (same id and user name),
    // so the feed never brings a second 'quantri' that clashes with it.
    const recorded = typeof commune.first_admin_id === 'string' && typeof commune.first_admin_username === 'string';
    const firstAdmin =
      recorded
        ? { id: String(commune.first_admin_id), username: String(commune.first_admin_username) }
        : { id: randomUUID(), username: input.firstAdmin.username };
    if (!recorded) await tx.query('UPDATE communes SET first_admin_id = $2, first_admin_username = $3 WHERE id = $1', [communeId, firstAdmin.id, firstAdmin.username]);

    const packageId = randomUUID();
    const enrolCode = newEnrolCode();
    const setupCode = newTypeableCode(12);
    const codeHash = sha256Hex(enrolCode);
    await tx.query(
      `INSERT INTO provision_packages (id, commune_id, slot, kind, enrol_code_hash, cutover_day, spare_index, issued_at, expires_at, replaces_device_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [packageId, communeId, slot, replacing ? 'replacement' : 'new', codeHash, cutover?.day ?? null, cutover?.spareIndex ?? null, issuedAt, expiresAt, replaces],
    );
    await tx.query('INSERT INTO enrol_codes (code_hash, commune_id, expires_at, package_id) VALUES ($1, $2, $3, $4)', [codeHash, communeId, expiresAt, packageId]);

    const payload: ProvisionPayload = ProvisionPayload.parse({
      id: packageId,
      kind: replacing ? 'replacement' : 'new',
      issuedAt,
      expiresAt,
      hub: { url: input.hubUrl.replace(/\/+$/u, ''), publicKey: identity.publicKey },
      commune: { id: communeId, agencyCode: commune.agency_code, name: String(commune.name), province: commune.province },
      slot,
      sequenceBlocks: blocks.map((b) => ({ start: b.start, end: b.end, ...(b.from === undefined ? {} : { from: b.from }), ...(b.until === undefined ? {} : { until: b.until }) })),
      enrolCode,
      firstAdmin: { ...firstAdmin, displayName: input.firstAdmin.displayName.normalize('NFC'), setupCode },
      replaces,
    } satisfies ProvisionPayload);
    const bytes = Buffer.from(JSON.stringify(payload), 'utf8');
    const file: ProvisionFile = { format: PROVISION_FORMAT, version: PROVISION_FORMAT_VERSION, payload: bytes.toString('base64'), signature: identity.sign(bytes) };
    return {
      fileName: `${commune.agency_code}-may${slot}.motcua`,
      fileText: `${JSON.stringify(file, null, 2)}\n`,
      packageId,
      slot,
      expiresAt,
      setupCode,
    };
  });
}

/** Counter slots held by an active device or by a package that can still enrol. */
async function occupiedSlots(tx: Queryable, communeId: string): Promise<unknown[]> {
  const rows = await tx.query(
    `SELECT slot FROM devices WHERE commune_id = $1 AND slot IS NOT NULL AND NOT revoked
     UNION
     SELECT slot FROM provision_packages WHERE commune_id = $1 AND used_at IS NULL AND withdrawn_at IS NULL AND expires_at > now()`,
    [communeId],
  );
  return rows.map((r) => r.slot);
}

/** Whether a package can still enrol: asked by a PC before it applies the package. */
export async function provisionStatus(db: HubDb, packageId: string): Promise<ProvisionStatusResponse> {
  const [row] = await db.query('SELECT used_at, withdrawn_at, expires_at <= now() AS expired FROM provision_packages WHERE id = $1', [packageId]);
  if (row === undefined) return { state: 'unknown' };
  if (row.used_at !== null) return { state: 'used' };
  if (row.withdrawn_at !== null) return { state: 'withdrawn' };
  if (row.expired === true) return { state: 'expired' };
  return { state: 'unused' };
}
