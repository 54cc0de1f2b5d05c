/**
 * Where a dossier's reschedule lives: in its history. The `reschedule` event carries the new
 * appointment, so the rule "once only" and the deadline maths read the same record, and nothing
 * beside the audit trail can disagree with it.
 */
import type { ReadDb } from '../../store/db';
import { listDossierEvents } from '../../store/repos/dossier-events';
import type { Reschedule } from './deadline-clock';

/** The action name of the event, the transition's own. */
export const RESCHEDULE_ACTION = 'reschedule';

/** The data a reschedule event carries. */
export interface RescheduleData {
  readonly previousDueAt: string | null;
  readonly dueAt: string;
}

/** The dossier's reschedule, if it had one. */
export function findReschedule(db: ReadDb, dossierId: string): Reschedule | undefined {
  const event = listDossierEvents(db, dossierId).findLast((e) => e.action === RESCHEDULE_ACTION);
  if (event === undefined) return undefined;
  const data = event.data as Partial<RescheduleData> | null;
  return typeof data?.dueAt === 'string' ? { at: event.at, to: data.dueAt } : undefined;
}
