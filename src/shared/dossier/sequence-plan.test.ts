import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatIsoDate, type CivilDate } from '../calendar/civil-date';
import { nextDossierSequence, type SequenceBlock } from './code';
import { counterSlots, planSequenceBlocks, spareBlock } from './sequence-plan';

const day0: CivilDate = { year: 2026, month: 12, day: 1 };
const iso = (n: number): string => formatIsoDate(addDays(day0, n));

interface Device {
  readonly blocks: SequenceBlock[];
  /** First and last day it receives dossiers (inclusive). */
  readonly firstDay: number;
  lastDay: number;
}

/**
 * A commune's life: each step replaces the PC of a slot on a day (the hub issues the package,
 * revokes the old device that day) and the new PC starts a few days later. Every device issues
 * as many numbers as it likes on each day it is alive, whether or not the hub ever saw them.
 */
const life = fc.record({
  width: fc.constantFrom(500, 1000, 2000),
  spareBlocks: fc.integer({ min: 1, max: 9 }),
  replacements: fc.array(fc.record({ slotPick: fc.nat(), day: fc.integer({ min: 0, max: 6 }), delay: fc.integer({ min: 0, max: 3 }) }), { maxLength: 12 }),
  issued: fc.array(fc.integer({ min: 0, max: 1200 }), { minLength: 64, maxLength: 64 }),
});

describe('planSequenceBlocks: a replacement PC never repeats a number', () => {
  it('holds over widths, spare pool sizes, replacement days and numbers the hub never saw', () => {
    fc.assert(
      fc.property(life, ({ width, spareBlocks, replacements, issued }) => {
        const options = { width, spareBlocks };
        const slots = Math.min(counterSlots(options), 3);
        const current = new Map<number, Device>();
        const devices: Device[] = [];
        for (let slot = 0; slot < slots; slot++) {
          const d: Device = { blocks: planSequenceBlocks(slot, undefined, options), firstDay: 0, lastDay: 9 };
          current.set(slot, d);
          devices.push(d);
        }
        const sparesUsed = new Map<number, number>();
        for (const r of [...replacements].sort((a, b) => a.day - b.day)) {
          const slot = r.slotPick % slots;
          const index = sparesUsed.get(r.day) ?? 0;
          if (index >= spareBlocks) continue; // the hub refuses: no spare block left that day
          sparesUsed.set(r.day, index + 1);
          const old = current.get(slot);
          if (old) old.lastDay = Math.min(old.lastDay, r.day);
          const d: Device = { blocks: planSequenceBlocks(slot, { day: iso(r.day), spareIndex: index }, options), firstDay: r.day + r.delay, lastDay: 9 };
          current.set(slot, d);
          devices.push(d);
        }
        const seen = new Set<string>();
        let k = 0;
        for (const d of devices) {
          for (let day = d.firstDay; day <= d.lastDay; day++) {
            const date = addDays(day0, day);
            const want = issued[k++ % issued.length] ?? 0;
            let last: { date: CivilDate; sequence: number } | undefined;
            for (let i = 0; i < want; i++) {
              const next = nextDossierSequence({ blocks: d.blocks, ...(last ? { lastIssued: last } : {}) }, date);
              if (!next.ok) break;
              const key = `${day}:${next.value}`;
              if (seen.has(key)) return false;
              seen.add(key);
              last = { date, sequence: next.value };
            }
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('gives a replacement its slot from the next day and a spare block of the pool on the cut-over day', () => {
    expect(planSequenceBlocks(2, { day: '2026-12-08', spareIndex: 1 })).toEqual([
      { start: 2001, end: 2999, from: '2026-12-09' },
      { start: 9112, end: 9222, from: '2026-12-08', until: '2026-12-08' },
    ]);
    const onDay = nextDossierSequence({ blocks: planSequenceBlocks(2, { day: '2026-12-08', spareIndex: 1 }) }, { year: 2026, month: 12, day: 8 });
    expect(onDay).toEqual({ ok: true, value: 9112 });
    const before = nextDossierSequence({ blocks: planSequenceBlocks(2, { day: '2026-12-08', spareIndex: 1 }) }, { year: 2026, month: 12, day: 7 });
    expect(before.ok ? before.value : before.error.code).toBe('dossier-sequence.exhausted');
  });

  it('refuses slots of the spare pool and spare blocks past the pool', () => {
    expect(() => planSequenceBlocks(9)).toThrow(RangeError);
    expect(() => spareBlock(9)).toThrow(RangeError);
    expect(spareBlock(8)).toEqual({ start: 9889, end: 9999 });
  });
});
