import { describe, expect, it } from 'vitest';
import { formatShare, splitWidth } from './chart-geometry';

describe('chart geometry', () => {
  it('splits a bar in proportion, in whole units that add up to the bar', () => {
    const s = splitWidth([1, 1, 1], 100);
    expect(s.map((x) => x.width)).toEqual([34, 33, 33]);
    expect(s.map((x) => x.start)).toEqual([0, 34, 67]);
    expect(s.reduce((a, x) => a + x.width, 0)).toBe(100);
    expect(splitWidth([3, 1], 400).map((x) => [x.width, x.share])).toEqual([[300, 0.75], [100, 0.25]]);
  });

  it('gives empty segments for nothing to show and ignores negatives', () => {
    expect(splitWidth([0, 0], 100)).toEqual([{ start: 0, width: 0, share: 0 }, { start: 0, width: 0, share: 0 }]);
    expect(splitWidth([-5, 2], 10).map((x) => x.width)).toEqual([0, 10]);
  });

  it('writes shares the Vietnamese way', () => {
    expect([0, 0.042, 0.25, 0.996, 1].map(formatShare)).toEqual(['0 %', '4,2 %', '25 %', '100 %', '100 %']);
  });
});
