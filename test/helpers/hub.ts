/**
 * A real hub on loopback for tests, on PGlite or on PostgreSQL 15. The PostgreSQL variant gets a
 * fresh database per hub (dropped on close) from MOTCUA_TEST_PG_URL, default below, which is what
 * `scripts/setup.d/postgres.sh` creates; when that server is unreachable, `pgUnavailable` says why
 * and the PostgreSQL tests are skipped with that reason.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TokenSigner } from '../../src/hub/auth';
import type { HubDb } from '../../src/hub/db/db';
import { migrateHub } from '../../src/hub/db/migrate';
import { openPglite } from '../../src/hub/db/pglite';
import { openPostgres } from '../../src/hub/db/postgres';
import { buildHub, type HubOptions } from '../../src/hub/server';
// issue 7a: attachment files on disk
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsBlobStorage } from '../../src/hub/storage-fs';

/** The documented default, as printed by scripts/setup.d/postgres.sh. */
export const TEST_PG_URL = process.env.MOTCUA_TEST_PG_URL ?? 'postgres://motcua_test:motcua_test@127.0.0.1:5432/motcua_test';

/** Why PostgreSQL tests cannot run here, or undefined when the server answers. */
export const pgUnavailable: string | undefined = await (async () => {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${TEST_PG_URL.replace(/:[^:@/]*@/, ':***@')} unreachable (${(error as Error).message}); run scripts/setup.d/postgres.sh`;
  } finally {
    await client.end().catch(() => undefined);
  }
})();

/** Which database a test hub runs on. */
export type HubKind = 'pglite' | 'postgres';

/** A running hub and what a test needs to talk to it. */
export interface TestHub {
  readonly url: string;
  readonly db: HubDb;
  readonly adminToken: string;
  readonly portalToken: string;
  /** The folder of the hub's attachment files (FsBlobStorage). */
  readonly storageDir: string;
  readonly storage: FsBlobStorage;
  close(): Promise<void>;
}

/** A new, empty PostgreSQL database for one hub; `drop` removes it (forcing out its connections). */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `motcua_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      try {
        // An autovacuum worker on the new database makes FORCE fail for a non-superuser: retry.
        for (let attempt = 0; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            break;
          } catch (error) {
            if (attempt >= 10) throw error;
            await new Promise((r) => setTimeout(r, 200));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

/** The hardening options a test may set on its hub (issue 13: upload limits, rate limits, timers). */
export type HardeningOptions = Pick<HubOptions, 'uploadLimits' | 'rateLimits' | 'sweepIntervalMs' | 'scrubIntervalMs'>;

/** Starts a hub on 127.0.0.1 with a random port; `options` go to `buildHub`. */
export async function startTestHub(kind: HubKind, options: HardeningOptions = {}): Promise<TestHub> {
  const fresh = kind === 'postgres' ? await freshDatabase() : undefined;
  const db = fresh === undefined ? await openPglite() : openPostgres(fresh.url);
  await migrateHub(db);
  const adminToken = `admin-${randomBytes(12).toString('hex')}`;
  const portalToken = `portal-${randomBytes(12).toString('hex')}`;
  const storageDir = mkdtempSync(join(tmpdir(), 'motcua-hub-blobs-'));
  const storage = new FsBlobStorage(storageDir);
  const app = buildHub({ db, adminToken, portalToken, signer: new TokenSigner(randomBytes(32)), storage, ...options });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    db,
    adminToken,
    portalToken,
    storageDir,
    storage,
    close: async () => {
      try {
        await app.close();
        await db.close();
      } finally {
        rmSync(storageDir, { recursive: true, force: true });
        await fresh?.drop();
      }
    },
  };
}

/** Calls an admin or portal route with its token; returns status and parsed body. */
export async function call(hub: Pick<TestHub, 'url' | 'adminToken'>, method: string, path: string, body: unknown, token = hub.adminToken): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${hub.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** Creates a commune and returns a fresh one-time enrol code for it. */
export async function communeWithCode(hub: Pick<TestHub, 'url' | 'adminToken'>, id: string, name: string): Promise<string> {
  await call(hub, 'POST', '/v1/admin/communes', { id, name });
  const issued = await call(hub, 'POST', `/v1/admin/communes/${id}/enrol-codes`, {});
  return (issued.body as { code: string }).code;
}

/** An online dossier as the city's portal posts it (a birth registration, procedure 1.001193). */
export interface PortalDossier {
  readonly id: string;
  readonly communeId: string;
  readonly submittedAt: string;
  readonly applicantName: string;
  readonly applicantIdNumber: string;
  readonly applicantPhone: string;
}

/** Posts an online dossier through the portal intake, with the portal's token. */
export function submitOnline(hub: Pick<TestHub, 'url' | 'adminToken' | 'portalToken'>, dossier: PortalDossier): Promise<{ status: number; body: unknown }> {
  return call(hub, 'POST', '/v1/portal/dossiers', { ...dossier, procedureCode: '1.001193', procedureVersion: 1, form: {} }, hub.portalToken);
}

/** What `POST /v1/admin/communes/:id/provision-packages` answers (the setup code is in it once). */
export interface IssuedPackage {
  readonly fileName: string;
  readonly fileText: string;
  readonly setupCode: string;
  readonly packageId: string;
  readonly slot: number;
  readonly expiresAt: string;
}

/**
 * Issues a provisioning package (issue 12) for `opts.communeId`, creating the commune first when
 * the hub does not have it (with `agencyCode`, `name` and `province`, default 'Tỉnh Thử Nghiệm';
 * an existing commune only gets what it lacks). `hubUrl` defaults to the hub's own loopback URL;
 * `slot` (a new PC; default the lowest free one) or `replaceSlot` (a replacement). Throws with the
 * hub's error code when it refuses.
 */
export async function issuePackage(
  hub: Pick<TestHub, 'url' | 'adminToken'>,
  opts: { communeId: string; agencyCode: string; name: string; province?: string; hubUrl?: string; slot?: number; replaceSlot?: number; ttlHours?: number },
): Promise<IssuedPackage> {
  const commune = await call(hub, 'POST', '/v1/admin/communes', { id: opts.communeId, name: opts.name, agencyCode: opts.agencyCode, province: opts.province ?? 'Tỉnh Thử Nghiệm' });
  if (commune.status !== 201 && commune.status !== 200) throw new Error(`commune ${opts.communeId}: ${commune.status} ${JSON.stringify(commune.body)}`);
  const issued = await call(hub, 'POST', `/v1/admin/communes/${opts.communeId}/provision-packages`, {
    hubUrl: opts.hubUrl ?? hub.url,
    ...(opts.slot === undefined ? {} : { slot: opts.slot }),
    ...(opts.replaceSlot === undefined ? {} : { replaceSlot: opts.replaceSlot }),
    ...(opts.ttlHours === undefined ? {} : { ttlHours: opts.ttlHours }),
  });
  // An error body never holds a secret; a success body is never printed.
  if (issued.status !== 201) throw new Error(`provision package for ${opts.communeId}: ${issued.status} ${JSON.stringify(issued.body)}`);
  return issued.body as IssuedPackage;
}

