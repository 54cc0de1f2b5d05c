import type { Clock } from '../../src/main/services/clock';

export function fixedClock(iso: string): Clock {
  return { now: () => new Date(iso) };
}
