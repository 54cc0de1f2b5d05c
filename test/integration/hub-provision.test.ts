/*
 * Provisioning packages on the hub (issue 12), on PGlite and PostgreSQL 15: the hub signs each
 * package with its own key (made once, kept in its database, the same for every hub process);
 * the package's enrolment code buys a signed answer bound to the PC's public key, once (a retry
 * with the same key gets the same answer); a PC asks whether a package is still usable; a
 * replacement revokes the slot's old PC, withdraws its unused package and takes dated blocks
 * with the next spare block of the day. No secret (enrolment code, setup code) is printed.
 */
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { num } from '../../src/hub/db/db';
import { migrateHub } from '../../src/hub/db/migrate';
import { openPglite } from '../../src/hub/db/pglite';
import { openPostgres } from '../../src/hub/db/postgres';
import { hubPublicKey, loadHubIdentity } from '../../src/hub/identity';
import { planSequenceBlocks } from '../../src/shared/dossier/sequence-plan';
import { ProvisionFile, ProvisionPayload } from '../../src/shared/provisioning/package';
import { newDeviceKeyPair } from '../../src/sync/device-key';
import { enrolAnswerMessage, enrolResponse, PROTOCOL_VERSION } from '../../src/sync/protocol/messages';
import { call, freshDatabase, issuePackage, pgUnavailable, startTestHub, type HubKind, type IssuedPackage, type TestHub } from '../helpers/hub';

const COMMUNE = '000.00.00.X99';
const commune = { communeId: COMMUNE, agencyCode: '000.00.00.X99', name: 'UBND xã Thử Nghiệm', province: 'Tỉnh Thử Nghiệm' };

const post = async (hub: TestHub, path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await fetch(`${hub.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** The file's parts: the payload's exact bytes, its parsed content and the signature. */
const open = (issued: IssuedPackage): { bytes: Buffer; payload: ProvisionPayload; signature: string } => {
  const file = ProvisionFile.parse(JSON.parse(issued.fileText));
  const bytes = Buffer.from(file.payload, 'base64');
  return { bytes, payload: ProvisionPayload.parse(JSON.parse(bytes.toString('utf8'))), signature: file.signature };
};

const verifies = (publicKey: string, bytes: Buffer, signature: string): boolean =>
  verifySignature(null, bytes, createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' }), Buffer.from(signature, 'base64'));

const enrolWith = (hub: TestHub, code: string, publicKey: string, deviceName = 'Máy tiếp nhận 1') =>
  post(hub, '/v1/enrol', { protocol: PROTOCOL_VERSION, code, deviceName, publicKey });

const status = async (hub: TestHub, packageId: string): Promise<unknown> => (await post(hub, '/v1/provision/status', { protocol: PROTOCOL_VERSION, packageId })).body.state;

const vietnamDay = (iso: string): string => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);

for (const kind of ['pglite', 'postgres'] as HubKind[]) {
  const skip = kind === 'postgres' ? pgUnavailable : undefined;
  if (skip !== undefined) console.warn(`hub-provision [postgres] skipped: ${skip}`);

  describe.skipIf(skip !== undefined)(`provisioning packages on ${kind}`, () => {
    let hub: TestHub | undefined;
    afterEach(async () => {
      await hub?.close();
      hub = undefined;
    });

    it('keeps one hub key pair in the database, made once even by hubs starting together, never shown', async () => {
      const fresh = kind === 'postgres' ? await freshDatabase() : undefined;
      const dbs = fresh === undefined ? [await openPglite()] : [openPostgres(fresh.url), openPostgres(fresh.url), openPostgres(fresh.url)];
      try {
        await migrateHub(dbs[0]!);
        // Several processes (pools) on one database load at once: one pair wins, all read it.
        const loaded = await Promise.all([...dbs, ...dbs].map((db) => loadHubIdentity(db)));
        expect(new Set(loaded.map((i) => i.publicKey)).size).toBe(1);
        expect(num((await dbs[0]!.query('SELECT count(*) AS n FROM hub_identity'))[0]?.n)).toBe(1);
        const [row] = await dbs[0]!.query<{ private_key: string }>('SELECT private_key FROM hub_identity');
        const secret = String(row?.private_key);
        const identity = loaded[0]!;
        expect(await hubPublicKey(dbs[0]!)).toBe(identity.publicKey);
        // The private key never shows in the object's JSON or its printed form.
        expect(JSON.stringify(identity)).toBe(JSON.stringify({ publicKey: identity.publicKey }));
        expect(inspect(identity, { depth: 5, showHidden: true })).not.toContain(secret);
        expect(verifies(identity.publicKey, Buffer.from('thử'), identity.signText('thử'))).toBe(true);
      } finally {
        for (const db of dbs) await db.close();
        await fresh?.drop();
      }
    });

    it('issues a signed package: it verifies with the hub key it names, an altered one does not, and no code is kept', async () => {
      hub = await startTestHub(kind);
      const issued = await issuePackage(hub, commune);
      expect(issued).toMatchObject({ fileName: '000.00.00.X99-may0.motcua', slot: 0 });
      expect(issued.setupCode).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
      const { bytes, payload, signature } = open(issued);
      const hubKey = (await call(hub, 'GET', '/v1/admin/hub-key', undefined)).body as { publicKey: string };
      expect(payload.hub).toEqual({ url: hub.url, publicKey: hubKey.publicKey });
      expect(await hubPublicKey(hub.db)).toBe(hubKey.publicKey);
      expect(verifies(payload.hub.publicKey, bytes, signature)).toBe(true);
      expect(payload).toMatchObject({
        id: issued.packageId,
        kind: 'new',
        expiresAt: issued.expiresAt,
        commune: { id: COMMUNE, agencyCode: '000.00.00.X99', name: 'UBND xã Thử Nghiệm', province: 'Tỉnh Thử Nghiệm' },
        slot: 0,
        sequenceBlocks: [{ start: 1, end: 999 }],
        firstAdmin: { username: 'quantri', displayName: 'Quản trị xã', setupCode: issued.setupCode },
        replaces: null,
      });
      // A week by default.
      expect(Date.parse(payload.expiresAt) - Date.parse(payload.issuedAt)).toBe(168 * 3_600_000);

      // One changed byte (slot 0 → 1), or the signature of another payload, does not verify.
      const altered = Buffer.from(bytes.toString('utf8').replace('"slot":0', '"slot":1'), 'utf8');
      expect(altered.equals(bytes)).toBe(false);
      expect(verifies(payload.hub.publicKey, altered, signature)).toBe(false);
      const second = await issuePackage(hub, commune);
      expect(second.slot).toBe(1);
      expect(verifies(payload.hub.publicKey, bytes, open(second).signature)).toBe(false);

      // The hub keeps the code's hash only, and nothing of the setup code.
      const [row] = await hub.db.query('SELECT * FROM provision_packages WHERE id = $1', [issued.packageId]);
      expect(row).toMatchObject({ commune_id: COMMUNE, kind: 'new', cutover_day: null, spare_index: null, used_at: null, withdrawn_at: null });
      expect(num(row?.slot)).toBe(0);
      expect(row?.enrol_code_hash).toBe(createHash('sha256').update(payload.enrolCode).digest('hex'));
      for (const table of ['provision_packages', 'enrol_codes', 'communes', 'accounts', 'devices']) {
        const dump = JSON.stringify(await hub.db.query(`SELECT * FROM ${table}`));
        expect(dump).not.toContain(payload.enrolCode);
        expect(dump).not.toContain(issued.setupCode);
      }
      expect((await hub.db.query('SELECT first_admin_id, first_admin_username FROM communes WHERE id = $1', [COMMUNE]))[0]).toEqual({
        first_admin_id: payload.firstAdmin.id,
        first_admin_username: 'quantri',
      });
    });

    it('gives every PC of a commune the same first administrator, and a slot freed by a revocation cuts over like a replacement', async () => {
      hub = await startTestHub(kind);
      const first = open(await issuePackage(hub, commune));
      const enrolled = (await enrolWith(hub, first.payload.enrolCode, newDeviceKeyPair().publicKey)).body as { deviceId: string };
      const second = open(await issuePackage(hub, commune));
      expect(second.payload.slot).toBe(1);
      expect(second.payload.firstAdmin).toMatchObject({ id: first.payload.firstAdmin.id, username: 'quantri' });
      expect(second.payload.firstAdmin.setupCode).not.toBe(first.payload.firstAdmin.setupCode);

      // Slot 0's PC is revoked by hand: the next new package takes slot 0 again, dated, from the spare pool.
      expect((await call(hub, 'POST', `/v1/admin/devices/${enrolled.deviceId}/revoke`, undefined)).status).toBe(204);
      const reused = open(await issuePackage(hub, { ...commune, slot: 0 }));
      const day = vietnamDay(reused.payload.issuedAt);
      expect(reused.payload.slot).toBe(0);
      expect(reused.payload.sequenceBlocks).toEqual(planSequenceBlocks(0, { day, spareIndex: 0 }));
      const replacement = open(await issuePackage(hub, { ...commune, replaceSlot: 1 }));
      expect(replacement.payload.sequenceBlocks).toEqual(planSequenceBlocks(1, { day, spareIndex: 1 }));
    });

    it('refuses a plain-http hub address, a commune without agency code or province, a taken slot and a full commune', async () => {
      hub = await startTestHub(kind);
      const path = `/v1/admin/communes/${COMMUNE}/provision-packages`;
      await call(hub, 'POST', '/v1/admin/communes', { id: COMMUNE, name: 'UBND xã Thử Nghiệm' });
      const incomplete = await call(hub, 'POST', path, { hubUrl: 'https://hub.thu-nghiem.example' });
      expect(incomplete).toMatchObject({ status: 409, body: { error: 'commune-incomplete', message: { vi: expect.stringContaining('mã định danh') as string, en: expect.stringContaining('agency code') as string } } });
      expect((await call(hub, 'POST', '/v1/admin/communes', { id: COMMUNE, name: 'UBND xã Thử Nghiệm', agencyCode: 'khong-hop-le' })).status).toBe(400);
      // An existing commune gets what it lacks; another commune may not take its agency code.
      expect(await call(hub, 'POST', '/v1/admin/communes', { id: COMMUNE, name: 'UBND xã Thử Nghiệm', agencyCode: '000.00.00.X99', province: 'Tỉnh Thử Nghiệm' })).toMatchObject({ status: 200 });
      expect(await call(hub, 'POST', '/v1/admin/communes', { id: '000.00.00.X98', name: 'UBND xã Thử Hai', agencyCode: '000.00.00.X99' })).toMatchObject({ status: 409, body: { error: 'agency-code-taken' } });

      for (const hubUrl of ['http://hub.thu-nghiem.example', 'http://10.0.0.5:8787', 'ftp://hub.thu-nghiem.example']) {
        expect(await call(hub, 'POST', path, { hubUrl })).toMatchObject({ status: 400, body: { error: 'hub-url-invalid' } });
      }
      const https = await call(hub, 'POST', path, { hubUrl: 'https://hub.thu-nghiem.example/', slot: 4 });
      expect(https.status).toBe(201);
      expect(open(https.body as IssuedPackage).payload.hub.url).toBe('https://hub.thu-nghiem.example');
      expect(await call(hub, 'POST', path, { hubUrl: hub.url, slot: 4 })).toMatchObject({ status: 409, body: { error: 'slot-taken' } });
      expect(await call(hub, 'POST', path, { hubUrl: hub.url, slot: 9 })).toMatchObject({ status: 400, body: { error: 'slot-invalid' } });
      expect(await call(hub, 'POST', path, { hubUrl: hub.url, slot: 1, replaceSlot: 1 })).toMatchObject({ status: 400 });
      expect(await call(hub, 'POST', '/v1/admin/communes/000.00.00.X97/provision-packages', { hubUrl: hub.url })).toMatchObject({ status: 404 });
      expect(await call(hub, 'POST', path, { hubUrl: hub.url }, 'not-the-admin-token')).toMatchObject({ status: 401 });
      // The default takes the lowest free slots (4 is held by the unused package), then none is left.
      const slots: number[] = [];
      for (let i = 0; i < 8; i++) slots.push((await issuePackage(hub, commune)).slot);
      expect(slots).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
      expect(await call(hub, 'POST', path, { hubUrl: hub.url })).toMatchObject({ status: 409, body: { error: 'no-free-slot' } });
      // An expired unused package frees its slot.
      await hub.db.query(`UPDATE provision_packages SET expires_at = now() - interval '1 second' WHERE slot = 2`);
      expect((await issuePackage(hub, commune)).slot).toBe(2);
    });

    it('answers enrolment signed by the package hub key for this PC key, once; the same key may ask again, another may not', async () => {
      hub = await startTestHub(kind);
      const issued = await issuePackage(hub, { ...commune, slot: 3 });
      const { payload } = open(issued);
      expect(await status(hub, issued.packageId)).toBe('unused');

      const pc = newDeviceKeyPair();
      const first = await enrolWith(hub, payload.enrolCode.toLowerCase(), pc.publicKey);
      expect(first.status).toBe(200);
      const answer = enrolResponse.parse(first.body);
      expect(answer).toMatchObject({ communeId: COMMUNE, slot: 3 });
      const message = Buffer.from(enrolAnswerMessage({ deviceId: answer.deviceId, communeId: answer.communeId, publicKey: pc.publicKey }), 'utf8');
      expect(verifies(payload.hub.publicKey, message, answer.signature)).toBe(true);
      // Bound to the PC's key: the same answer does not vouch for another key.
      const other = newDeviceKeyPair();
      const forOther = Buffer.from(enrolAnswerMessage({ deviceId: answer.deviceId, communeId: answer.communeId, publicKey: other.publicKey }), 'utf8');
      expect(verifies(payload.hub.publicKey, forOther, answer.signature)).toBe(false);

      const [device] = await hub.db.query('SELECT slot, package_id, public_key FROM devices WHERE id = $1', [answer.deviceId]);
      expect({ ...device, slot: num(device?.slot) }).toEqual({ slot: 3, package_id: issued.packageId, public_key: pc.publicKey });
      expect((await hub.db.query('SELECT device_id, used_at IS NOT NULL AS used FROM provision_packages WHERE id = $1', [issued.packageId]))[0]).toEqual({ device_id: answer.deviceId, used: true });
      expect(await status(hub, issued.packageId)).toBe('used');

      // The PC's answer was lost: it asks again with the same key and gets the same device.
      const retry = await enrolWith(hub, payload.enrolCode, pc.publicKey);
      expect(retry.status).toBe(200);
      const again = enrolResponse.parse(retry.body);
      expect(again).toMatchObject({ deviceId: answer.deviceId, communeId: COMMUNE, slot: 3 });
      expect(verifies(payload.hub.publicKey, message, again.signature)).toBe(true);
      expect(num((await hub.db.query('SELECT count(*) AS n FROM devices'))[0]?.n)).toBe(1);
      // Another PC with the same code is refused.
      expect(await enrolWith(hub, payload.enrolCode, other.publicKey)).toMatchObject({ status: 403, body: { error: 'enrol-code-invalid' } });

      // A code issued without a package still enrols, signed too, with no slot.
      const legacy = (await call(hub, 'POST', `/v1/admin/communes/${COMMUNE}/enrol-codes`, {})).body as { code: string };
      const plain = enrolResponse.parse((await enrolWith(hub, legacy.code, other.publicKey)).body);
      expect(plain.slot).toBeNull();
      const plainMessage = Buffer.from(enrolAnswerMessage({ deviceId: plain.deviceId, communeId: COMMUNE, publicKey: other.publicKey }), 'utf8');
      expect(verifies(payload.hub.publicKey, plainMessage, plain.signature)).toBe(true);
      expect(await status(hub, '00000000-0000-0000-0000-000000000000')).toBe('unknown');
    });

    it('reports an expired package and refuses its code', async () => {
      hub = await startTestHub(kind);
      const issued = await issuePackage(hub, { ...commune, ttlHours: 1 });
      expect(await status(hub, issued.packageId)).toBe('unused');
      await hub.db.query(`UPDATE provision_packages SET expires_at = now() - interval '1 second' WHERE id = $1`, [issued.packageId]);
      await hub.db.query(`UPDATE enrol_codes SET expires_at = now() - interval '1 second' WHERE package_id = $1`, [issued.packageId]);
      expect(await status(hub, issued.packageId)).toBe('expired');
      expect((await enrolWith(hub, open(issued).payload.enrolCode, newDeviceKeyPair().publicKey)).status).toBe(403);
    });

    it('replaces a PC: the old one is revoked at once, unused packages of the slot withdrawn, spare blocks 0 then 1 on the cut-over day', async () => {
      hub = await startTestHub(kind);
      const original = await issuePackage(hub, commune);
      const old = newDeviceKeyPair();
      const oldDevice = enrolResponse.parse((await enrolWith(hub, open(original).payload.enrolCode, old.publicKey)).body).deviceId;
      expect((await post(hub, '/v1/challenge', { protocol: PROTOCOL_VERSION, deviceId: oldDevice })).status).toBe(200);
      const neighbour = await issuePackage(hub, commune);
      expect(neighbour.slot).toBe(1);

      const first = await issuePackage(hub, { ...commune, replaceSlot: 0 });
      expect(first.slot).toBe(0);
      expect(first.fileName).toBe('000.00.00.X99-may0.motcua');
      const a = open(first).payload;
      const dayA = vietnamDay(a.issuedAt);
      expect(a).toMatchObject({ kind: 'replacement', slot: 0, replaces: oldDevice, sequenceBlocks: planSequenceBlocks(0, { day: dayA, spareIndex: 0 }) });
      expect(a.sequenceBlocks[1]).toEqual({ start: 9001, end: 9111, from: dayA, until: dayA });
      // The same first administrator comes back on the replacement PC.
      const o = open(original).payload;
      expect(a.firstAdmin).toMatchObject({ id: o.firstAdmin.id, username: o.firstAdmin.username });
      expect(a.firstAdmin.setupCode).not.toBe(o.firstAdmin.setupCode);
      // The old PC gets no new challenge; the other slot's package is untouched.
      expect(await post(hub, '/v1/challenge', { protocol: PROTOCOL_VERSION, deviceId: oldDevice })).toMatchObject({ status: 401, body: { error: 'device-unknown' } });
      expect(await status(hub, neighbour.packageId)).toBe('unused');
      // The revoked PC cannot come back through its old code either.
      expect((await enrolWith(hub, o.enrolCode, old.publicKey)).status).toBe(403);

      // A second replacement the same day withdraws the first (never used) and takes spare block 1.
      const second = await issuePackage(hub, { ...commune, replaceSlot: 0 });
      const b = open(second).payload;
      const dayB = vietnamDay(b.issuedAt);
      const index = dayB === dayA ? 1 : 0;
      expect(b).toMatchObject({ kind: 'replacement', replaces: oldDevice, sequenceBlocks: planSequenceBlocks(0, { day: dayB, spareIndex: index }) });
      if (index === 1) expect(b.sequenceBlocks[1]).toEqual({ start: 9112, end: 9222, from: dayB, until: dayB });
      expect(await status(hub, first.packageId)).toBe('withdrawn');
      expect(await enrolWith(hub, a.enrolCode, newDeviceKeyPair().publicKey)).toMatchObject({ status: 403 });
      const rows = await hub.db.query(`SELECT cutover_day, spare_index, replaces_device_id FROM provision_packages WHERE kind = 'replacement' ORDER BY issued_at`);
      expect(rows.map((r) => ({ ...r, spare_index: num(r.spare_index) }))).toEqual([
        { cutover_day: dayA, spare_index: 0, replaces_device_id: oldDevice },
        { cutover_day: dayB, spare_index: index, replaces_device_id: oldDevice },
      ]);

      // The newest replacement enrols in slot 0; its answer verifies with the hub key.
      const fresh = newDeviceKeyPair();
      const enrolled = enrolResponse.parse((await enrolWith(hub, b.enrolCode, fresh.publicKey)).body);
      expect(enrolled.slot).toBe(0);
      const message = Buffer.from(enrolAnswerMessage({ ...enrolled, publicKey: fresh.publicKey }), 'utf8');
      expect(verifies(b.hub.publicKey, message, enrolled.signature)).toBe(true);
      expect((await post(hub, '/v1/challenge', { protocol: PROTOCOL_VERSION, deviceId: enrolled.deviceId })).status).toBe(200);

      // Nine spare blocks a day: once they are used up, no more replacements that day (checked
      // when the Vietnam day did not turn over during the test, which would start a new pool).
      for (let i = index + 1; i < 9; i++) await issuePackage(hub, { ...commune, replaceSlot: 1 });
      const refused = await call(hub, 'POST', `/v1/admin/communes/${COMMUNE}/provision-packages`, { hubUrl: hub.url, replaceSlot: 2 });
      const spares = await hub.db.query(`SELECT spare_index FROM provision_packages WHERE kind = 'replacement' AND cutover_day = $1 ORDER BY spare_index`, [dayB]);
      if (dayA === dayB && vietnamDay(new Date().toISOString()) === dayB) {
        expect(spares.map((r) => num(r.spare_index))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
        expect(refused).toMatchObject({ status: 409, body: { error: 'spare-pool-exhausted' } });
      }
    });
  });
}
