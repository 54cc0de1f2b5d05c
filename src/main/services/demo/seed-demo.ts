/**
 * `seed-demo`: fills a training PC with invented dossiers so queues, search and reports have
 * something to show. Fictitious people only (fictitious-people.ts), the procedures of the
 * catalogue in realistic shares, received during office hours on the working days of the last
 * months up to yesterday (today's numbers stay free for the clerk practising at the counter),
 * with due moments from the real deadline maths. Written in batches, one transaction each, so a
 * large seed neither holds the write lock for long nor loses more than a batch if interrupted.
 * Refuses a commune that is not the demo one unless forced.
 */
import { AppError } from '../../../shared/api/errors';
import { addDays, formatIsoDate, type CivilDate } from '../../../shared/calendar/civil-date';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar';
import { computeDue, DEFAULT_OFFICE_HOURS, localDateTimeToEpochMs, type ProcessingTime } from '../../../shared/deadline';
import { isRole, type Role } from '../../../shared/dossier/states';
import type { Procedure } from '../../../shared/procedures/procedure';
import type { Store } from '../../store/db';
import { listUsers } from '../../store/repos/users';
import { listProcedures } from '../catalogue/procedures';
import { ensureSeedCatalogue } from '../catalogue/seed-catalogue';
import { loadWorkingCalendar } from '../catalogue/working-calendar';
import type { Clock } from '../clock';
import { officeDay } from '../dossiers/office-time';
import { ensureDemoCommune } from '../settings/commune';
import { writeDemoDossier } from './demo-dossier';
import { choose, demoLife, demoSteps } from './demo-life';
import { fictitiousPerson, seededRandom, type Random } from './fictitious-people';

/** The most dossiers one seeding writes: beyond a million is the benchmark's business. */
export const MAX_DEMO_DOSSIERS = 1_000_000;
const BATCH = 2_000;
/** Roughly how many a busy commune receives per working day; sets how far back the seed goes. */
const PER_DAY = 60;
const MIN_DAYS = 120;

/** Rough shares of the commune's procedures; the attestation of copies is the daily bread. */
const shares: Readonly<Record<string, number>> = {
  '2.000815': 24, '1.001193': 22, '1.004873': 14, '2.000635': 12, '1.000894': 8, '1.000656': 7, '2.000884': 6, '1.004884': 2,
};

export interface SeedDemoOptions {
  readonly count: number;
  /** Seed a commune that is not the demo one (a training copy of real settings). */
  readonly force?: boolean;
  /** Same seed, same people; defaults to the clock's milliseconds. */
  readonly seed?: number;
  /** Told after each batch. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SeedDemoResult {
  readonly inserted: number;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly commune: string;
}

/** The working days before `today`, oldest first: enough for `count` dossiers at PER_DAY. */
function workingDays(calendar: WorkingCalendar, today: CivilDate, count: number): CivilDate[] {
  const wanted = Math.max(MIN_DAYS, Math.ceil(count / PER_DAY));
  const days: CivilDate[] = [];
  for (let d = addDays(today, -1); days.length < wanted; d = addDays(d, -1)) if (!calendar.isDayOff(d)) days.push(d);
  return days.reverse();
}

/** A minute of office hours, morning or afternoon. */
function officeMinute(random: Random): number {
  const { morning, afternoon } = DEFAULT_OFFICE_HOURS;
  const session = random() < 0.6 ? morning : afternoon;
  return session.start + Math.floor(random() * (session.end - session.start));
}

/** The usual time, or now and then the longer limit of a named case (verification…). */
function processingOf(random: Random, procedure: Procedure): ProcessingTime {
  const limit = procedure.extensions.find((e) => e.kind === 'limit');
  return limit !== undefined && random() < 0.2 ? limit.processingTime : procedure.processingTime;
}

/** Writes `count` demo dossiers. Throws AppError 'demo.not-demo-commune' on a real commune without `force`. */
export function seedDemoDossiers(deps: { readonly store: Store; readonly clock: Clock }, options: SeedDemoOptions): SeedDemoResult {
  const { store } = deps;
  const now = deps.clock.now();
  const commune = ensureDemoCommune(store, now);
  if (!commune.demo && options.force !== true) throw new AppError('demo.not-demo-commune', { commune: commune.name });
  if (!Number.isInteger(options.count) || options.count < 1 || options.count > MAX_DEMO_DOSSIERS) {
    throw new RangeError(`count must be 1…${MAX_DEMO_DOSSIERS}, got ${options.count}`);
  }
  const today = officeDay(now);
  ensureSeedCatalogue(store, now);
  const procedures = store.read((db) => listProcedures(db, today.day));
  const weighted = procedures.map((p) => [p, shares[p.code] ?? 3] as const);
  const users = new Map<Role, string>();
  for (const u of store.read(listUsers)) if (u.active && isRole(u.role) && !users.has(u.role)) users.set(u.role, u.id);
  const calendar = store.read((db) => loadWorkingCalendar(db, today.now.date.year - 1 - Math.ceil(options.count / PER_DAY / 250), today.now.date.year));
  const days = workingDays(calendar, today.now.date, options.count);
  const random = seededRandom(options.seed ?? now.getTime());
  const nowMs = now.getTime();

  for (let from = 0; from < options.count; from += BATCH) {
    const to = Math.min(options.count, from + BATCH);
    store.write((db) => {
      for (let i = from; i < to; i++) {
        const day = days[Math.floor((i * days.length) / options.count)] ?? today.now.date;
        const procedure = choose(random, weighted);
        const receivedAt = { date: day, minutes: officeMinute(random) };
        const receivedMs = localDateTimeToEpochMs(receivedAt);
        const due = computeDue({ receivedAt, processing: processingOf(random, procedure), calendar });
        const dueMs = localDateTimeToEpochMs(due.state === 'running' ? due.due : due.initialDue);
        const life = demoLife(random, receivedMs, dueMs, nowMs);
        writeDemoDossier(db, {
          agencyCode: commune.agencyCode,
          day,
          dayText: formatIsoDate(day),
          procedure: { code: procedure.code, version: procedure.version },
          channel: choose(random, [['counter', 0.7], ['online', 0.25], ['volunteer', 0.05]] as const),
          person: fictitiousPerson(random, day.year),
          receivedMs,
          dueMs,
          life,
          steps: demoSteps(life, receivedMs, nowMs),
          users,
          nowMs,
        });
      }
    });
    options.onProgress?.(to, options.count);
  }
  const first = days[0] ?? today.now.date;
  const last = days.at(-1) ?? today.now.date;
  return { inserted: options.count, firstDay: formatIsoDate(first), lastDay: formatIsoDate(last), commune: commune.name };
}
