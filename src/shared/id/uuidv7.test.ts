import { describe, expect, it } from 'vitest';
import { isUuidv7, uuidv7, uuidv7Time } from './uuidv7';

const zeros = new Uint8Array(10);
const ones = new Uint8Array(10).fill(0xff);

describe('uuidv7', () => {
  it('writes the version nibble 7 and the RFC 9562 variant bits 10', () => {
    for (const random of [zeros, ones, undefined]) {
      const id = uuidv7(1_763_884_800_000, random);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(isUuidv7(id)).toBe(true);
    }
    expect(uuidv7(0, ones)).toBe('00000000-0000-7fff-bfff-ffffffffffff');
    expect(uuidv7(0, zeros)).toBe('00000000-0000-7000-8000-000000000000');
  });

  it('carries the millisecond timestamp in its first 48 bits', () => {
    const ms = Date.UTC(2026, 10, 23, 1, 2, 3, 456);
    expect(uuidv7Time(uuidv7(ms))).toBe(ms);
    expect(uuidv7Time(uuidv7(2 ** 48 - 1, zeros))).toBe(2 ** 48 - 1);
  });

  it('sorts by time as text, whatever the random bits', () => {
    const ids: string[] = [];
    for (let ms = 1_700_000_000_000; ms < 1_700_000_000_000 + 2000; ms += 7) {
      ids.push(uuidv7(ms, ids.length % 2 === 0 ? ones : zeros));
    }
    expect([...ids].sort()).toEqual(ids);
  });

  it('draws fresh random bits from crypto when none are given', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(1_700_000_000_000)));
    expect(ids.size).toBe(1000);
  });

  it('refuses times out of range and too few random bytes', () => {
    expect(() => uuidv7(-1)).toThrow(RangeError);
    expect(() => uuidv7(2 ** 48)).toThrow(RangeError);
    expect(() => uuidv7(1.5)).toThrow(RangeError);
    expect(() => uuidv7(0, new Uint8Array(9))).toThrow(RangeError);
  });
});
