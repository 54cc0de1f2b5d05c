/**
 * Which running numbers this PC may put in dossier codes (mã hồ sơ): its slot among the
 * commune's counters and the blocks of the daily range that go with it. Two counters working
 * offline then never issue the same code. The hub assigns the slot at enrolment; until then a PC
 * is slot 0 (0001–0999), which is right for the demo commune and for a commune with one counter.
 */
import { z } from 'zod';
import { slotSequenceBlock, type SequenceBlock } from '../../../shared/dossier/code';
import type { ReadDb, Store } from '../../store/db';
import { getSetting, putSetting } from '../../store/repos/settings';

const KEY = 'dossier-sequence';

/** The stored setting. */
export const SequenceSettings = z.object({
  /** 0–9: the first digit of the codes this PC issues (see `slotSequenceBlock`). */
  slot: z.int().min(0).max(9),
  blocks: z.array(z.object({ start: z.int(), end: z.int(), from: z.string().optional(), until: z.string().optional() })).min(1),
});
/** See `SequenceSettings`. */
export type SequenceSettings = z.infer<typeof SequenceSettings>;

/** Slot 0 with its default block: a lone counter, or the demo. */
export const defaultSequenceSettings: SequenceSettings = { slot: 0, blocks: [slotSequenceBlock(0)] };

/**
 * This PC's blocks; empty when the setting is missing or unreadable, which the shared
 * `nextDossierSequence` refuses with a message telling the clerk to contact the data centre.
 */
export function readSequenceBlocks(db: ReadDb): SequenceBlock[] {
  const parsed = SequenceSettings.safeParse(getSetting(db, KEY));
  return parsed.success ? parsed.data.blocks : [];
}

/** Writes the default unless the PC already has its blocks (first run). */
export function ensureSequenceSettings(store: Store, now: Date): void {
  if (store.read((db) => getSetting(db, KEY)) !== undefined) return;
  store.write((db) => putSetting(db, KEY, defaultSequenceSettings, now.toISOString()));
}

/** Sets the slot and blocks the hub assigned (enrolment, a lease of more numbers). */
export function saveSequenceSettings(store: Store, settings: SequenceSettings, now: Date): void {
  const checked = SequenceSettings.parse(settings);
  store.write((db) => putSetting(db, KEY, checked, now.toISOString()));
}
