/**
 * Every change of a dossier leaves an event in its history (the audit trail, DESIGN §7) and,
 * unless the dossier is still a local draft, a command in the outbox for the hub — both inside
 * the caller's transaction, so neither can exist without the other or without the change.
 */
import { uuidv7 } from '../../../shared/id/uuidv7';
import type { WriteDb } from '../../store/db';
import { appendDossierEvent, type NewDossierEvent } from '../../store/repos/dossier-events';
import type { StoredDossier } from '../../store/repos/dossiers';
import { listDocuments } from '../../store/repos/documents';
import { enqueueOutbox } from '../../store/repos/outbox';

/** Outbox command kinds this module writes. */
/** `dossier.edited`: fields changed without a status change (e.g. a sync conflict settled for this PC's value). */
export type DossierCommand = 'dossier.received' | 'dossier.transitioned' | 'dossier.viewed' | 'dossier.edited';

/** One history event; `dossier` is the dossier as it stands after the change. */
export interface DossierEventInput {
  readonly dossier: StoredDossier;
  readonly at: string;
  readonly actorId: string;
  readonly action: string;
  readonly fromStatus?: string | null;
  readonly toStatus?: string | null;
  readonly note?: string | null;
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * Appends the event and, when `command` is given, queues it for the hub with a snapshot of the
 * dossier as it now stands (the hub applies snapshots by row version, so order of arrival does
 * not matter). Returns the event id.
 */
export function recordDossierEvent(db: WriteDb, input: DossierEventInput, command: DossierCommand | null): string {
  const ms = Date.parse(input.at);
  const event: NewDossierEvent = {
    id: uuidv7(ms),
    dossierId: input.dossier.id,
    at: input.at,
    actorId: input.actorId,
    action: input.action,
    fromStatus: input.fromStatus ?? null,
    toStatus: input.toStatus ?? null,
    note: input.note ?? null,
    data: input.data ?? {},
  };
  appendDossierEvent(db, event);
  if (command !== null) {
    // A view carries no dossier data: the hub needs only who read what, and when.
    const snapshot = command === 'dossier.viewed' ? undefined : { ...input.dossier, documents: listDocuments(db, input.dossier.id) };
    enqueueOutbox(db, { idempotencyKey: uuidv7(ms), kind: command, entityId: input.dossier.id, payload: { event, dossier: snapshot }, createdAt: input.at });
  }
  return event.id;
}
