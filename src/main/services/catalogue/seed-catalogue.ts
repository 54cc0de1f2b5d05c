/**
 * First run: a PC that has never heard from the hub still needs procedures to receive dossiers,
 * so an empty catalogue is filled from the seed in src/shared. Once any version is stored (from
 * the seed or the hub) this does nothing: the hub's catalogue is authoritative.
 */
import { loadSeedCatalogue } from '../../../shared/procedures/seed-catalogue';
import type { Store } from '../../store/db';
import { countProcedureVersions, upsertProcedureVersion } from '../../store/repos/procedures';

/** Loads the seed catalogue into an empty procedures table; returns how many versions it stored. */
export function ensureSeedCatalogue(store: Store, now: Date): number {
  if (store.read(countProcedureVersions) > 0) return 0;
  const { procedures } = loadSeedCatalogue();
  const updatedAt = now.toISOString();
  store.write((db) => {
    for (const p of procedures) {
      upsertProcedureVersion(db, { code: p.code, version: p.version, effectiveFrom: p.effectiveFrom, name: p.name.vi, definition: p, updatedAt });
    }
  });
  return procedures.length;
}
