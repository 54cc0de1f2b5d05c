/*
 * Sync through a TCP proxy that cuts connections mid-stream (requests half-sent, answers lost
 * after the hub committed), two PCs of one commune, a seeded fault schedule. After the link
 * heals, the invariants of sync.md §4.11 that this slice covers must hold: every dossier exactly
 * once on the hub, every outbox empty, both PCs see each other's work, cursors at the feed head,
 * each dossier's hub history a single receipt.
 */
import { describe, expect, it } from 'vitest';
import { num } from '../../src/hub/db/db';
import { countDossiers } from '../../src/main/store/repos/dossiers';
import { countUnsentOutbox } from '../../src/main/store/repos/outbox';
import { getSyncState } from '../../src/main/store/repos/sync-state';
import { SyncClient } from '../../src/sync/client';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { call, communeWithCode, pgUnavailable, startTestHub, type HubKind, type TestHub } from '../helpers/hub';
import { enrolPc, receiveDossiers, type TestPc } from '../helpers/sync-pc';
import { useOpenSyncParts } from '../helpers/sync-teardown';
import { useTempDirs } from '../helpers/temp-dir';

const SEED = Number(process.env.SYNC_FAULT_SEED ?? 20261123);

for (const kind of ['pglite', 'postgres'] as HubKind[]) {
  describe.skipIf(kind === 'postgres' && pgUnavailable !== undefined)(`sync under mid-stream cuts (${kind}, seed ${SEED})`, () => {
    const tempDir = useTempDirs();
    const open = useOpenSyncParts<{ hub?: TestHub; proxy?: FaultProxy; pcs: TestPc[] }>();

    it('loses nothing and duplicates nothing', async () => {
      const hub = (open.hub = await startTestHub(kind));
      const code1 = await communeWithCode(hub, '000.00.00.X99', 'UBND xã Thử Nghiệm');
      const code2 = ((await call(hub, 'POST', '/v1/admin/communes/000.00.00.X99/enrol-codes', {})).body as { code: string }).code;
      const proxy = (open.proxy = await startFaultProxy(hub.url, SEED));
      // Enrol directly, then sync only through the proxy; small batches mean many requests to cut.
      const pcs = [await enrolPc(tempDir(), hub.url, code1, 'Máy 1'), await enrolPc(tempDir(), hub.url, code2, 'Máy 2')];
      open.pcs.push(...pcs);
      for (const pc of pcs) pc.client = new SyncClient(pc.store, fetch, proxy.url, pc.creds, { batchSize: 25, pageSize: 40 });
      receiveDossiers(pcs[0]!, 150);
      receiveDossiers(pcs[1]!, 150);

      let failures = 0;
      for (let round = 0; round < 200; round++) {
        const results = await Promise.allSettled(pcs.map((pc) => pc.client.syncOnce()));
        failures += results.filter((r) => r.status === 'rejected').length;
        const waiting = pcs.reduce((n, pc) => n + pc.store.read(countUnsentOutbox), 0);
        if (waiting === 0 && results.every((r) => r.status === 'fulfilled')) break;
        if (round === 60) proxy.cutting = false; // the link heals
      }
      // A last clean round so each PC reads what the other pushed last.
      proxy.cutting = false;
      for (const pc of pcs) await pc.client.syncOnce();

      if (process.env.SYNC_FAULT_VERBOSE === '1') console.info(`${kind}: ${proxy.cuts()} cuts, ${failures} failed syncs`);
      expect(proxy.cuts()).toBeGreaterThan(3);
      expect(failures).toBeGreaterThan(0);
      const q = async (sql: string): Promise<number> => num((await hub.db.query(sql))[0]?.n);
      expect(await q('SELECT count(*) AS n FROM dossiers')).toBe(300);
      expect(await q('SELECT count(*) AS n FROM dossier_events')).toBe(300);
      expect(await q('SELECT count(*) AS n FROM mutations')).toBe(300);
      expect(await q('SELECT count(*) AS n FROM (SELECT dossier_id FROM dossier_events GROUP BY dossier_id HAVING count(*) <> 1) AS x')).toBe(0);
      const head = await q("SELECT feed_version AS n FROM communes WHERE id = '000.00.00.X99'");
      for (const pc of pcs) {
        expect(pc.store.read(countUnsentOutbox)).toBe(0);
        expect(pc.store.read(countDossiers)).toBe(300);
        expect(pc.store.read((db) => getSyncState(db, 'pull.cursor'))).toBe(head);
      }
    });
  });
}
