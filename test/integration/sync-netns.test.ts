/*
 * Proof under faults (issue 7; sync.md §6), all real parts: the hub is its own process on
 * PostgreSQL; two PCs of one commune are processes in their own network namespaces running the
 * production SyncScheduler; each reaches the hub through a veth pair and a TCP fault proxy on the
 * test's side. While the PCs receive 500 dossiers each, the schedule below drops packets at
 * random, partitions, resets connections (nftables in the PC's namespace), adds latency, stalls
 * and cuts streams mid-message (the proxy), SIGKILLs the hub and starts it again, and PC 1 kills
 * itself with SIGKILL right after a push answer arrived (the hub committed, the PC did not mark
 * the batch) and is started again, and PC 2 is SIGKILLed from outside while it catches up after
 * its partition, and started again. Once the link is healed the six invariants must hold:
 * I1 every dossier exactly once on the hub; I2 every scanned page byte-identical on the hub and
 * on both PCs (each PC scans a page for every tenth dossier); I3 both outboxes empty; I4 cursors
 * consistent (PC cursor = commune feed version, hub's last applied seq = the PC's last seq, each
 * seq recorded once); I5 each dossier's events on the hub once, in the PC's order, a legal status
 * chain; I6 both PCs hold every dossier at the hub's status and row version.
 * Needs root (namespaces) and PostgreSQL (a hub process that survives SIGKILL); skipped, saying
 * why, without them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HubDb } from '../../src/hub/db/db';
import { num } from '../../src/hub/db/db';
import { openPostgres } from '../../src/hub/db/postgres';
import { openStore } from '../../src/main/store/db';
import { countUnsentOutbox } from '../../src/main/store/repos/outbox';
import { getSyncState } from '../../src/main/store/repos/sync-state';
import { CURSOR_KEY } from '../../src/sync/apply-pull';
import { databaseFileName } from '../../src/main/services/core';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { communeWithCode, freshDatabase, pgUnavailable } from '../helpers/hub';
import { createPcNamespaces, netnsUnavailable, type Namespaces } from '../helpers/netns';
import { bundleForNode, startHubProcess, startPcProcess, type HubProcess, type PcProcess } from '../helpers/netns-hub';
import type { NetnsPcConfig } from '../helpers/netns-pc';
import { useTempDirs } from '../helpers/temp-dir';

const PER_PC = 500;
const COMMUNE = '000.00.00.X99';
const skipReason = netnsUnavailable ?? pgUnavailable;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  await new Promise((r) => server.close(r));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('sync under real network faults (namespaces, nftables, fault proxy, restarts)', () => {
  const tempDir = useTempDirs();
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await Promise.resolve(step()).catch(() => undefined);
  });

  const title = `${2 * PER_PC} dossiers from two PCs of one commune reach the hub exactly once, and the invariants hold`;
  it.skipIf(skipReason !== undefined)(skipReason === undefined ? title : `${title} (skipped: ${skipReason})`, async () => {
    const bundles = tempDir();
    const pcFile = bundleForNode('test/helpers/netns-pc.ts', bundles);
    const db = await freshDatabase();
    cleanup.push(() => db.drop());
    const ns: Namespaces = createPcNamespaces(2);
    cleanup.push(() => ns.teardown());
    const hubFiles = tempDir();
    const hub: HubProcess = await startHubProcess(bundles, db.url, await freePort(), hubFiles);
    cleanup.push(() => hub.stop());
    const hubDb: HubDb = openPostgres(db.url);
    cleanup.push(() => hubDb.close());

    const proxies: FaultProxy[] = [];
    for (const [i, link] of ns.pcs.entries()) {
      const proxy = await startFaultProxy(hub.url, 1000 + i, 2_000, 60_000, { host: link.hostAddress, port: 0 });
      proxy.cutting = false;
      proxies.push(proxy);
      cleanup.push(() => proxy.close());
    }
    const [link1, link2] = ns.pcs as [Namespaces['pcs'][0], Namespaces['pcs'][0]];
    const [proxy1, proxy2] = proxies as [FaultProxy, FaultProxy];
    const port1 = Number(new URL(proxy1.url).port);

    const pcDirs = [tempDir(), tempDir()];
    const config = (pc: number, code: string, killAfterPushes?: number): NetnsPcConfig => ({
      dir: pcDirs[pc - 1] as string,
      hubUrl: (pc === 1 ? proxy1 : proxy2).url,
      code,
      pc,
      target: PER_PC,
      // 500 in about 17 s: the writes span the whole fault schedule.
      burst: 10,
      burstEveryMs: 350,
      timeoutMs: 4_000,
      pageEvery: 10,
      ...(killAfterPushes === undefined ? {} : { killAfterPushes }),
    });
    const code1 = await communeWithCode(hub, COMMUNE, 'UBND xã Thử Nghiệm');
    const code2 = await communeWithCode(hub, COMMUNE, 'UBND xã Thử Nghiệm');
    const pcs: PcProcess[] = [];
    pcs[0] = startPcProcess(pcFile, config(1, code1, 3), link1.exec);
    pcs[1] = startPcProcess(pcFile, config(2, code2), link2.exec);
    cleanup.push(async () => {
      for (const p of pcs) if (p.child.exitCode === null && p.child.signalCode === null) await p.stop();
    });

    // PC 1 dies by its failpoint right after its third push answer; it comes back a second later.
    const killed = pcs[0].exited.then(async (how) => {
      await sleep(1_000);
      pcs[0] = startPcProcess(pcFile, config(1, code1), link1.exec);
      return how;
    });

    // What each PC's badge showed along the way: the faults must have been felt, not just set.
    const seen = [new Set<string>(), new Set<string>()];
    const sampler = setInterval(() => pcs.forEach((p, i) => seen[i]?.add(`${p.last()?.state}/${p.last()?.lastError}`)), 100);
    cleanup.push(() => clearInterval(sampler));
    const timeline: string[] = [];
    const step = async (ms: number, what: string, act: () => void | Promise<void>): Promise<void> => {
      await sleep(ms);
      timeline.push(`${what} (+${ms} ms)`);
      await act();
    };
    await step(800, 'pc1: 30% packet loss; pc2: latency 40±40 ms', () => {
      link1.loss(30);
      proxy2.latencyMs = 40;
      proxy2.jitterMs = 40;
    });
    await step(3_000, 'pc1 healed; pc2 partitioned (every packet dropped)', () => {
      link1.heal();
      link2.partition();
    });
    await step(6_000, 'pc2 healed; pc1 connections reset', () => {
      link2.heal();
      link1.reset(port1);
    });
    // Right after its partition PC 2 is pushing its backlog: killed from outside, mid-batch.
    await step(700, 'pc2 SIGKILLed from outside while catching up, back after 0.5 s', async () => {
      pcs[1]?.child.kill('SIGKILL');
      expect(await pcs[1]?.exited).toBe('SIGKILL');
      await sleep(500);
      pcs[1] = startPcProcess(pcFile, config(2, code2), link2.exec);
    });
    await step(1_800, 'pc1 healed, its streams cut mid-message; pc2 stalled', () => {
      link1.heal();
      proxy1.cutting = true;
      proxy2.stalled = true;
    });
    await step(3_000, 'pc2 unstalled; hub SIGKILLed, back after 1.5 s', async () => {
      proxy2.stalled = false;
      await hub.restart('SIGKILL', 1_500);
    });
    await step(3_000, 'pc1 streams whole again; pc2 20% loss', () => {
      proxy1.cutting = false;
      link2.loss(20);
    });
    await step(3_000, 'everything healed', () => {
      link2.heal();
      proxy2.latencyMs = 0;
      proxy2.jitterMs = 0;
    });
    expect(await killed).toBe('SIGKILL');
    expect(proxy1.cuts()).toBeGreaterThan(0);
    expect([...(seen[1] ?? [])]).toContain('offline/sync.hub-unreachable');
    expect([...(seen[0] ?? [])].filter((s) => s.endsWith('/sync.hub-unreachable')).length).toBeGreaterThan(0);

    // Settled: every PC wrote its share, sent it all, and read the feed to its end.
    const feedVersion = async (): Promise<number> => num((await hubDb.query('SELECT feed_version FROM communes WHERE id = $1', [COMMUNE]))[0]?.feed_version);
    const deadline = Date.now() + 90_000;
    for (;;) {
      const version = await feedVersion();
      const settled = pcs.every((p) => {
        const s = p.last();
        return s !== undefined && s.written === PER_PC && s.waiting === 0 && s.attachmentsWaiting === 0 && s.cursor === version;
      });
      if (settled) break;
      if (Date.now() > deadline) {
        throw new Error(`not settled: feed ${version}; ${pcs.map((p) => JSON.stringify(p.last())).join(' ')}\ntimeline: ${timeline.join('; ')}\n${pcs.map((p) => p.stderr()).join('\n')}`);
      }
      await sleep(200);
    }
    clearInterval(sampler);
    for (const p of pcs) expect(await p.stop()).toBe('exit 0');

    const devices = await hubDb.query<{ id: string; name: string; last_applied_seq: unknown }>('SELECT id, name, last_applied_seq FROM devices WHERE commune_id = $1 ORDER BY name', [COMMUNE]);
    expect(devices.map((d) => d.name)).toEqual(['PC 1', 'PC 2']);
    const hubDossiers = await hubDb.query<{ id: string; status: string; row_version: number }>('SELECT id, status, row_version FROM dossiers WHERE commune_id = $1', [COMMUNE]);
    const hubById = new Map(hubDossiers.map((d) => [d.id, d]));
    const feed = await feedVersion();
    expect(await hubDb.query('SELECT * FROM rejections')).toEqual([]);

    const mine: string[][] = [];
    for (const [i, dir] of pcDirs.entries()) {
      const store = openStore(join(dir, databaseFileName));
      try {
        const device = devices[i];
        if (device === undefined) throw new Error('device missing');
        const local = store.read((db) => db.prepare('SELECT id, code, status, row_version FROM dossiers').all() as { id: string; code: string; status: string; row_version: number }[]);
        const outbox = store.read((db) => db.prepare('SELECT seq, payload FROM outbox ORDER BY seq').all() as { seq: number; payload: string }[]);
        mine.push(local.filter((d) => d.code.includes(`-2611${20 + i + 1}-`)).map((d) => d.id));
        // I3: nothing waits.
        expect(store.read(countUnsentOutbox)).toBe(0);
        // I4: the PC read the feed to the hub's version; the hub applied through the PC's last seq, each seq once.
        expect(store.read((db) => getSyncState(db, CURSOR_KEY))).toBe(feed);
        const lastSeq = outbox.at(-1)?.seq ?? 0;
        expect(num(device.last_applied_seq)).toBe(lastSeq);
        const seqs = await hubDb.query<{ n: unknown; d: unknown; top: unknown }>('SELECT count(*) AS n, count(DISTINCT seq) AS d, max(seq) AS top FROM mutations WHERE device_id = $1', [device.id]);
        expect(seqs.map((r) => [num(r.n), num(r.d), num(r.top)])).toEqual([[lastSeq, lastSeq, lastSeq]]);
        // I5: each dossier's events reached the hub once each, in the PC's order, as a chain of
        // statuses (a batch's receipts are applied set-based, so order across dossiers is not kept).
        const byDossier = (rows: readonly { dossierId: string; id: string; from: string | null; to: string | null }[]): Map<string, string[]> => {
          const grouped = new Map<string, string[]>();
          for (const r of rows) grouped.set(r.dossierId, [...(grouped.get(r.dossierId) ?? []), `${r.id} ${r.from}→${r.to}`]);
          return grouped;
        };
        const localEvents = outbox.map((row) => {
          const e = (JSON.parse(row.payload) as { event: { id: string; dossierId: string; fromStatus: string | null; toStatus: string | null } }).event;
          return { dossierId: e.dossierId, id: e.id, from: e.fromStatus, to: e.toStatus };
        });
        const hubEvents = await hubDb.query<{ id: string; dossier_id: string; from_status: string | null; to_status: string | null }>(
          'SELECT id, dossier_id, from_status, to_status FROM dossier_events WHERE source = $1 ORDER BY feed_order',
          [device.id],
        );
        expect(hubEvents.length).toBe(localEvents.length);
        expect(byDossier(hubEvents.map((e) => ({ dossierId: e.dossier_id, id: e.id, from: e.from_status, to: e.to_status })))).toEqual(byDossier(localEvents));
        for (const chain of byDossier(localEvents).values()) expect(chain.map((e) => e.split(' ')[1])).toSatisfy((c: string[]) => ['null→received', 'null→received,received→transferred'].includes(c.join(',')));
        // I6: this PC holds every dossier of the commune, the other PC's too, as the hub has it.
        expect(local.length).toBe(2 * PER_PC);
        for (const d of local) expect([d.id, d.status, d.row_version]).toEqual([d.id, hubById.get(d.id)?.status, hubById.get(d.id)?.row_version]);
      } finally {
        store.close();
      }
    }
    // I2: every page file, on both PCs and on the hub, holds exactly the bytes its SHA-256 names.
    const hashes = (dir: string): Map<string, string> => new Map(filesUnder(dir).map((f) => [basename(f).replace(/\.jpg$/, ''), sha256(readFileSync(f))]));
    const pcPages = pcDirs.map((dir) => hashes(join(dir, 'pages')));
    for (const pages of pcPages) {
      expect(pages.size).toBe((2 * PER_PC) / 10);
      for (const [name, hash] of pages) expect(hash).toBe(name);
    }
    expect(new Set(pcPages[0]?.keys())).toEqual(new Set(pcPages[1]?.keys()));
    const onHub = new Set(filesUnder(hubFiles).map((f) => sha256(readFileSync(f))));
    for (const name of pcPages[0]?.keys() ?? []) expect(onHub.has(name)).toBe(true);
    // I1: exactly the dossiers the two PCs made, each once.
    expect(mine.map((ids) => ids.length)).toEqual([PER_PC, PER_PC]);
    expect(hubDossiers.length).toBe(2 * PER_PC);
    expect(new Set(hubDossiers.map((d) => d.id))).toEqual(new Set(mine.flat()));
  }, 180_000);
});

