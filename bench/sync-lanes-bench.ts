/**
 * Sync bench, 7a's rows (issue 7): on a real hub (Fastify + PGlite, files on disk) on loopback,
 * - a 20 MB scan up to the hub and down to a second PC through a TCP proxy that cuts the link
 *   every ~2 MB (`test/helpers/fault-proxy.ts`), each resumed where it stopped;
 * - how long an upstream change (a portal dossier committed on the hub) takes to reach a PC that
 *   is long-polling (`SyncClient.waitForChanges`), over 50 changes;
 * - hub throughput with 600 simulated devices (300 communes × 2), each pushing a batch of 5
 *   receipts and pulling its commune's feed, 32 requests in flight. Enrolment and tokens are setup,
 *   done on the hub's database directly; the timed part is HTTP end to end.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCommune, enrolDevice, intakePortalDossier, issueEnrolCode } from '../src/hub/admin';
import { TokenSigner } from '../src/hub/auth';
import { migrateHub } from '../src/hub/db/migrate';
import { openPglite } from '../src/hub/db/pglite';
import { buildHub } from '../src/hub/server';
import { FsBlobStorage } from '../src/hub/storage-fs';
import { openStore, type Store } from '../src/main/store/db';
import { countAttachmentsWaiting } from '../src/main/store/repos/attachment-queue';
import { insertDocument } from '../src/main/store/repos/documents';
import { listDossiersInStatus } from '../src/main/store/repos/dossiers';
import { insertPage } from '../src/main/store/repos/pages';
import { uuidv7 } from '../src/shared/id/uuidv7';
import { AttachmentLane } from '../src/sync/attachments';
import { SyncClient } from '../src/sync/client';
import { enrol, pull, push, type FetchFn } from '../src/sync/hub-api';
import type { Mutation } from '../src/sync/protocol/messages';
import { seeded, startFaultProxy } from '../test/helpers/fault-proxy';
import { summarise, type Row } from './stats';
import { fill } from './sync-bench';

const COMMUNE = '000.00.00.X99';
const T0 = Date.UTC(2026, 10, 23, 1, 0, 0);

interface BenchPc {
  readonly store: Store;
  readonly client: SyncClient;
  readonly dir: string;
}

async function pcOf(db: Awaited<ReturnType<typeof openPglite>>, url: string, dir: string, dossiers: number): Promise<BenchPc> {
  const code = (await issueEnrolCode(db, COMMUNE, 1))?.code ?? '';
  const creds = await enrol(fetch, url, code, `bench ${dir}`);
  mkdirSync(dir, { recursive: true });
  fill(join(dir, 'motcua.sqlite'), dossiers);
  const store = openStore(join(dir, 'motcua.sqlite'));
  return { store, dir, client: new SyncClient(store, fetch, url, { deviceId: creds.deviceId, secret: creds.secret }) };
}

const laneOf = (pc: BenchPc, url: string): AttachmentLane =>
  new AttachmentLane(pc.store, fetch, url, pc.client, { pagesDir: join(pc.dir, 'pages'), slipsDir: join(pc.dir, 'slips'), backoff: { baseMs: 1, capMs: 5 } });

/** Runs the lane until nothing waits; returns elapsed ms and the runs a cut ended. */
async function drain(lane: AttachmentLane): Promise<{ ms: number; failed: number }> {
  const started = performance.now();
  let failed = 0;
  for (let i = 0; i < 500; i++) {
    const done = await lane.runOnce().then(() => lane.waiting() === 0, () => ((failed += 1), false));
    if (done) return { ms: performance.now() - started, failed };
  }
  throw new Error('attachment lane did not drain');
}

async function attachmentRows(db: Awaited<ReturnType<typeof openPglite>>, url: string, dir: string): Promise<Row[]> {
  const a = await pcOf(db, url, join(dir, 'att-a'), 1);
  const b = await pcOf(db, url, join(dir, 'att-b'), 0);
  await a.client.pushOnce();
  const random = seeded(20);
  const scan = Buffer.alloc(20 * 1024 * 1024);
  for (let i = 0; i < scan.length; i += 4) scan.writeUInt32LE(Math.floor(random() * 2 ** 32), i);
  const sha256 = createHash('sha256').update(scan).digest('hex');
  mkdirSync(join(a.dir, 'pages'), { recursive: true });
  writeFileSync(join(a.dir, 'pages', `${sha256}.jpg`), scan);
  const dossierId = a.store.read((r) => listDossiersInStatus(r, 'received', 1))[0]?.id ?? '';
  const at = new Date(T0).toISOString();
  a.store.write((w) => {
    insertDocument(w, { id: `${dossierId}-doc`, dossierId, kind: 'birth-form', title: 'Tờ khai', position: 0, createdAt: at });
    insertPage(w, { id: uuidv7(T0 + 5), documentId: `${dossierId}-doc`, position: 0, sha256, bytes: scan.length, width: 1654, height: 2339, rotation: 0, blank: false, createdAt: at });
  });
  const proxy = await startFaultProxy(url, 2026, 2_000_000, 2_100_000);
  try {
    const up = await drain(laneOf(a, proxy.url));
    const upCuts = proxy.cuts();
    await b.client.pullOnce();
    const down = await drain(laneOf(b, proxy.url));
    if (b.store.read(countAttachmentsWaiting) !== 0) throw new Error('download incomplete');
    return [
      { scenario: `sync: 20 MB scan up to the hub, link cut every ~2 MB (${upCuts} cuts, resumed)`, samples: 1, summary: summarise([up.ms]) },
      { scenario: `sync: 20 MB scan down to a second PC, cut every ~2 MB (${proxy.cuts() - upCuts} cuts)`, samples: 1, summary: summarise([down.ms]) },
    ];
  } finally {
    await proxy.close();
    a.store.close();
    b.store.close();
  }
}

async function longPollRows(db: Awaited<ReturnType<typeof openPglite>>, url: string, dir: string, changes = 50): Promise<Row[]> {
  const pc = await pcOf(db, url, join(dir, 'lp'), 0);
  await pc.client.pullOnce();
  const latencies: number[] = [];
  try {
    for (let i = 0; i < changes; i++) {
      const waiting = pc.client.waitForChanges(25);
      // Let the pull reach the hub and park before the change commits.
      await new Promise((r) => setTimeout(r, 30));
      const started = performance.now();
      await intakePortalDossier(db, {
        id: uuidv7(T0 + 1000 + i),
        communeId: COMMUNE,
        procedureCode: '1.001193',
        procedureVersion: 1,
        applicantName: 'Trần Thị Thử',
        applicantIdNumber: `0012990${String(i).padStart(5, '0')}`,
        applicantPhone: '0900000001',
        form: {},
        submittedAt: new Date(T0).toISOString(),
      });
      if ((await waiting) !== 1) throw new Error('long-poll missed a change');
      latencies.push(performance.now() - started);
    }
  } finally {
    pc.store.close();
  }
  return [{ scenario: `sync: upstream change → PC applied it, long-poll (${changes} changes)`, samples: latencies.length, summary: summarise(latencies), budget: 5000 }];
}

/** A small pool: runs `tasks` with at most `limit` in flight. */
async function pooled<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array<T>(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]!();
      }
    }),
  );
  return out;
}

function receipts(device: number, n: number): Mutation[] {
  return Array.from({ length: n }, (_, k) => {
    const id = uuidv7(T0 + device * 100 + k);
    const at = new Date(T0 + k * 1000).toISOString();
    const dossier = {
      id,
      code: `BENCH-${device}-${k}`,
      procedureCode: '1.001193',
      procedureVersion: 1,
      status: 'received',
      rowVersion: 1,
      channel: 'counter',
      applicantName: 'Nguyễn Văn Thử',
      applicantIdNumber: `0013${String(device * 10 + k).padStart(8, '0')}`,
      applicantPhone: '0900000000',
      form: {},
      receivedAt: at,
      receivedBy: 'clerk-1',
      dueAt: at,
      createdAt: at,
      updatedAt: at,
      documents: [],
    };
    const event = { id: uuidv7(T0 + device * 100 + k), dossierId: id, at, actorId: 'clerk-1', action: 'receive', fromStatus: null, toStatus: 'received', note: null, data: {} };
    return { seq: k + 1, key: uuidv7(T0 + device * 100 + k), kind: 'dossier.received', entityId: id, payload: { event, dossier } };
  });
}

async function manyDevicesRows(db: Awaited<ReturnType<typeof openPglite>>, url: string, signer: TokenSigner, log: (line: string) => void, devices = 600): Promise<Row[]> {
  log(`sync: enrolling ${devices} simulated devices`);
  const communes = devices / 2;
  for (let c = 0; c < communes; c++) await createCommune(db, `BENCH.${String(c).padStart(3, '0')}`, `UBND xã Thử ${c}`);
  const fetchFn: FetchFn = fetch;
  // Setup straight on the hub's database (enrolment and tokens are tested elsewhere): one key for all.
  const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const enrolled: { deviceId: string; token: string }[] = [];
  for (let i = 0; i < devices; i++) {
    const communeId = `BENCH.${String(Math.floor(i / 2)).padStart(3, '0')}`;
    const made = await enrolDevice(db, (await issueEnrolCode(db, communeId, 1))?.code ?? '', `device ${i}`, publicKey);
    if (made === undefined) throw new Error('enrolment failed');
    enrolled.push({ deviceId: made.deviceId, token: signer.issue({ deviceId: made.deviceId, communeId }) });
  }
  const batches = enrolled.map((_, i) => receipts(i, 5));
  // Pushes, then pulls (each pull then reads its commune's 10 receipts), timed apart and together.
  let started = performance.now();
  await pooled(
    enrolled.map((d, i) => async () => {
      const answer = await push(fetchFn, url, d.token, d.deviceId, batches[i]!);
      if (answer.appliedThrough !== 5) throw new Error('push not applied');
    }),
    32,
  );
  const pushS = (performance.now() - started) / 1000;
  started = performance.now();
  await pooled(
    enrolled.map((d) => async () => {
      const page = await pull(fetchFn, url, d.token, undefined, 500);
      if (page.kind !== 'page' || page.items.length !== 10) throw new Error('pull incomplete');
    }),
    32,
  );
  const pullS = (performance.now() - started) / 1000;
  return [
    { scenario: `sync: hub throughput, ${devices} devices: a push of 5 each, then a pull each (32 in flight, PGlite)`, samples: 1, summary: summarise([(2 * devices) / (pushS + pullS)]), unit: 'req/s' },
    { scenario: '  pushes alone (5 receipts each)', samples: 1, summary: summarise([devices / pushS]), unit: 'req/s' },
    { scenario: '  pulls alone (10 dossiers each)', samples: 1, summary: summarise([devices / pullS]), unit: 'req/s' },
  ];
}

/** All of 7a's rows, on one hub. */
export async function syncLaneRows(log: (line: string) => void): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-lanes-'));
  const db = await openPglite();
  await migrateHub(db);
  const signer = new TokenSigner(randomBytes(32));
  const app = buildHub({ db, adminToken: randomBytes(16).toString('hex'), portalToken: randomBytes(16).toString('hex'), signer, storage: new FsBlobStorage(join(dir, 'hub-blobs')) });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    await createCommune(db, COMMUNE, 'UBND xã Thử Nghiệm');
    log('sync: 20 MB attachment over a cut link');
    const rows = await attachmentRows(db, url, dir);
    log('sync: long-poll latency');
    rows.push(...(await longPollRows(db, url, dir)));
    rows.push(...(await manyDevicesRows(db, url, signer, log)));
    return rows;
  } finally {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
