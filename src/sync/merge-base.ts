/**
 * What a pushed dossier edit is based on (sync.md §4.6): for each field the PC changed, its value
 * before the change. The hub applies a field only where its row still holds that value, and
 * records a conflict where it does not, so an edit never overwrites a change it has not seen. The
 * previous state is the PC's own earlier snapshot when the hub has not echoed it yet, else the
 * merge base (the hub's row as last applied here).
 */
import type { ReadDb } from '../main/store/db';
import { listOutboxForEntity, type OutboxEntry } from '../main/store/repos/outbox';
import { getDossierBase } from '../main/store/repos/sync-dossier-bases';
import { changedFrom } from '../shared/dossier/merge';
import { snapshotOf } from './rebase';

/** Kinds whose snapshot changes an existing dossier on the hub. */
const editingKinds = new Set(['dossier.transitioned', 'dossier.edited']);

/** The entry's payload as sent: with `base` added when the kind edits and a previous state is known. */
export function payloadWithBase(db: ReadDb, entry: OutboxEntry): unknown {
  if (!editingKinds.has(entry.kind)) return entry.payload;
  const snapshot = snapshotOf(entry);
  if (snapshot === undefined) return entry.payload;
  const prior = listOutboxForEntity(db, entry.entityId)
    .filter((e) => e.seq < entry.seq && snapshotOf(e) !== undefined)
    .at(-1);
  const stored = getDossierBase(db, entry.entityId);
  const prev = prior !== undefined && (stored === undefined || prior.seq > stored.asOfSeq) ? snapshotOf(prior) : stored?.snapshot;
  if (prev === undefined) return entry.payload;
  return { ...(entry.payload as object), base: changedFrom(prev, snapshot) };
}
