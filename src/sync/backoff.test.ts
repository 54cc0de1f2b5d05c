import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from './backoff';

describe('backoffDelay', () => {
  it('grows the ceiling exponentially from the base, up to the cap', () => {
    const top = () => 0.999_999;
    expect(backoffDelay(0, top)).toBe(999);
    expect(backoffDelay(3, top)).toBe(7999);
    expect(backoffDelay(20, top)).toBe(defaultBackoff.capMs - 1);
    expect(backoffDelay(1e9, top)).toBe(defaultBackoff.capMs - 1);
  });

  it('spreads retries over the whole interval (full jitter), never negative', () => {
    expect(backoffDelay(4, () => 0)).toBe(0);
    expect(backoffDelay(4, () => 0.5)).toBe(8000);
    expect(backoffDelay(-3, () => 0.5)).toBe(500);
  });

  it("honours the hub's Retry-After as a floor, within the cap", () => {
    expect(backoffDelay(0, () => 0, defaultBackoff, 30_000)).toBe(30_000);
    expect(backoffDelay(0, () => 0, { baseMs: 10, capMs: 100 }, 30_000)).toBe(100);
    expect(backoffDelay(10, () => 0.9, { baseMs: 10, capMs: 100 }, 5)).toBe(90);
  });
});
