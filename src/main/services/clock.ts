/** Services read time only through this, so tests and benchmarks pass time in. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
