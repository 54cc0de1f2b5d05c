/**
 * Where an invented dossier stands today, and the transitions that brought it there. Shaped
 * like a commune's real year: most dossiers due long ago were resolved on time and handed back,
 * a few were late, rejected or withdrawn, a handful are stuck; recent ones are still moving
 * through the desks. Every chain is a path through the state machine's table, so the demo
 * audit trail reads like a real one. Pure: the random source and the times come in.
 */
import type { DossierStatus, TransitionName } from '../../../shared/dossier/states';
import type { Random } from './fictitious-people';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DemoLife {
  readonly status: DossierStatus;
  readonly resolvedMs: number | null;
  readonly returnedMs: number | null;
}

/** One step of the audit trail after the receipt. */
export interface DemoStep {
  readonly transition: TransitionName;
  readonly atMs: number;
}

type Weighted<T> = readonly (readonly [T, number])[];

/** A value drawn with the given shares (which need not add up to 1). */
export function choose<T>(random: Random, weighted: Weighted<T>): T {
  const total = weighted.reduce((sum, [, share]) => sum + share, 0);
  let left = random() * total;
  for (const [value, share] of weighted) {
    left -= share;
    if (left < 0) return value;
  }
  const last = weighted.at(-1);
  if (last === undefined) throw new RangeError('choose from an empty list');
  return last[0];
}

const between = (random: Random, from: number, to: number): number => from + Math.floor(random() * Math.max(0, to - from));

/** The status at `nowMs` of a dossier received at `receivedMs` and due at `dueMs`. */
export function demoLife(random: Random, receivedMs: number, dueMs: number, nowMs: number): DemoLife {
  const latest = nowMs - 60_000;
  const onTime = (): number => Math.min(latest, between(random, receivedMs + HOUR / 2, Math.max(receivedMs + HOUR, dueMs)));
  const late = (): number => Math.min(latest, between(random, dueMs + HOUR, dueMs + 3 * DAY));
  const done = (resolvedMs: number, pickedUp: boolean): DemoLife => {
    const returnedMs = Math.min(latest, resolvedMs + between(random, 10 * 60_000, 2 * DAY));
    return pickedUp && returnedMs > resolvedMs ? { status: 'returned', resolvedMs, returnedMs } : { status: 'resolved', resolvedMs, returnedMs: null };
  };
  const open = (status: DossierStatus): DemoLife => ({ status, resolvedMs: null, returnedMs: null });

  if (dueMs < nowMs - 2 * DAY) {
    const fate = choose(random, [['on-time', 0.9], ['late', 0.05], ['rejected', 0.015], ['withdrawn', 0.015], ['stuck', 0.02]] as const);
    if (fate === 'on-time') return done(onTime(), random() < 0.97);
    if (fate === 'late') return done(late(), random() < 0.95);
    if (fate === 'stuck') return open(choose(random, [['processing', 0.5], ['supplement-requested', 0.35], ['paused', 0.15]] as const));
    return open(fate);
  }
  if (dueMs < nowMs) {
    const fate = choose(random, [['returned', 0.6], ['resolved', 0.15], ['processing', 0.15], ['supplement-requested', 0.1]] as const);
    if (fate === 'returned' || fate === 'resolved') return done(onTime(), fate === 'returned');
    return open(fate);
  }
  const fate = choose(random, [
    ['received', 0.25], ['transferred', 0.15], ['processing', 0.33], ['supplement-requested', 0.1], ['paused', 0.03], ['resolved', 0.14],
  ] as const);
  if (fate !== 'resolved') return open(fate);
  return { status: 'resolved', resolvedMs: Math.max(receivedMs + 1, between(random, receivedMs + HOUR / 2, latest)), returnedMs: null };
}

/** The transitions after `receive` that end in each status, in order. */
const chains: Readonly<Partial<Record<DossierStatus, readonly TransitionName[]>>> = {
  received: [],
  transferred: ['transfer'],
  processing: ['transfer', 'start-processing'],
  'supplement-requested': ['transfer', 'start-processing', 'request-supplement'],
  paused: ['transfer', 'start-processing', 'pause'],
  resolved: ['transfer', 'start-processing', 'resolve'],
  returned: ['transfer', 'start-processing', 'resolve', 'return-result'],
  rejected: ['transfer', 'start-processing', 'reject'],
  withdrawn: ['withdraw'],
};

/**
 * The audit steps of `life`, timed between the receipt and the result (or a few working hours
 * after the receipt for a dossier still open), never after `nowMs`.
 */
export function demoSteps(life: DemoLife, receivedMs: number, nowMs: number): DemoStep[] {
  const chain = chains[life.status] ?? [];
  const end = life.resolvedMs ?? Math.min(nowMs - 60_000, receivedMs + 4 * HOUR);
  const before = chain.filter((t) => t !== 'resolve' && t !== 'return-result');
  const steps: DemoStep[] = before.map((transition, i) => ({ transition, atMs: Math.floor(receivedMs + ((end - receivedMs) * (i + 1)) / (before.length + 1)) }));
  if (life.resolvedMs !== null) steps.push({ transition: 'resolve', atMs: life.resolvedMs });
  if (life.returnedMs !== null) steps.push({ transition: 'return-result', atMs: life.returnedMs });
  return steps;
}
