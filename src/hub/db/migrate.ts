/**
 * Applies the hub's numbered migrations in order, each in its own transaction with its record
 * in `schema_migrations`, so a hub stopped halfway resumes at the first missing one.
 */
import type { HubDb } from './db';
import { m0010Initial } from './migrations/0010-initial';
// issue 7a: attachments and the long-poll wake-up
import { m0020Attachments } from './migrations/0020-attachments';
import { m0030DeviceKeysConflictsCatalogues } from './migrations/0030-device-keys-conflicts-catalogues';
// issue 12: the hub's key, provisioning packages, accounts that must choose a password
import { m0040Provisioning } from './migrations/0040-provisioning';
// issue 13: upload records per commune, partial uploads that expire
import { m0050HubHardening } from './migrations/0050-hub-hardening';

/** A numbered migration: plain SQL within PostgreSQL 15. */
export interface HubMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, in order. Never edit one that has shipped; add the next number. */
export const hubMigrations: readonly HubMigration[] = [m0010Initial, m0020Attachments, m0030DeviceKeysConflictsCatalogues, m0040Provisioning, m0050HubHardening];

/** Brings `db` up to date; returns the version it is at. */
export async function migrateHub(db: HubDb): Promise<number> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
  const done = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
  for (const m of hubMigrations) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
  }
  return hubMigrations.at(-1)?.version ?? 0;
}
