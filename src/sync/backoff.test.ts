import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, defaultBackoff, RepeatingRun } from './backoff';

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

describe('RepeatingRun', () => {
  afterEach(() => vi.useRealTimers());

  it('runs at once, then every interval, waits the failure delay after a failure, and stops on dispose', async () => {
    vi.useFakeTimers();
    const starts: number[] = [];
    let fail = false;
    const loop = new RepeatingRun(
      () => {
        starts.push(Date.now());
        return fail ? Promise.reject(new Error('hub down')) : Promise.resolve();
      },
      () => 5000,
    );
    const t0 = Date.now();
    loop.start(1000);
    loop.start(1000); // a second start is ignored
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1000);
    fail = true;
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(4999);
    expect(starts.map((t) => t - t0)).toEqual([0, 1000, 2000]);
    fail = false;
    await vi.advanceTimersByTimeAsync(1);
    expect(starts.map((t) => t - t0)).toEqual([0, 1000, 2000, 7000]);
    await loop.dispose();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(starts).toHaveLength(4);
    loop.start(1000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(starts).toHaveLength(4);
  });

  it('lets dispose wait for the run in progress', async () => {
    let finish!: () => void;
    let finished = false;
    const loop = new RepeatingRun(
      () =>
        new Promise<void>((resolve) => {
          finish = () => {
            finished = true;
            resolve();
          };
        }),
      () => 0,
    );
    loop.start(60_000);
    await new Promise((r) => setTimeout(r, 5));
    expect(loop.running).toBe(true);
    const disposed = loop.dispose();
    finish();
    await disposed;
    expect(finished).toBe(true);
    expect(loop.running).toBe(false);
  });
});
