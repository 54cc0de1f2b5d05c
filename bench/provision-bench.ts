/**
 * A commune PC's first start (issue 12): how long applying a provisioning package takes with the
 * WAN down (signature, scrypt of the setup code, a new database with the seed catalogue), and
 * from opening the desk on a folder holding the package to enrolled with a hub on loopback.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCommune } from '../src/hub/admin';
import { TokenSigner } from '../src/hub/auth';
import { migrateHub } from '../src/hub/db/migrate';
import { openPglite } from '../src/hub/db/pglite';
import { buildHub } from '../src/hub/server';
import { systemClock } from '../src/main/services/clock';
import { Desk, provisionFolder } from '../src/main/services/desk/desk';
import { knownPackagePaths } from '../src/main/services/desk/package-paths';
import { SyncScheduler } from '../src/sync/scheduler';
import { summarise, type Row } from './stats';

/** Agency codes made up for the bench, one commune per package (nine slots per commune would run out). */
let made = 0;
const nextCommune = (): string => {
  made += 1;
  return `000.${String(Math.floor(made / 100)).padStart(2, '0')}.${String(made % 100).padStart(2, '0')}.X95`;
};

export async function provisionRows(runs: number, log: (line: string) => void): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-provision-'));
  const db = await openPglite();
  await migrateHub(db);
  const adminToken = randomBytes(16).toString('hex');
  const app = buildHub({ db, adminToken, portalToken: randomBytes(16).toString('hex'), signer: new TokenSigner(randomBytes(32)) });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const issue = async (): Promise<string> => {
    const id = nextCommune();
    await createCommune(db, id, 'UBND xã Đo Đạc', { agencyCode: id, province: 'Tỉnh Thử Nghiệm' });
    const res = await fetch(`${url}/v1/admin/communes/${id}/provision-packages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ hubUrl: url }),
    });
    if (res.status !== 201) throw new Error(`package: ${res.status}`);
    return ((await res.json()) as { fileText: string }).fileText;
  };
  try {
    log(`provision: ${runs} packages applied offline, ${runs} first starts to enrolled`);
    const apply: number[] = [];
    const enrolled: number[] = [];
    for (let i = 0; i < runs; i++) {
      const text = await issue();
      const root = mkdtempSync(join(dir, 'offline-'));
      const started = performance.now();
      await provisionFolder(root, text, new Date());
      apply.push(performance.now() - started);

      const pc = mkdtempSync(join(dir, 'online-'));
      writeFileSync(join(pc, 'provision.motcua'), await issue());
      const opened = performance.now();
      const desk = await Desk.open({
        version: 'bench',
        root: pc,
        host: 'browser-host',
        clock: systemClock,
        sync: (store) => new SyncScheduler(store, { startJitterMs: 0, backoff: { baseMs: 20, capMs: 200 }, probeMs: [50, 200], longPollS: 0 }),
        packagePaths: knownPackagePaths(pc),
      });
      try {
        while (desk.core?.provision()?.enrolment !== 'enrolled') {
          if (performance.now() - opened > 30_000) throw new Error('not enrolled in 30 s');
          await new Promise((r) => setTimeout(r, 5));
        }
        enrolled.push(performance.now() - opened);
      } finally {
        desk.dispose();
      }
    }
    return [
      { scenario: 'provision: apply a package with the WAN down (new database, seed catalogue)', samples: runs, summary: summarise(apply) },
      { scenario: 'provision: desk opens on a dropped-in package → enrolled (hub on loopback)', samples: runs, summary: summarise(enrolled) },
    ];
  } finally {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
