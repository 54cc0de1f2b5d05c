/**
 * The bulk path of a push: the batch's new receipts (`dossier.received` of a dossier the hub does
 * not hold, under a key it has not seen) are applied with one statement per table instead of five
 * per mutation, inside the push transaction (only receipts that start as the state machine allows,
 * `startsAsReceipt`). Anything else is handed back, in seq order, to the
 * one-by-one path, which keeps every rule; the outcome is the same, only faster.
 */
import type { Mutation } from '../sync/protocol/messages';
import { dossierChangePayload } from '../sync/protocol/mutations';
import { num, type Queryable } from './db/db';
import { dossierTransitions, isTransitionName } from '../shared/dossier/states';

/** Applies what it can; returns the mutations left for the one-by-one path, and which keys it recorded. */
export async function applyNewReceipts(tx: Queryable, deviceId: string, communeId: string, pending: readonly Mutation[]): Promise<{ rest: Mutation[]; recordedKeys: Set<string> }> {
  const candidates = pending.flatMap((m) => {
    if (m.kind !== 'dossier.received') return [];
    const p = dossierChangePayload.safeParse(m.payload);
    if (!p.success || p.data.dossier.id !== m.entityId || p.data.event.dossierId !== m.entityId || !startsAsReceipt(p.data.event, p.data.dossier)) return [];
    return [{ m, event: p.data.event, dossier: p.data.dossier }];
  });
  if (candidates.length < 2) return { rest: [...pending], recordedKeys: new Set() };
  // Claim the keys first: a key already applied (a restored PC) must not create anything.
  const keys = await tx.query<{ key: string }>(
    `INSERT INTO mutations (key, device_id, seq, kind, entity_id, outcome)
     SELECT r.key, $1, r.seq, r.kind, r.entity_id, 'applied' FROM jsonb_to_recordset($2::jsonb) AS r(key TEXT, seq BIGINT, kind TEXT, entity_id TEXT)
     ON CONFLICT (key) DO NOTHING RETURNING key`,
    [deviceId, JSON.stringify(candidates.map((c) => ({ key: c.m.key, seq: c.m.seq, kind: c.m.kind, entity_id: c.m.entityId })))],
  );
  const recordedKeys = new Set(keys.map((k) => k.key));
  const fresh = candidates.filter((c) => recordedKeys.has(c.m.key));
  const made = await tx.query<{ id: string }>(
    `INSERT INTO dossiers (id, commune_id, status, row_version, snapshot, created_by)
     SELECT r.id, $1, r.status, r.row_version, r.snapshot, $2 FROM jsonb_to_recordset($3::jsonb) AS r(id TEXT, status TEXT, row_version INTEGER, snapshot JSONB)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [communeId, deviceId, JSON.stringify(fresh.map((c) => ({ id: c.dossier.id, status: c.dossier.status, row_version: c.dossier.rowVersion, snapshot: c.dossier })))],
  );
  const createdIds = new Set(made.map((r) => r.id));
  const done = fresh.filter((c) => createdIds.has(c.dossier.id));
  if (done.length > 0) {
    await tx.query(
      `INSERT INTO dossier_events (id, dossier_id, commune_id, source, action, from_status, to_status, event)
       SELECT r.id, r.dossier_id, $1, $2, r.action, r.from_status, r.to_status, r.event
         FROM ROWS FROM (jsonb_to_recordset($3::jsonb) AS (id TEXT, dossier_id TEXT, action TEXT, from_status TEXT, to_status TEXT, event JSONB))
              WITH ORDINALITY AS r(id, dossier_id, action, from_status, to_status, event, ord)
        ORDER BY r.ord
       ON CONFLICT (id) DO NOTHING`,
      [communeId, deviceId, JSON.stringify(done.map((c) => ({ id: c.event.id, dossier_id: c.event.dossierId, action: c.event.action, from_status: c.event.fromStatus, to_status: c.event.toStatus, event: c.event })))],
    );
    // The commune row's lock, as in bumpFeed; the new rows take versions v-k+1 … v in seq order.
    const [row] = await tx.query('UPDATE communes SET feed_version = feed_version + $2 WHERE id = $1 RETURNING feed_version', [communeId, done.length]);
    const top = num(row?.feed_version);
    await tx.query(
      `INSERT INTO changes (commune_id, version, entity, entity_key)
       SELECT $1, $2::bigint - $3::bigint + t.ord, 'dossier', t.id FROM unnest($4::text[]) WITH ORDINALITY AS t(id, ord)
       ON CONFLICT (commune_id, entity, entity_key) DO UPDATE SET version = excluded.version`,
      [communeId, top, done.length, done.map((c) => c.dossier.id)],
    );
  }
  const handled = new Set(done.map((c) => c.m.key));
  return { rest: pending.filter((m) => !handled.has(m.key)), recordedKeys };
}

/**
 * Whether a receipt starts a dossier the way the PC's intake does (`receive` from nothing or
 * `accept-draft` from a local draft, both ending in `received`): the only way a PC creates one.
 */
export function startsAsReceipt(event: { action: string; fromStatus: string | null; toStatus: string | null }, dossier: { status: string }): boolean {
  if (!isTransitionName(event.action) || dossier.status !== event.toStatus) return false;
  const row = dossierTransitions[event.action];
  return row.to === 'received' && event.toStatus === 'received' && (event.fromStatus === null || event.fromStatus === 'draft') && row.from.some((s) => s === event.fromStatus);
}
