/**
 * Procedure names for list rows and reports. The hub's catalogue (the `procedures` table) wins;
 * before the first sync, the seed catalogue that ships with the app names the common commune
 * procedures. A code neither knows stays unnamed rather than failing the list.
 */
import { loadSeedCatalogue } from '../../../shared/procedures/seed-catalogue';
import type { Store } from '../../store/db';
import { getProcedureInForce } from '../../store/repos/procedures';

let seedNames: ReadonlyMap<string, string> | undefined;

function seedName(code: string): string | undefined {
  seedNames ??= new Map(loadSeedCatalogue().procedures.map((p) => [p.code, p.name.vi]));
  return seedNames.get(code);
}

/**
 * A lookup of Vietnamese procedure names as in force on `day` (`YYYY-MM-DD`), remembering each
 * answer: one list reads each code once.
 */
export function procedureNameLookup(store: Store, day: string): (code: string) => string | null {
  const known = new Map<string, string | null>();
  return (code) => {
    const cached = known.get(code);
    if (cached !== undefined) return cached;
    const name = store.read((db) => getProcedureInForce(db, code, day))?.name ?? seedName(code) ?? null;
    known.set(code, name);
    return name;
  };
}
