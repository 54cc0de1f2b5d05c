/**
 * The statutory clock of a dossier as stored: `clock_stops` holds its pauses (ISO UTC, `to` null
 * while stopped) and the due moment is recomputed from receipt, processing time, calendar and
 * stops with the shared `computeDue` after every change, never nudged by hand. A stop's effect
 * (resume with the time left, or restart the full period) is decided by the transition that
 * ends it, as the state machine's clock column says.
 *
 * A reschedule (hẹn lại, once) replaces the statutory due moment with the date on the apology
 * slip; time paused after it pushes that date on by the same working time. A later restart (a
 * supplement received: a new receipt) supersedes it.
 */
import { z } from 'zod';
import { validationError } from '../../../shared/api/errors';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar';
import { DEFAULT_OFFICE_HOURS, tryComputeDue, type ClockStop, type ClockStopEffect, type ProcessingTime } from '../../../shared/deadline';
import { addWorkingMinutes, workingMinutesBetween } from '../../../shared/deadline/working-time';
import { isoToLocal, localToIso } from './office-time';

/** One pause of the clock, as `dossiers.clock_stops` keeps it. */
export interface StoredClockStop {
  readonly from: string;
  readonly to: string | null;
  readonly effect: ClockStopEffect;
  /** The transition that stopped the clock (request-supplement, pause). */
  readonly transition: string;
}

const StoredClockStops = z.array(
  z.object({
    from: z.string(),
    to: z.string().nullable().default(null),
    effect: z.enum(['pause', 'restart']).default('pause'),
    transition: z.string().default(''),
  }),
);

/** The stops of a stored dossier; a column that does not parse reads as "never stopped". */
export function readClockStops(value: unknown): StoredClockStop[] {
  const parsed = StoredClockStops.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** True while the clock is stopped. */
export function hasOpenStop(stops: readonly StoredClockStop[]): boolean {
  return stops.some((s) => s.to === null);
}

/** Stops the clock at `at`; it stays stopped until `closeClockStop`. */
export function openClockStop(stops: readonly StoredClockStop[], at: string, transition: string): StoredClockStop[] {
  if (hasOpenStop(stops)) return [...stops];
  return [...stops, { from: at, to: null, effect: 'pause', transition }];
}

/** Ends the open stop at `at`: `pause` resumes with the time left, `restart` counts anew. */
export function closeClockStop(stops: readonly StoredClockStop[], at: string, effect: ClockStopEffect): StoredClockStop[] {
  return stops.map((s) => (s.to === null ? { ...s, to: at, effect } : s));
}

/** The appointment a reschedule set, and when. */
export interface Reschedule {
  readonly at: string;
  readonly to: string;
}

/** A dossier's clock: receipt, processing time, calendar, stops and any reschedule. */
export interface DueQuery {
  readonly receivedAt: string;
  readonly processing: ProcessingTime;
  readonly calendar: WorkingCalendar;
  readonly stops: readonly StoredClockStop[];
  readonly reschedule?: Reschedule | undefined;
}

/** Running: the appointment (ISO UTC). Stopped: the clock waits for a resume or restart. */
export type DueAnswer = { readonly state: 'running'; readonly dueAt: string } | { readonly state: 'stopped' };

const toClockStop = (s: StoredClockStop): ClockStop =>
  s.to === null ? { from: isoToLocal(s.from), effect: s.effect } : { from: isoToLocal(s.from), to: isoToLocal(s.to), effect: s.effect };

/**
 * The due moment now. Throws the shared deadline issue as a validation AppError (stops out of
 * order, a calendar without working days), so the transaction that asked rolls back.
 */
export function dueOf(query: DueQuery): DueAnswer {
  const { receivedAt, processing, calendar, stops, reschedule } = query;
  const computed = tryComputeDue({ receivedAt: isoToLocal(receivedAt), processing, calendar, officeHours: DEFAULT_OFFICE_HOURS, stops: stops.map(toClockStop) });
  if (!computed.ok) throw validationError(computed.error);
  const statutory: DueAnswer = computed.value.state === 'running' ? { state: 'running', dueAt: localToIso(computed.value.due) } : { state: 'stopped' };
  if (reschedule === undefined || stops.some((s) => s.effect === 'restart' && s.to !== null && s.to > reschedule.at)) return statutory;
  if (hasOpenStop(stops)) return { state: 'stopped' };
  const pausedAfter = stops.reduce((sum, s) => {
    if (s.to === null || s.to <= reschedule.at) return sum;
    const from = s.from > reschedule.at ? s.from : reschedule.at;
    return sum + workingMinutesBetween(isoToLocal(from), isoToLocal(s.to), calendar, DEFAULT_OFFICE_HOURS);
  }, 0);
  return { state: 'running', dueAt: localToIso(addWorkingMinutes(isoToLocal(reschedule.to), pausedAfter, calendar, DEFAULT_OFFICE_HOURS)) };
}
