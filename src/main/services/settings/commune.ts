import { Commune } from '../../../shared/api/app';
import type { Store } from '../../store/db';
import { getSetting, putSetting } from '../../store/repos/settings';

const KEY = 'commune';

/**
 * A fictitious commune so that a first run shows a working screen. Provisioning (enrolment with
 * the hub) replaces it; until then every screen shows that this is demo data.
 */
export const demoCommune: Commune = {
  agencyCode: '000.00.00.X99',
  name: 'UBND xã Thử Nghiệm',
  province: 'Tỉnh Mẫu',
  demo: true,
};

export function readCommune(store: Store): Commune | undefined {
  const raw = store.read((db) => getSetting(db, KEY));
  if (raw === undefined) return undefined;
  const parsed = Commune.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Writes the demo commune unless a commune is already configured. */
export function ensureCommune(store: Store, now: Date): Commune {
  const existing = readCommune(store);
  if (existing) return existing;
  store.write((db) => putSetting(db, KEY, demoCommune, now.toISOString()));
  return demoCommune;
}
