/**
 * `npm run hub`: the reference hub on PGlite (in memory, or HUB_DATA_DIR), on 127.0.0.1 only.
 * HUB_DATABASE_URL switches to PostgreSQL. Tokens come from HUB_ADMIN_TOKEN / HUB_PORTAL_TOKEN;
 * when absent, random ones are generated and printed once so a developer can call the admin API.
 */
import { randomBytes } from 'node:crypto';
import { publishAdminUnits } from './admin';
import { TokenSigner } from './auth';
import type { HubDb } from './db/db';
import { migrateHub } from './db/migrate';
import { openPglite } from './db/pglite';
import { openPostgres } from './db/postgres';
import { hubPublicKey } from './identity';
import { sampleAdminUnits } from './seed-admin-units';
import { buildHub } from './server';
import { FsBlobStorage } from './storage-fs';

async function main(): Promise<void> {
  const env = process.env;
  const db: HubDb = env.HUB_DATABASE_URL ? openPostgres(env.HUB_DATABASE_URL) : await openPglite(env.HUB_DATA_DIR);
  await migrateHub(db);
  // A fresh development hub gets a sample of administrative units; a city hub publishes the real list.
  if ((await db.query('SELECT 1 FROM admin_units LIMIT 1')).length === 0) await publishAdminUnits(db, sampleAdminUnits);
  const adminToken = env.HUB_ADMIN_TOKEN ?? randomBytes(24).toString('base64url');
  const portalToken = env.HUB_PORTAL_TOKEN ?? randomBytes(24).toString('base64url');
  const signer = new TokenSigner(env.HUB_TOKEN_KEY ? Buffer.from(env.HUB_TOKEN_KEY, 'utf8') : randomBytes(32));
  // Attachment files on disk (HUB_STORAGE_DIR); without it the attachment routes are absent.
  const storage = env.HUB_STORAGE_DIR ? new FsBlobStorage(env.HUB_STORAGE_DIR) : undefined;
  // Upload limits (issue 13); unset ones keep the defaults of DEFAULT_UPLOAD_LIMITS.
  const sized = (name: string, unit: number): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not '${raw}'`);
    return Math.floor(value * unit);
  };
  const limits = {
    maxFileBytes: sized('HUB_MAX_FILE_MIB', 2 ** 20),
    communeBytes: sized('HUB_COMMUNE_QUOTA_GIB', 2 ** 30),
    devicePartialBytes: sized('HUB_DEVICE_PARTIAL_MIB', 2 ** 20),
    partialTtlMs: sized('HUB_PARTIAL_TTL_HOURS', 3600_000),
  };
  const uploadLimits = Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined));
  const app = buildHub({ db, adminToken, portalToken, signer, uploadLimits, ...(storage === undefined ? {} : { storage }) });
  const port = Number(env.HUB_PORT ?? 8787);
  await app.listen({ host: '127.0.0.1', port });
  console.log(`hub: listening on http://127.0.0.1:${port} (${env.HUB_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`);
  // The public half only: what every provisioning package names, for an operator to compare.
  console.log(`hub: signing key (public) ${await hubPublicKey(db)}`);
  if (!env.HUB_ADMIN_TOKEN) console.log(`hub: admin token ${adminToken}`);
  if (!env.HUB_PORTAL_TOKEN) console.log(`hub: portal token ${portalToken}`);
  const stop = (): void => void app.close().then(() => db.close()).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
