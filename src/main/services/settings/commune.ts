import { Commune } from '../../../shared/api/app';
import type { Store } from '../../store/db';
import { getSetting, putSetting } from '../../store/repos/settings';

/** Where the commune is kept in `settings` (the provisioning writes it). */
export const communeSettingKey = 'commune';
const KEY = communeSettingKey;

/**
 * The training sandbox's fictitious commune (issue 12): it exists only in the sandbox folder;
 * a production folder gets its commune from the provisioning package.
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

/** Writes the demo commune unless a commune is already configured (the training sandbox only). */
export function ensureDemoCommune(store: Store, now: Date): Commune {
  const existing = readCommune(store);
  if (existing) return existing;
  store.write((db) => putSetting(db, KEY, demoCommune, now.toISOString()));
  return demoCommune;
}
