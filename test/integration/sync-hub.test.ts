/*
 * Sync end to end on real parts: a Fastify hub on loopback over PGlite and over PostgreSQL 15,
 * and real SQLite stores for the commune's PCs. The PostgreSQL leg is skipped only when the
 * server is unreachable (the reason is printed by the skip).
 */
import { describe, expect, it } from 'vitest';
import { num } from '../../src/hub/db/db';
import { countUnsentOutbox, peekUnsentOutbox } from '../../src/main/store/repos/outbox';
import { getDossierById, countDossiers } from '../../src/main/store/repos/dossiers';
import { listSyncRejections } from '../../src/main/store/repos/sync-rejections';
import { getHolidayOverlay } from '../../src/main/store/repos/holidays';
import { putSyncState, getSyncState } from '../../src/main/store/repos/sync-state';
import { uuidv7 } from '../../src/shared/id/uuidv7';
import { SyncClient } from '../../src/sync/client';
import { newDeviceKeyPair } from '../../src/sync/device-key';
import { enrol, push, requestToken, SyncError, type FetchFn } from '../../src/sync/hub-api';
import { at } from '../helpers/dossier-fixtures';
import { call, communeWithCode, pgUnavailable, startTestHub, type HubKind, type TestHub, submitOnline } from '../helpers/hub';
import { enrolPc, receiveDossiers, transitionOnPc, type TestPc } from '../helpers/sync-pc';
import { useOpenSyncParts } from '../helpers/sync-teardown';
import { useTempDirs } from '../helpers/temp-dir';

const count = async (hub: TestHub, sql: string, params: unknown[] = []): Promise<number> => num((await hub.db.query(sql, params))[0]?.n);

for (const kind of ['pglite', 'postgres'] as HubKind[]) {
  const skip = kind === 'postgres' ? pgUnavailable : undefined;
  if (skip !== undefined) console.warn(`sync-hub [postgres] skipped: ${skip}`);

  describe.skipIf(skip !== undefined)(`sync with the hub on ${kind}`, () => {
    const tempDir = useTempDirs();
    const open = useOpenSyncParts<{ hub?: TestHub; pcs: TestPc[] }>();
    const hubWith = async (): Promise<TestHub> => (open.hub = await startTestHub(kind));
    const pcOf = async (hub: TestHub, commune: string, name = 'PC', fetchFn: FetchFn = fetch): Promise<TestPc> => {
      const code = await communeWithCode(hub, commune, `UBND xã Thử Nghiệm ${commune}`);
      const pc = await enrolPc(tempDir(), hub.url, code, name, fetchFn);
      open.pcs.push(pc);
      return pc;
    };

    it('enrols with a one-time code and refuses its reuse', async () => {
      const hub = await hubWith();
      const code = await communeWithCode(hub, '000.00.00.X99', 'UBND xã Thử Nghiệm');
      const first = await enrol(fetch, hub.url, code, 'Máy 1');
      expect(first.communeId).toBe('000.00.00.X99');
      await expect(enrol(fetch, hub.url, code, 'Máy 2')).rejects.toMatchObject({ code: 'enrol-code-invalid', status: 403, transient: false });
      await expect(requestToken(fetch, hub.url, first.deviceId, newDeviceKeyPair().privateKey)).rejects.toMatchObject({ status: 401 });
    });

    it('takes 200 dossiers from two PCs exactly once, even when a batch is sent again', async () => {
      const hub = await hubWith();
      const a = await pcOf(hub, '000.00.00.X99', 'Máy 1');
      const codeB = (await call(hub, 'POST', '/v1/admin/communes/000.00.00.X99/enrol-codes', {})).body as { code: string };
      const b = await enrolPc(tempDir(), hub.url, codeB.code, 'Máy 2');
      open.pcs.push(b);
      receiveDossiers(a, 100);
      receiveDossiers(b, 100);
      const batch = a.store.read((db) => peekUnsentOutbox(db, 50)).map((e) => ({ seq: e.seq, key: e.idempotencyKey, kind: e.kind, entityId: e.entityId, payload: e.payload }));
      await a.client.pushOnce();
      await b.client.pushOnce();
      const { token } = await requestToken(fetch, hub.url, a.creds.deviceId, a.creds.secret);
      const again = await push(fetch, hub.url, token, a.creds.deviceId, batch);
      expect(again).toEqual({ appliedThrough: 100, rejected: [] });
      expect(await count(hub, 'SELECT count(*) AS n FROM dossiers')).toBe(200);
      expect(await count(hub, 'SELECT count(*) AS n FROM dossier_events')).toBe(200);
      expect(await count(hub, 'SELECT count(*) AS n FROM mutations')).toBe(200);
      expect(a.store.read(countUnsentOutbox) + b.store.read(countUnsentOutbox)).toBe(0);
    });

    it('applies a key it already holds only once, even under a new seq (a PC restored from backup)', async () => {
      const hub = await hubWith();
      const pc = await pcOf(hub, '000.00.00.X99', 'Máy 1');
      receiveDossiers(pc, 3);
      const [m1, m2, m3] = pc.store.read((db) => peekUnsentOutbox(db, 3)).map((e) => ({ seq: e.seq, key: e.idempotencyKey, kind: e.kind, entityId: e.entityId, payload: e.payload }));
      const { token } = await requestToken(fetch, hub.url, pc.creds.deviceId, pc.creds.secret);
      expect(await push(fetch, hub.url, token, pc.creds.deviceId, [m1!, m2!])).toEqual({ appliedThrough: 2, rejected: [] });
      expect(await push(fetch, hub.url, token, pc.creds.deviceId, [{ ...m1!, seq: 3 }, { ...m3!, seq: 4 }])).toEqual({ appliedThrough: 4, rejected: [] });
      expect(await count(hub, 'SELECT count(*) AS n FROM dossiers')).toBe(3);
      expect(await count(hub, 'SELECT count(*) AS n FROM dossier_events')).toBe(3);
      expect(await count(hub, "SELECT count(*) AS n FROM mutations WHERE outcome = 'duplicate-key'")).toBe(1);
      await expect(push(fetch, hub.url, token, pc.creds.deviceId, [{ ...m3!, seq: 9 }])).rejects.toMatchObject({ code: 'seq-gap', status: 409 });
    });

    it('re-pushes after a crash between the hub applying a batch and the PC marking it sent, without duplicates', async () => {
      const hub = await hubWith();
      let cut = true;
      // The hub applies the batch; the PC dies before it can read the answer and mark the rows.
      const dying: FetchFn = async (url, init) => {
        const res = await fetch(url, init);
        if (cut && url.endsWith('/v1/push')) {
          await res.text();
          throw new Error('killed');
        }
        return res;
      };
      const pc = await pcOf(hub, '000.00.00.X99', 'Máy 1', dying);
      receiveDossiers(pc, 30);
      await expect(pc.client.pushOnce()).rejects.toBeInstanceOf(SyncError);
      expect(pc.store.read(countUnsentOutbox)).toBe(30);
      expect(await count(hub, 'SELECT count(*) AS n FROM dossiers')).toBe(30);
      // Restart: a new store connection and a new client, as after the process was killed.
      pc.store.close();
      pc.store = (await import('../helpers/dossier-fixtures')).openTestStore(pc.dir);
      cut = false;
      pc.client = new SyncClient(pc.store, fetch, hub.url, pc.creds);
      expect(await pc.client.pushOnce()).toBe(30);
      expect(pc.store.read(countUnsentOutbox)).toBe(0);
      expect(await count(hub, 'SELECT count(*) AS n FROM dossiers')).toBe(30);
      expect(await count(hub, 'SELECT count(*) AS n FROM dossier_events')).toBe(30);
      expect(await count(hub, 'SELECT count(*) AS n FROM mutations')).toBe(30);
    });

    it("pulls the other PC's dossiers, an online dossier from the portal and a holiday overlay", async () => {
      const hub = await hubWith();
      const a = await pcOf(hub, '000.00.00.X99', 'Máy 1');
      const codeB = (await call(hub, 'POST', '/v1/admin/communes/000.00.00.X99/enrol-codes', {})).body as { code: string };
      const b = await enrolPc(tempDir(), hub.url, codeB.code, 'Máy 2');
      open.pcs.push(b);
      const fromA = receiveDossiers(a, 12);
      await a.client.syncOnce();
      const onlineId = uuidv7(Date.parse(at(2)));
      const portal = await submitOnline(hub, { id: onlineId, communeId: '000.00.00.X99', applicantName: 'Trần Thị Thử', applicantIdNumber: '001299000001', applicantPhone: '0900000001', submittedAt: at(2) });
      expect(portal.status).toBe(201);
      expect((await call(hub, 'PUT', '/v1/admin/holidays/2027', { overlay: { daysOff: ['2027-02-05'] } })).status).toBe(204);
      await b.client.syncOnce();
      expect(b.store.read(countDossiers)).toBe(13);
      expect(b.store.read((db) => getDossierById(db, fromA[0]!.id))?.applicantName).toBe(fromA[0]!.applicantName);
      expect(b.store.read((db) => getDossierById(db, onlineId))).toMatchObject({ status: 'submitted-online', channel: 'online' });
      expect(b.store.read((db) => getHolidayOverlay(db, 2027))?.overlay).toEqual({ daysOff: ['2027-02-05'] });
      expect(b.client.status()).toMatchObject({ waiting: 0, rejected: 0, lastError: null });
    });

    it("keeps a device of commune B out of commune A's data", async () => {
      const hub = await hubWith();
      const a = await pcOf(hub, '000.00.00.X99', 'Máy xã A');
      const b = await pcOf(hub, '000.00.00.X98', 'Máy xã B');
      const [dossierOfA] = receiveDossiers(a, 3);
      await a.client.syncOnce();
      await b.client.syncOnce();
      expect(b.store.read(countDossiers)).toBe(0);
      const { token } = await requestToken(fetch, hub.url, b.creds.deviceId, b.creds.secret);
      // B's token cannot push as A's device …
      await expect(push(fetch, hub.url, token, a.creds.deviceId, [{ seq: 1, key: uuidv7(1), kind: 'dossier.viewed', entityId: dossierOfA!.id, payload: {} }])).rejects.toMatchObject({ status: 403 });
      // … and what B pushes about A's dossier is refused, never applied.
      const touched = await push(fetch, hub.url, token, b.creds.deviceId, [
        { seq: 1, key: uuidv7(2), kind: 'dossier.viewed', entityId: dossierOfA!.id, payload: { event: { id: uuidv7(3), dossierId: dossierOfA!.id, at: at(9), action: 'view', fromStatus: null, toStatus: null } } },
      ]);
      expect(touched.rejected.map((r) => r.code)).toEqual(['sync.not-in-commune']);
      expect(await count(hub, "SELECT count(*) AS n FROM dossier_events WHERE commune_id = '000.00.00.X98'")).toBe(0);
      expect((await fetch(`${hub.url}/v1/pull`)).status).toBe(401);
      expect((await fetch(`${hub.url}/v1/pull`, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    });

    it('refuses an illegal transition for good, shows it on the PC and brings back the hub state', async () => {
      const hub = await hubWith();
      const a = await pcOf(hub, '000.00.00.X99', 'Máy 1');
      const codeB = (await call(hub, 'POST', '/v1/admin/communes/000.00.00.X99/enrol-codes', {})).body as { code: string };
      const b = await enrolPc(tempDir(), hub.url, codeB.code, 'Máy 2');
      open.pcs.push(b);
      const [d] = receiveDossiers(a, 1);
      await a.client.syncOnce();
      await b.client.syncOnce();
      transitionOnPc(a, d!.id, 'start-processing', 'processing');
      await a.client.syncOnce();
      // B still sees 'received' and tries a move that is no longer legal on the hub.
      transitionOnPc(b, d!.id, 'transfer', 'transferred');
      await b.client.syncOnce();
      const rejections = b.store.read((db) => listSyncRejections(db));
      expect(rejections).toHaveLength(1);
      expect(rejections[0]!.code).toMatch(/^sync\./);
      expect(rejections[0]!.message.vi).not.toBe('');
      expect(b.client.status()).toMatchObject({ waiting: 0, rejected: 1 });
      expect(b.store.read((db) => getDossierById(db, d!.id))?.status).toBe('processing');
      expect(await count(hub, 'SELECT count(*) AS n FROM rejections')).toBe(1);
      expect((await hub.db.query('SELECT status FROM dossiers WHERE id = $1', [d!.id]))[0]?.status).toBe('processing');
    });

    it('answers an unknown cursor with a resync and pulls everything again in pages', async () => {
      const hub = await hubWith();
      const a = await pcOf(hub, '000.00.00.X99', 'Máy 1');
      receiveDossiers(a, 7);
      await a.client.syncOnce();
      a.store.write((db) => putSyncState(db, 'pull.cursor', 999_999, at(0)));
      await a.client.pullOnce();
      const feed = num((await hub.db.query("SELECT feed_version FROM communes WHERE id = '000.00.00.X99'"))[0]?.feed_version);
      expect(a.store.read((db) => getSyncState(db, 'pull.cursor'))).toBe(feed);
      expect(a.store.read(countDossiers)).toBe(7);
    });
  });
}
