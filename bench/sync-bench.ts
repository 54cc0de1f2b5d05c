/**
 * Sync bench (issue 7): 10,000 dossiers pushed from one PC's real SQLite outbox to a real hub
 * (Fastify + PGlite) on loopback, then pulled by a second PC of the same commune. Setup (writing
 * the dossiers) is not timed; the push and the pull are, end to end through HTTP.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCommune, issueEnrolCode } from '../src/hub/admin';
import { TokenSigner } from '../src/hub/auth';
import { migrateHub } from '../src/hub/db/migrate';
import { openPglite } from '../src/hub/db/pglite';
import { buildHub } from '../src/hub/server';
import { openStore } from '../src/main/store/db';
import { appendDossierEvent } from '../src/main/store/repos/dossier-events';
import { insertDossier } from '../src/main/store/repos/dossiers';
import { enqueueOutbox } from '../src/main/store/repos/outbox';
import { uuidv7 } from '../src/shared/id/uuidv7';
import { SyncClient } from '../src/sync/client';
import { enrol } from '../src/sync/hub-api';
import { schedulerPullHeld } from './scheduler-bench';
import { summarise, type Row } from './stats';

const COMMUNE = '000.00.00.X99';
const T0 = Date.UTC(2026, 10, 23, 1, 0, 0);

/** Fills a store with `n` received dossiers and their outbox rows (fictitious citizens). */
export function fill(path: string, n: number): void {
  const store = openStore(path);
  store.write((db) => {
    for (let i = 0; i < n; i++) {
      const at = new Date(T0 + i * 1000).toISOString();
      const d = insertDossier(db, {
        id: uuidv7(T0 + i),
        code: `${COMMUNE}-261123-${String(i).padStart(5, '0')}`,
        procedureCode: '1.001193',
        procedureVersion: 1,
        status: 'received',
        channel: 'counter',
        applicantName: 'Nguyễn Văn Thử',
        applicantIdNumber: `0012${String(i).padStart(8, '0')}`,
        applicantPhone: '0900000000',
        form: { child: { name: 'Nguyễn Văn Bình' } },
        receivedAt: at,
        receivedBy: 'clerk-1',
        dueAt: at,
        createdAt: at,
      });
      const event = { id: uuidv7(T0 + i), dossierId: d.id, at, actorId: 'clerk-1', action: 'receive', fromStatus: null, toStatus: 'received', note: null, data: {} };
      appendDossierEvent(db, event);
      enqueueOutbox(db, { idempotencyKey: uuidv7(T0 + i), kind: 'dossier.received', entityId: d.id, payload: { event, dossier: { ...d, documents: [] } }, createdAt: at });
    }
  });
  store.close();
}

/** Runs the scenario once; returns the bench rows. */
export async function syncRows(log: (line: string) => void, n = Number(process.env.BENCH_SYNC_DOSSIERS ?? 10_000)): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-sync-'));
  const db = await openPglite();
  await migrateHub(db);
  const app = buildHub({ db, adminToken: randomBytes(16).toString('hex'), portalToken: randomBytes(16).toString('hex'), signer: new TokenSigner(randomBytes(32)) });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    await createCommune(db, COMMUNE, 'UBND xã Thử Nghiệm');
    const pcs = [];
    for (const name of ['a', 'b']) {
      const code = (await issueEnrolCode(db, COMMUNE, 1))?.code ?? '';
      const creds = await enrol(fetch, url, code, `bench ${name}`);
      const path = join(dir, name, 'motcua.sqlite');
      if (name === 'a') fill(path, n);
      else openStore(path).close();
      pcs.push({ store: openStore(path), creds });
    }
    const [a, b] = pcs as [(typeof pcs)[number], (typeof pcs)[number]];
    log(`sync: pushing ${n} dossiers to a PGlite hub on loopback`);
    const pushClient = new SyncClient(a.store, fetch, url, { deviceId: a.creds.deviceId, secret: a.creds.secret });
    let started = performance.now();
    const pushed = await pushClient.pushOnce();
    const pushMs = performance.now() - started;
    if (pushed !== n) throw new Error(`pushed ${pushed} of ${n}`);
    const pullClient = new SyncClient(b.store, fetch, url, { deviceId: b.creds.deviceId, secret: b.creds.secret });
    started = performance.now();
    const pulled = await pullClient.pullOnce();
    const pullMs = performance.now() - started;
    if (pulled !== n) throw new Error(`pulled ${pulled} of ${n}`);
    // 7b: the same feed pulled through the scheduler (its page size), every PC store call timed.
    const viaScheduler = await schedulerPullHeld(url, (await issueEnrolCode(db, COMMUNE, 1))?.code ?? '', join(dir, 'c'));
    if (viaScheduler.dossiers !== n) throw new Error(`scheduler pulled ${viaScheduler.dossiers} of ${n}`);
    a.store.close();
    b.store.close();
    return [
      { scenario: `sync: push ${n} dossiers to the hub (PGlite, loopback)`, samples: 1, summary: summarise([pushMs]), budget: 10_000, budgetOn: 'max' },
      { scenario: `sync: pull ${n} dossiers on a second PC (PGlite, loopback)`, samples: 1, summary: summarise([pullMs]) },
      { scenario: `sync: scheduler's pull of ${n} on a third PC (sync.now)`, samples: 1, summary: summarise([viaScheduler.totalMs]) },
      { scenario: '  one store call during it (holds the event loop)', samples: viaScheduler.held.length, summary: summarise(viaScheduler.held) },
    ];
  } finally {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
