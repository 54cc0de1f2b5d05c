/**
 * A pulled dossier on this PC (sync.md §4.6). With no local change waiting, the hub's row replaces
 * the local one and becomes the merge base. With local changes not yet sent, the two are merged
 * field by field against the base; a field changed on both sides keeps the hub's value for now
 * and is recorded in `sync_conflicts` with both values. Status is rebased through the state
 * machine: the pending local transitions are replayed from the hub's status, and if one of them is
 * no longer legal the hub's status stands and a status conflict is recorded (the hub will refuse
 * that transition too, by the same table).
 */
import type { WriteDb } from '../main/store/db';
import { getDossierById, putDossierFromHub, type StoredDossier } from '../main/store/repos/dossiers';
import { listOutboxForEntity, type OutboxEntry } from '../main/store/repos/outbox';
import { recordSyncConflict } from '../main/store/repos/sync-conflicts';
import { getDossierBase, putDossierBase } from '../main/store/repos/sync-dossier-bases';
import { dossierTransitions, isTransitionName } from '../shared/dossier/states';
import { uuidv7 } from '../shared/id/uuidv7';
import { mergeFields, mergeSnapshots, sameValue } from '../shared/dossier/merge';

type Snapshot = Readonly<Record<string, unknown>>;

/** The dossier snapshot an outbox entry carries, if any (a view carries none). */
export function snapshotOf(entry: OutboxEntry): Snapshot | undefined {
  const dossier = (entry.payload as { dossier?: unknown } | null)?.dossier;
  return dossier !== null && typeof dossier === 'object' ? (dossier as Snapshot) : undefined;
}

/** The status the pending transitions lead to from `from`, or undefined if one is not legal there. */
function replayTransitions(from: string, pending: readonly OutboxEntry[]): string | undefined {
  let status = from;
  for (const e of pending) {
    if (e.kind !== 'dossier.transitioned') continue;
    const action = (e.payload as { event?: { action?: unknown } }).event?.action;
    if (typeof action !== 'string' || !isTransitionName(action)) return undefined;
    const row = dossierTransitions[action];
    if (!row.from.some((s) => s === status)) return undefined;
    if (row.to !== 'unchanged') status = row.to;
  }
  return status;
}

/** Applies the hub's `hub` row for a pulled dossier; 'merged' when local changes were kept on top. */
export function applyPulledDossier(db: WriteDb, hub: StoredDossier, hubSnapshot: Snapshot, now: string): 'replaced' | 'merged' {
  const local = getDossierById(db, hub.id);
  const entries = local === undefined ? [] : listOutboxForEntity(db, hub.id);
  const pending = entries.filter((e) => e.sentAt === null);
  if (local === undefined || pending.length === 0) {
    putDossierFromHub(db, hub);
    putDossierBase(db, hub.id, { ...hubSnapshot, status: hub.status, rowVersion: hub.rowVersion }, now);
    return 'replaced';
  }
  // The common ancestor: what the hub last had from this PC, or the hub's row last applied here.
  const stored = getDossierBase(db, hub.id);
  const lastSent = entries.filter((e) => e.sentAt !== null && snapshotOf(e) !== undefined).at(-1);
  const base = (lastSent !== undefined && (stored === undefined || lastSent.seq > stored.asOfSeq) ? snapshotOf(lastSent) : stored?.snapshot) ?? hubSnapshot;

  const { merged, conflicts } = mergeSnapshots(base, local as unknown as Snapshot, hub as unknown as Snapshot);
  for (const c of conflicts) {
    recordSyncConflict(db, { id: uuidv7(Date.parse(now)), entity: 'dossier', entityId: hub.id, kind: 'field', field: c.field, baseValue: c.base, localValue: c.local, hubValue: c.hub, kept: 'hub', createdAt: now });
  }
  let status = hub.status;
  if (local.status !== hub.status && !sameValue(local.status, base.status)) {
    if (sameValue(hub.status, base.status)) status = local.status;
    else {
      const replayed = replayTransitions(hub.status, pending);
      if (replayed !== undefined) status = replayed;
      else {
        recordSyncConflict(db, { id: uuidv7(Date.parse(now)), entity: 'dossier', entityId: hub.id, kind: 'status', field: 'status', baseValue: base.status ?? null, localValue: local.status, hubValue: hub.status, kept: 'hub', createdAt: now });
      }
    }
  }
  const fields = Object.fromEntries(mergeFields.map((f) => [f, merged[f] ?? null]));
  // A row version past both sides: a screen opened on either version must reload before saving.
  putDossierFromHub(db, { ...hub, ...fields, status, rowVersion: Math.max(local.rowVersion, hub.rowVersion) + 1, updatedAt: now });
  return 'merged';
}
