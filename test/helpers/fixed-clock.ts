import type { Clock } from '../../src/main/services/clock';

export function fixedClock(iso: string): Clock {
  return { now: () => new Date(iso) };
}

/** A clock the test moves by hand. */
export function manualClock(iso: string): Clock & { advance(ms: number): void } {
  let now = Date.parse(iso);
  return {
    now: () => new Date(now),
    advance: (ms) => void (now += ms),
  };
}
