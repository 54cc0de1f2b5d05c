/*
 * The attachments lane and the long-poll on real parts: a Fastify hub on loopback over PGlite and
 * over PostgreSQL 15 with files on disk, real SQLite stores, and a TCP proxy that cuts the link
 * every ~2 MB. The PostgreSQL leg is skipped only when the server is unreachable.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { num } from '../../src/hub/db/db';
import { countAttachmentsWaiting } from '../../src/main/store/repos/attachment-queue';
import { getDossierById } from '../../src/main/store/repos/dossiers';
import { listPages } from '../../src/main/store/repos/pages';
import { countUnsentOutbox } from '../../src/main/store/repos/outbox';
import { uuidv7 } from '../../src/shared/id/uuidv7';
import { requestToken, type FetchFn } from '../../src/sync/hub-api';
import { at } from '../helpers/dossier-fixtures';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { call, communeWithCode, pgUnavailable, startTestHub, type HubKind, type TestHub, submitOnline } from '../helpers/hub';
import { addScannedPage, fakeScan, laneOf, pagesDirOf, printSlip, slipsDirOf } from '../helpers/sync-attachments';
import { enrolPc, receiveDossiers, type TestPc } from '../helpers/sync-pc';
import { useOpenSyncParts } from '../helpers/sync-teardown';
import { useTempDirs } from '../helpers/temp-dir';

const COMMUNE = '000.00.00.X99';
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const hubFile = (hub: TestHub, hash: string): string => join(hub.storageDir, 'blobs', hash.slice(0, 2), hash.slice(2, 4), hash);

for (const kind of ['pglite', 'postgres'] as HubKind[]) {
  const skip = kind === 'postgres' ? pgUnavailable : undefined;
  if (skip !== undefined) console.warn(`sync-attachments [postgres] skipped: ${skip}`);

  describe.skipIf(skip !== undefined)(`attachments lane and long-poll on ${kind}`, () => {
    const tempDir = useTempDirs();
    const open = useOpenSyncParts<{ hub?: TestHub; proxy?: FaultProxy; pcs: TestPc[] }>();
    const twoPcs = async (): Promise<{ hub: TestHub; a: TestPc; b: TestPc }> => {
      const hub = (open.hub = await startTestHub(kind));
      const code = await communeWithCode(hub, COMMUNE, 'UBND xã Thử Nghiệm');
      const a = await enrolPc(tempDir(), hub.url, code, 'Máy 1');
      const codeB = ((await call(hub, 'POST', `/v1/admin/communes/${COMMUNE}/enrol-codes`, {})).body as { code: string }).code;
      const b = await enrolPc(tempDir(), hub.url, codeB, 'Máy 2');
      open.pcs.push(a, b);
      return { hub, a, b };
    };
    const tokenOf = async (hub: TestHub, pc: TestPc): Promise<string> => (await requestToken(fetch, hub.url, pc.creds.deviceId, pc.creds.secret)).token;

    it('moves a 20 MB scan byte-identical to the hub and to the other PC over a link cut every ~2 MB', async () => {
      const { hub, a, b } = await twoPcs();
      const [d] = receiveDossiers(a, 1);
      const scan = fakeScan(20 * 1024 * 1024, 7);
      const { pageId } = addScannedPage(a, d!.id, scan);
      expect(a.store.read(countAttachmentsWaiting)).toBe(1);
      await a.client.syncOnce();
      const proxy = (open.proxy = await startFaultProxy(hub.url, 11, 2_000_000, 2_100_000));
      const run = async (pc: TestPc): Promise<number> => {
        const lane = laneOf(pc, proxy.url);
        let failures = 0;
        for (let i = 0; i < 200; i++) {
          const done = await lane.runOnce().then(() => lane.waiting() === 0, () => ((failures += 1), false));
          if (done) break;
        }
        return failures;
      };
      const upFailures = await run(a);
      expect(a.store.read(countAttachmentsWaiting)).toBe(0);
      expect(upFailures).toBeGreaterThan(3);
      expect(sha(readFileSync(hubFile(hub, sha(scan))))).toBe(sha(scan));

      await b.client.syncOnce();
      const cutsBefore = proxy.cuts();
      const downFailures = await run(b);
      expect(proxy.cuts() - cutsBefore).toBeGreaterThan(3);
      expect(downFailures).toBeGreaterThan(3);
      expect(readFileSync(join(pagesDirOf(b), `${sha(scan)}.jpg`)).equals(scan)).toBe(true);
      const pages = b.store.read((db) => listPages(db, `${d!.id}-doc`));
      expect(pages.map((p) => ({ id: p.id, sha256: p.sha256 }))).toEqual([{ id: pageId, sha256: sha(scan) }]);
      // The downloaded page is not sent back up.
      expect(b.store.read(countAttachmentsWaiting)).toBe(0);
      expect(num((await hub.db.query('SELECT count(*) AS n FROM attachments'))[0]?.n)).toBe(1);
    });

    it('refuses a chunk whose hash does not match, and keeps nothing of it', async () => {
      const { hub, a } = await twoPcs();
      const [d] = receiveDossiers(a, 1);
      await a.client.syncOnce();
      const bytes = fakeScan(4096, 3);
      const url = `${hub.url}/v1/dossiers/${d!.id}/attachments/${sha(bytes)}`;
      const token = await tokenOf(hub, a);
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0', 'upload-length': '4096' };
      const bad = await fetch(url, { method: 'PATCH', headers: { ...headers, 'chunk-sha256': sha(fakeScan(4096, 4)) }, body: bytes });
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as { error: string }).error).toBe('attachment-chunk-hash');
      const status = await fetch(`${url}/status`, { headers: { authorization: `Bearer ${token}` } });
      expect(await status.json()).toEqual({ sha256: sha(bytes), received: 0, complete: false });
      // A whole file whose bytes do not match its name is refused at the end, and dropped.
      const liar = fakeScan(4096, 5);
      const lie = await fetch(url, { method: 'PATCH', headers: { ...headers, 'chunk-sha256': sha(liar) }, body: liar });
      expect(((await lie.json()) as { error: string }).error).toBe('attachment-hash-mismatch');
      expect(await (await fetch(`${url}/status`, { headers: { authorization: `Bearer ${token}` } })).json()).toMatchObject({ received: 0, complete: false });
    });

    it("refuses a file for another commune's dossier and never serves a damaged file", async () => {
      const { hub, a } = await twoPcs();
      const codeOther = await communeWithCode(hub, '000.00.00.X98', 'UBND xã Thử Nghiệm Bên');
      const other = await enrolPc(tempDir(), hub.url, codeOther, 'Máy xã khác');
      open.pcs.push(other);
      const [d] = receiveDossiers(a, 1);
      const scan = fakeScan(300_000, 9);
      addScannedPage(a, d!.id, scan);
      await a.client.syncOnce();
      await laneOf(a, hub.url).runOnce();
      const token = await tokenOf(hub, other);
      const url = `${hub.url}/v1/dossiers/${d!.id}/attachments/${sha(scan)}`;
      const auth = { authorization: `Bearer ${token}` };
      const refused = [
        await fetch(`${url}/status`, { headers: auth }),
        await fetch(url, { headers: auth }),
        await fetch(url, { method: 'PATCH', headers: { ...auth, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0', 'upload-length': '3', 'chunk-sha256': sha(Buffer.from('abc')) }, body: 'abc' }),
        await fetch(`${hub.url}/v1/dossiers/${d!.id}/attachments`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ sha256: sha(scan), kind: 'slip', refId: sha(scan), document: null, page: null }) }),
      ];
      expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403]);
      expect(((await refused[0]!.json()) as { error: string }).error).toBe('attachment-other-commune');
      const listed = await fetch(`${hub.url}/v1/attachments`, { headers: auth });
      expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);
      // The owner may read it, with Range; once damaged on disk the hub no longer serves it.
      const mine = { authorization: `Bearer ${await tokenOf(hub, a)}` };
      const part = await fetch(url, { headers: { ...mine, range: 'bytes=100-199' } });
      expect(part.status).toBe(206);
      expect(Buffer.from(await part.arrayBuffer()).equals(scan.subarray(100, 200))).toBe(true);
      const damaged = Buffer.from(scan);
      damaged[5] = damaged[5]! ^ 0xff;
      writeFileSync(hubFile(hub, sha(scan)), damaged);
      const gone = await fetch(url, { headers: mine });
      expect(gone.status).toBe(404);
      expect(((await gone.json()) as { error: string }).error).toBe('attachment-missing');
    });

    it('never lets a stuck attachment hold back dossier data', async () => {
      const { hub, a, b } = await twoPcs();
      // The hub's file routes fail for this PC (a broken proxy rule, a full disk): everything else works.
      const noFiles: FetchFn = async (url, init) => {
        if (url.includes('/attachments')) throw new TypeError('fetch failed');
        return fetch(url, init);
      };
      const [d] = receiveDossiers(a, 1);
      addScannedPage(a, d!.id, fakeScan(50_000, 1));
      const slip = printSlip(a, d!.id, fakeScan(20_000, 2));
      const lane = laneOf(a, hub.url, noFiles);
      await expect(lane.runOnce()).rejects.toMatchObject({ code: 'network' });
      await a.client.syncOnce();
      receiveDossiers(a, 5);
      await expect(lane.runOnce()).rejects.toMatchObject({ code: 'network' });
      await a.client.syncOnce();
      expect(a.store.read(countUnsentOutbox)).toBe(0);
      expect(num((await hub.db.query('SELECT count(*) AS n FROM dossiers'))[0]?.n)).toBe(6);
      expect(lane.waiting()).toBe(2);
      await b.client.syncOnce();
      expect(b.store.read((db) => getDossierById(db, d!.id))?.id).toBe(d!.id);
      // The link heals: the files follow, and reach the other PC (the slip as a file).
      expect(await laneOf(a, hub.url).runOnce()).toMatchObject({ uploaded: 2, failed: 0 });
      expect(a.store.read(countAttachmentsWaiting)).toBe(0);
      expect((await hub.db.query('SELECT kind FROM attachments ORDER BY kind')).map((r) => r.kind)).toEqual(['page', 'slip']);
      expect(await laneOf(b, hub.url).runOnce()).toMatchObject({ downloaded: 2 });
      expect(readFileSync(join(slipsDirOf(b), `${sha(slip)}.pdf`)).equals(slip)).toBe(true);
    });

    it.skipIf(kind !== 'postgres')('listens again after its LISTEN session is killed, so long-polls still wake at once', async () => {
      const { hub, b } = await twoPcs();
      await b.client.syncOnce();
      const killed = await hub.db.query("SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN motcua_feed%'");
      expect(killed).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 2500));
      const started = performance.now();
      const waiting = b.client.waitForChanges(20);
      await new Promise((r) => setTimeout(r, 300));
      await submitOnline(hub, { id: uuidv7(Date.parse(at(3))), communeId: COMMUNE, applicantName: 'Lê Văn Thử', applicantIdNumber: '001299000002', applicantPhone: '0900000002', submittedAt: at(3) });
      expect(await waiting).toBe(1);
      // Well before the 10 s re-check: the wake-up came from the new LISTEN session.
      expect(performance.now() - started).toBeLessThan(8000);
    });

    it('answers a long-poll as soon as an upstream change commits, and times out cleanly when none comes', async () => {
      const { hub, b } = await twoPcs();
      await b.client.syncOnce();
      const quiet = performance.now();
      expect(await b.client.waitForChanges(1)).toBe(0);
      expect(performance.now() - quiet).toBeGreaterThanOrEqual(900);

      const waitS = 20;
      const started = performance.now();
      const waiting = b.client.waitForChanges(waitS);
      await new Promise((r) => setTimeout(r, 300));
      const onlineId = uuidv7(Date.parse(at(2)));
      const portal = await submitOnline(hub, { id: onlineId, communeId: COMMUNE, applicantName: 'Trần Thị Thử', applicantIdNumber: '001299000001', applicantPhone: '0900000001', submittedAt: at(2) });
      expect(portal.status).toBe(201);
      expect(await waiting).toBe(1);
      // Woken by the change, not by the end of the wait.
      expect(performance.now() - started).toBeLessThan(waitS * 1000 / 2);
      expect(b.store.read((db) => getDossierById(db, onlineId))?.status).toBe('submitted-online');

      // A hub shutting down releases a waiting pull at once instead of holding its close.
      const held = b.client.waitForChanges(waitS);
      await new Promise((r) => setTimeout(r, 300));
      const closing = performance.now();
      await hub.close();
      open.hub = undefined;
      await expect(held).resolves.toBe(0);
      expect(performance.now() - closing).toBeLessThan(waitS * 1000 / 2);
    });
  });
}
