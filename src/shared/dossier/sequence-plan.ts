/**
 * Which blocks of the day's running numbers the hub gives a PC in its provisioning package.
 *
 * The daily range 1–9999 is cut into ranges of `width` numbers (1000 by default). Range k is
 * counter slot k (k001–k999) for every range but the last, which is the commune's spare pool,
 * cut into `spareBlocks` equal blocks. A PC of a new slot gets its slot's range for every day.
 *
 * A replacement PC for slot k, whose package the hub issues on day C (Vietnam date), cannot know
 * how far the old PC counted on C or before: numbers it issued may not have reached the hub. So:
 * - for receipts after C it takes slot k's range (`from` C+1): the old PC is revoked on C and
 *   issues nothing after it that the hub would accept;
 * - for receipts on C itself it takes spare block i (`from` C, `until` C), where i counts the
 *   replacements the hub issued for this commune on C, so two replacements on one day never
 *   share a block, and no slot's range contains it.
 * It never receives anything for days before C. The rule is pure: the hub applies it, the
 * property test in `sequence-plan.test.ts` checks that no (day, number) is ever issued twice.
 */
import { addDays, formatIsoDate, parseIsoDate } from '../calendar/civil-date';
import { MAX_DAILY_SEQUENCE, slotSequenceBlock, type SequenceBlock } from './code';

export interface SequencePlanOptions {
  /** Numbers per slot range; 1000 puts the slot in the first digit of the code. */
  readonly width?: number;
  /** How many replacements a commune can receive on one day. */
  readonly spareBlocks?: number;
}

const DEFAULT_WIDTH = 1000;
const DEFAULT_SPARE_BLOCKS = 9;

/** How many counter slots a commune has with this width (the last range is the spare pool). */
export function counterSlots(options: SequencePlanOptions = {}): number {
  const width = options.width ?? DEFAULT_WIDTH;
  return Math.floor((MAX_DAILY_SEQUENCE + 1) / width) - 1;
}

/** Spare block `index` of the commune's pool; throws RangeError past the pool's size. */
export function spareBlock(index: number, options: SequencePlanOptions = {}): SequenceBlock {
  const width = options.width ?? DEFAULT_WIDTH;
  const count = options.spareBlocks ?? DEFAULT_SPARE_BLOCKS;
  const pool = slotSequenceBlock(counterSlots(options), width);
  const size = Math.floor((pool.end - pool.start + 1) / count);
  if (!Number.isInteger(index) || index < 0 || index >= count || size < 1) throw new RangeError(`No spare block ${index} of ${count}`);
  return { start: pool.start + index * size, end: pool.start + (index + 1) * size - 1 };
}

/** A replacement's cut-over: the day its package was issued and its spare block that day. */
export interface Cutover {
  /** ISO date, Vietnam time. */
  readonly day: string;
  readonly spareIndex: number;
}

/** The blocks of a PC in `slot`; with `cutover`, those of a replacement (see the file comment). */
export function planSequenceBlocks(slot: number, cutover?: Cutover, options: SequencePlanOptions = {}): SequenceBlock[] {
  const width = options.width ?? DEFAULT_WIDTH;
  if (!Number.isInteger(slot) || slot < 0 || slot >= counterSlots(options)) throw new RangeError(`Slot ${slot} is not a counter slot`);
  const range = slotSequenceBlock(slot, width);
  if (cutover === undefined) return [range];
  const day = parseIsoDate(cutover.day);
  if (day === undefined) throw new RangeError(`Not a date: ${cutover.day}`);
  return [
    { ...range, from: formatIsoDate(addDays(day, 1)) },
    { ...spareBlock(cutover.spareIndex, options), from: cutover.day, until: cutover.day },
  ];
}
