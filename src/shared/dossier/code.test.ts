import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidCivilDate, type CivilDate } from '../calendar/civil-date';
import {
  checkSequenceBlocks,
  formatDossierCode,
  isValidAgencyCode,
  nextDossierSequence,
  parseDossierCode,
  sequenceBlocksOverlap,
  slotSequenceBlock,
  type DossierCode,
  type DossierSequenceState,
  type SequenceBlock,
} from './code';

const AGENCY = '000.12.34.H26';
const DAY: CivilDate = { year: 2026, month: 9, day: 30 };
const NEXT_DAY: CivilDate = { year: 2026, month: 10, day: 1 };

const codeOf = (text: string): string | undefined => {
  const result = parseDossierCode(text);
  return result.ok ? undefined : result.error.code;
};

const alnum = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const upper = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const chars = (n: number) => fc.array(alnum, { minLength: n, maxLength: n }).map((a) => a.join(''));
const agencyCode = fc.tuple(chars(3), chars(2), chars(2), upper, chars(2)).map(([v, z, y, m, x]) => `${v}.${z}.${y}.${m}${x}`);
const civilDate = fc
  .record({ year: fc.integer({ min: 2000, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(isValidCivilDate);
const dossierCode = fc.record({ agencyCode, date: civilDate, sequence: fc.integer({ min: 1, max: 9999 }) });

describe('isValidAgencyCode', () => {
  it('accepts the shapes of §2.1 and §2.2', () => {
    for (const code of ['000.00.01.H26', '000.A0.01.H26', '000.00.00.H49', '000.00.64.H29', '000.12.34.G01']) expect(isValidAgencyCode(code)).toBe(true);
  });

  it('rejects other shapes', () => {
    for (const code of ['', '00.00.01.H26', '000.00.01.26H', '000.00.01.H2', '000-00-01-H26', '000.00.01.h26', ' 000.00.01.H26']) expect(isValidAgencyCode(code)).toBe(false);
  });
});

describe('formatDossierCode and parseDossierCode', () => {
  it('format the example of the notes', () => {
    expect(formatDossierCode({ agencyCode: '000.00.01.H26', date: DAY, sequence: 12 })).toBe('000.00.01.H26-260930-0012');
    expect(formatDossierCode({ agencyCode: AGENCY, date: { year: 2026, month: 4, day: 13 }, sequence: 1 })).toBe('000.12.34.H26-260413-0001');
  });

  it('parse a real-shaped code, forgiving spaces and lower case', () => {
    expect(parseDossierCode(' 000.a0.01.h26-210212-9090 ')).toEqual({
      ok: true,
      value: { agencyCode: '000.A0.01.H26', date: { year: 2021, month: 2, day: 12 }, sequence: 9090 },
    });
  });

  it('round-trip: parse ∘ format is the identity on parts', () => {
    fc.assert(
      fc.property(dossierCode, (code: DossierCode) => {
        expect(parseDossierCode(formatDossierCode(code))).toEqual({ ok: true, value: code });
      }),
    );
  });

  it('round-trip: format ∘ parse is the identity on valid codes', () => {
    fc.assert(
      fc.property(dossierCode.map(formatDossierCode), (text) => {
        const parsed = parseDossierCode(text);
        expect(parsed.ok && formatDossierCode(parsed.value)).toBe(text);
      }),
    );
  });

  it('format refuses parts no code may hold', () => {
    expect(() => formatDossierCode({ agencyCode: 'H26', date: DAY, sequence: 1 })).toThrow(RangeError);
    expect(() => formatDossierCode({ agencyCode: AGENCY, date: { year: 1999, month: 12, day: 31 }, sequence: 1 })).toThrow(RangeError);
    expect(() => formatDossierCode({ agencyCode: AGENCY, date: { year: 2100, month: 1, day: 1 }, sequence: 1 })).toThrow(RangeError);
    expect(() => formatDossierCode({ agencyCode: AGENCY, date: { year: 2026, month: 2, day: 30 }, sequence: 1 })).toThrow(RangeError);
    for (const sequence of [0, 10000, 1.5]) expect(() => formatDossierCode({ agencyCode: AGENCY, date: DAY, sequence })).toThrow(RangeError);
  });

  it('parse reports an empty entry', () => {
    expect(codeOf('')).toBe('dossier-code.empty');
    expect(codeOf('   ')).toBe('dossier-code.empty');
  });

  it('parse reports a code that does not have three parts', () => {
    for (const text of ['000.12.34.H26', '000.12.34.H26-260930', '000.12.34.H26-260930-0001-1', '000.12.34.H26 260930 0001']) expect(codeOf(text)).toBe('dossier-code.format');
  });

  it('parse reports a bad agency code', () => {
    const result = parseDossierCode('00.12.34.H26-260930-0001');
    expect(result).toMatchObject({ ok: false, error: { code: 'dossier-code.agency' } });
    expect(result.ok ? '' : result.error.message.vi).toContain('"00.12.34.H26"');
  });

  it('parse reports a bad receipt date', () => {
    for (const text of ['000.12.34.H26-260231-0001', '000.12.34.H26-261301-0001', '000.12.34.H26-26093-0001', '000.12.34.H26-26O930-0001']) expect(codeOf(text)).toBe('dossier-code.date');
  });

  it('parse reports a bad sequence number', () => {
    for (const text of ['000.12.34.H26-260930-0000', '000.12.34.H26-260930-012', '000.12.34.H26-260930-12345', '000.12.34.H26-260930-ABCD']) expect(codeOf(text)).toBe('dossier-code.sequence');
  });

  it('parse names the form field when asked', () => {
    expect(parseDossierCode('', { field: 'search.code' })).toMatchObject({ ok: false, error: { field: 'search.code' } });
  });
});

describe('sequence blocks', () => {
  it('slot k of 1000 gets k001–k999', () => {
    expect(slotSequenceBlock(0)).toEqual({ start: 1, end: 999 });
    expect(slotSequenceBlock(3)).toEqual({ start: 3001, end: 3999 });
    expect(slotSequenceBlock(9)).toEqual({ start: 9001, end: 9999 });
    expect(slotSequenceBlock(19, 500)).toEqual({ start: 9501, end: 9999 });
  });

  it('no slot past 9999', () => {
    for (const [slot, width] of [[10, 1000], [-1, 1000], [1.5, 1000], [0, 1], [0, 10001]] as const) expect(() => slotSequenceBlock(slot, width)).toThrow(RangeError);
  });

  it('detects overlap between two devices', () => {
    expect(sequenceBlocksOverlap([slotSequenceBlock(1)], [slotSequenceBlock(2)])).toBe(false);
    expect(sequenceBlocksOverlap([{ start: 1, end: 10 }], [{ start: 20, end: 30 }, { start: 10, end: 12 }])).toBe(true);
  });

  it('checks a configuration', () => {
    expect(checkSequenceBlocks([slotSequenceBlock(1), { start: 9000, end: 9000 }])).toBeUndefined();
    expect(checkSequenceBlocks([])?.code).toBe('dossier-sequence.no-blocks');
    for (const bad of [{ start: 0, end: 5 }, { start: 9000, end: 10000 }, { start: 50, end: 40 }, { start: 1.5, end: 40 }]) {
      expect(checkSequenceBlocks([bad])?.code).toBe('dossier-sequence.bad-block');
    }
    expect(checkSequenceBlocks([{ start: 1, end: 100 }, { start: 100, end: 200 }])?.code).toBe('dossier-sequence.overlapping-blocks');
  });
});

describe('nextDossierSequence', () => {
  const slot2: readonly SequenceBlock[] = [slotSequenceBlock(2)];

  it('starts each day at the start of the first block', () => {
    expect(nextDossierSequence({ blocks: slot2 }, DAY)).toEqual({ ok: true, value: 2001 });
    expect(nextDossierSequence({ blocks: slot2, lastIssued: { date: DAY, sequence: 2417 } }, NEXT_DAY)).toEqual({ ok: true, value: 2001 });
  });

  it('continues after the last number of the day, then moves to the next block', () => {
    const blocks = [{ start: 500, end: 501 }, { start: 10, end: 11 }];
    const issued: number[] = [];
    let state: DossierSequenceState = { blocks };
    for (;;) {
      const next = nextDossierSequence(state, DAY);
      if (!next.ok) break;
      issued.push(next.value);
      state = { blocks, lastIssued: { date: DAY, sequence: next.value } };
    }
    expect(issued).toEqual([10, 11, 500, 501]);
  });

  it('never goes below a number issued under an earlier configuration', () => {
    expect(nextDossierSequence({ blocks: slot2, lastIssued: { date: DAY, sequence: 2500 } }, DAY)).toEqual({ ok: true, value: 2501 });
    expect(nextDossierSequence({ blocks: [slotSequenceBlock(1), slotSequenceBlock(5)], lastIssued: { date: DAY, sequence: 3000 } }, DAY)).toEqual({ ok: true, value: 5001 });
  });

  it('tells the clerk to sync or call the data centre when the blocks are used up', () => {
    const result = nextDossierSequence({ blocks: slot2, lastIssued: { date: DAY, sequence: 2999 } }, DAY);
    expect(result).toMatchObject({ ok: false, error: { code: 'dossier-sequence.exhausted' } });
    expect(result.ok ? '' : result.error.message.vi).toContain('2001–2999');
    expect(result.ok ? '' : result.error.message.vi).toContain('đồng bộ');
    expect(result.ok ? '' : result.error.message.vi).toContain('30/09/2026');
  });

  it('refuses a date before the last code issued (a PC clock set back)', () => {
    const result = nextDossierSequence({ blocks: slot2, lastIssued: { date: NEXT_DAY, sequence: 2001 } }, DAY);
    expect(result).toMatchObject({ ok: false, error: { code: 'dossier-sequence.date-before-last' } });
  });

  it('reports a bad configuration instead of issuing from it', () => {
    expect(nextDossierSequence({ blocks: [] }, DAY)).toMatchObject({ ok: false, error: { code: 'dossier-sequence.no-blocks' } });
    expect(nextDossierSequence({ blocks: [{ start: 9990, end: 10010 }] }, DAY)).toMatchObject({ ok: false, error: { code: 'dossier-sequence.bad-block' } });
  });

  /** One PC issuing codes; a failed issue (used up, clock behind) issues nothing. */
  class Counter {
    private state: DossierSequenceState;
    constructor(readonly blocks: readonly SequenceBlock[]) {
      this.state = { blocks };
    }

    issue(date: CivilDate): string | undefined {
      const next = nextDossierSequence(this.state, date);
      if (!next.ok) return undefined;
      this.state = { blocks: this.blocks, lastIssued: { date, sequence: next.value } };
      return formatDossierCode({ agencyCode: AGENCY, date, sequence: next.value });
    }
  }

  const days = [DAY, NEXT_DAY, { year: 2026, month: 10, day: 2 }] as const;
  /** Which PC issues, on which day (days may go backwards, as a wrong clock would). */
  const operations = fc.array(fc.tuple(fc.boolean(), fc.constantFrom(...days)), { maxLength: 300 });

  it('two PCs with different slots never issue the same code', () => {
    const width = fc.integer({ min: 2, max: 1000 });
    const slots = width.chain((w) => {
      const last = Math.floor((10000 - w) / w);
      return fc.tuple(fc.constant(w), fc.uniqueArray(fc.integer({ min: 0, max: last }), { minLength: 2, maxLength: 2 }));
    });
    fc.assert(
      fc.property(slots, operations, ([w, [a = 0, b = 1]], ops) => {
        const pcs = [new Counter([slotSequenceBlock(a, w)]), new Counter([slotSequenceBlock(b, w)])];
        const codes = ops.flatMap(([first, date]) => (pcs[first ? 0 : 1]?.issue(date) ?? []));
        expect(new Set(codes).size).toBe(codes.length);
        for (const code of codes) expect(parseDossierCode(code).ok).toBe(true);
      }),
    );
  });

  it('devices with any disjoint blocks from the hub never issue the same code', () => {
    // Cut 1–9999 at sorted points into runs and deal the runs to two devices.
    const layout = fc.uniqueArray(fc.integer({ min: 2, max: 9999 }), { minLength: 2, maxLength: 12 }).map((cuts) => {
      const edges = [1, ...cuts.sort((x, y) => x - y), 10000];
      const runs = edges.slice(0, -1).map((start, i) => ({ start, end: (edges[i + 1] ?? 10000) - 1 }));
      return [runs.filter((_, i) => i % 2 === 0), runs.filter((_, i) => i % 2 === 1)] as const;
    });
    fc.assert(
      fc.property(layout, operations, ([mine, theirs], ops) => {
        const pcs = [new Counter(mine), new Counter(theirs)];
        const codes = ops.flatMap(([first, date]) => (pcs[first ? 0 : 1]?.issue(date) ?? []));
        expect(new Set(codes).size).toBe(codes.length);
      }),
    );
  });
});
