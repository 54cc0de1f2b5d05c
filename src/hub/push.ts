/**
 * Applies a device's push batch in ONE transaction together with the device's last applied seq
 * (sync.md §4.4): a retried batch skips what is already settled, so nothing is applied twice. A
 * permanent failure is recorded as a rejection and the seq advances anyway (a stuck queue is
 * worse); anything thrown (database trouble) rolls the whole batch back and the client retries.
 *
 * Every status a PC pushes passes the state machine (issue 13): a dossier new to the hub starts
 * only as `dossier.received` produces it (`startsAsReceipt`), a repeated receipt never changes the
 * hub's row (applied only when identical or older), and every event must name the mutation's own
 * dossier.
 */
import { randomUUID } from 'node:crypto';
import { dossierStatusTable, dossierTransitions, isDossierStatus, isTransitionName } from '../shared/dossier/states';
import type { Mutation, PushResponse, Rejection } from '../sync/protocol/messages';
import { accountUpsertPayload, dossierChangePayload, dossierViewedPayload } from '../sync/protocol/mutations';
import { applyFieldChanges, mergeFields } from '../shared/dossier/merge';
import { upsertAccount } from './admin';
import { num, type HubDb, type Queryable } from './db/db';
import { bumpFeed } from './feed';
import { jsonObject } from './pull';
import { applyNewReceipts, startsAsReceipt } from './push-receipts';

type Outcome = { readonly ok: true } | { readonly ok: false; readonly code: string; readonly vi: string; readonly en: string };

const reject = (code: string, vi: string, en: string): Outcome => ({ ok: false, code, vi, en });
const applied: Outcome = { ok: true };

/** Thrown when the batch does not continue the device's sequence. */
export class SeqGapError extends Error {
  constructor(readonly appliedThrough: number) {
    super(`seq gap after ${appliedThrough}`);
  }
}

/** Applies `mutations` for `deviceId` of `communeId`; see the file comment. */
export async function applyPush(db: HubDb, deviceId: string, communeId: string, mutations: readonly Mutation[]): Promise<PushResponse> {
  return db.transaction(async (tx) => {
    // The row lock serialises two copies of one batch (a retry reaching the hub while the first
    // is still running): the second waits, then sees the advanced seq and skips.
    const [device] = await tx.query('SELECT last_applied_seq FROM devices WHERE id = $1 FOR UPDATE', [deviceId]);
    if (device === undefined) throw new Error('device vanished');
    let last = num(device.last_applied_seq);
    const sorted = [...mutations].sort((a, b) => a.seq - b.seq);
    const first = sorted[0];
    if (first !== undefined && first.seq > last + 1) throw new SeqGapError(last);
    // Already settled (a retry) are only reported; the rest must continue the sequence exactly.
    const touchedSeqs = sorted.filter((m) => m.seq <= last).map((m) => m.seq);
    const pending: Mutation[] = [];
    for (const m of sorted) {
      if (m.seq <= last) continue;
      if (m.seq !== last + pending.length + 1) break; // a hole inside the batch: settle what precedes it only
      pending.push(m);
    }
    const { rest, recordedKeys } = await applyNewReceipts(tx, deviceId, communeId, pending);
    for (const m of rest) {
      // A key already applied under another seq (a PC restored from backup) is not applied again.
      const fresh =
        recordedKeys.has(m.key) ||
        (
          await tx.query(
            `INSERT INTO mutations (key, device_id, seq, kind, entity_id, outcome) VALUES ($1, $2, $3, $4, $5, 'applied')
             ON CONFLICT (key) DO NOTHING RETURNING key`,
            [m.key, deviceId, m.seq, m.kind, m.entityId],
          )
        ).length > 0;
      if (!fresh) {
        await tx.query(`INSERT INTO mutations (key, device_id, seq, kind, entity_id, outcome) VALUES ($1, $2, $3, $4, $5, 'duplicate-key')`, [
          `${m.key}#${deviceId}#${m.seq}`,
          deviceId,
          m.seq,
          m.kind,
          m.entityId,
        ]);
      } else {
        const outcome = await applyOne(tx, deviceId, communeId, m);
        if (!outcome.ok) await recordRejection(tx, deviceId, communeId, m, outcome);
      }
    }
    touchedSeqs.push(...pending.map((m) => m.seq));
    last = pending.at(-1)?.seq ?? last;
    await tx.query('UPDATE devices SET last_applied_seq = $2 WHERE id = $1', [deviceId, last]);
    const rows = await tx.query('SELECT seq, code, message_vi, message_en FROM rejections WHERE device_id = $1 AND seq = ANY($2::bigint[]) ORDER BY seq', [
      deviceId,
      touchedSeqs,
    ]);
    const rejected: Rejection[] = rows.map((r) => ({ seq: num(r.seq), code: String(r.code), message: { vi: String(r.message_vi), en: String(r.message_en) } }));
    return { appliedThrough: last, rejected };
  });
}

async function recordRejection(tx: Queryable, deviceId: string, communeId: string, m: Mutation, outcome: Extract<Outcome, { ok: false }>): Promise<void> {
  await tx.query(`UPDATE mutations SET outcome = 'rejected' WHERE key = $1`, [m.key]);
  await tx.query('INSERT INTO rejections (device_id, seq, key, code, message_vi, message_en) VALUES ($1, $2, $3, $4, $5, $6)', [
    deviceId,
    m.seq,
    m.key,
    outcome.code,
    outcome.vi,
    outcome.en,
  ]);
  // The PC already shows its own version of the dossier: moving the hub's row in the feed sends
  // the hub's truth back on the next pull (sync.md §4.6, rolled back by the pull).
  const [mine] = await tx.query('SELECT 1 FROM dossiers WHERE id = $1 AND commune_id = $2', [m.entityId, communeId]);
  if (mine !== undefined) await bumpFeed(tx, communeId, 'dossier', m.entityId);
}

async function applyOne(tx: Queryable, deviceId: string, communeId: string, m: Mutation): Promise<Outcome> {
  if (m.kind === 'dossier.viewed') {
    const p = dossierViewedPayload.safeParse(m.payload);
    if (!p.success) return malformed();
    if (p.data.event.dossierId !== m.entityId) return otherDossier();
    const [d] = await tx.query('SELECT commune_id FROM dossiers WHERE id = $1', [m.entityId]);
    if (d === undefined || d.commune_id !== communeId) return notHere();
    await insertEvent(tx, communeId, deviceId, p.data.event);
    return applied;
  }
  if (m.kind === 'account.upserted') return applyAccountUpsert(tx, communeId, m);
  if (m.kind !== 'dossier.received' && m.kind !== 'dossier.transitioned' && m.kind !== 'dossier.edited') {
    return reject('sync.unknown-kind', `Máy chủ tỉnh/thành phố chưa hỗ trợ loại thay đổi '${m.kind}'.`, `The hub does not support change kind '${m.kind}'.`);
  }
  const p = dossierChangePayload.safeParse(m.payload);
  if (!p.success || p.data.dossier.id !== m.entityId) return malformed();
  if (p.data.event.dossierId !== m.entityId) return otherDossier();
  const { event, dossier } = p.data;
  if (m.kind === 'dossier.received' && startsAsReceipt(event, dossier)) {
    // The common case, a dossier new to the hub, in one statement; a repeat falls through.
    const made = await tx.query(
      'INSERT INTO dossiers (id, commune_id, status, row_version, snapshot, created_by) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING id',
      [dossier.id, communeId, dossier.status, dossier.rowVersion, JSON.stringify(dossier), deviceId],
    );
    if (made.length === 1) {
      await insertEvent(tx, communeId, deviceId, event);
      await bumpFeed(tx, communeId, 'dossier', dossier.id);
      return applied;
    }
  }
  const [current] = await tx.query('SELECT commune_id, status, row_version, snapshot FROM dossiers WHERE id = $1 FOR UPDATE', [m.entityId]);
  if (current !== undefined && current.commune_id !== communeId) return notHere();
  if (m.kind === 'dossier.received') {
    if (current === undefined) {
      return reject(
        'sync.receipt-status',
        `Hồ sơ mới chỉ được tiếp nhận ở trạng thái '${dossierStatusTable.received.label.vi}'; thay đổi này không được ghi nhận trên máy chủ.`,
        `A new dossier can only start as '${dossierStatusTable.received.label.en}'; this change was not recorded on the hub.`,
      );
    }
    // A repeated receipt (a PC restored from backup, a retried key): settled as is when it is the
    // hub's row or older, never allowed to move the status or the row.
    const held = num(current.row_version);
    if (dossier.rowVersion > held || (dossier.rowVersion === held && dossier.status !== String(current.status))) {
      return reject(
        'sync.receipt-repeated',
        'Hồ sơ đã được tiếp nhận trên máy chủ; phiếu tiếp nhận gửi lại không được thay đổi hồ sơ nên không được ghi nhận.',
        'The dossier was already received on the hub; a repeated receipt may not change it and was not recorded.',
      );
    }
    await bumpFeed(tx, communeId, 'dossier', dossier.id);
    return applied;
  } else {
    if (current === undefined) return notHere();
    const status = String(current.status);
    if (m.kind === 'dossier.transitioned') {
      const verdict = checkTransition(status, event.action, event.toStatus);
      if (!verdict.ok) {
        if (verdict.code === 'sync.transition-conflict') await recordConflict(tx, communeId, deviceId, m, { kind: 'transition', field: 'status', base: event.fromStatus, hub: status, device: event.toStatus });
        return verdict;
      }
    }
    const next = m.kind === 'dossier.transitioned' ? (event.toStatus ?? dossier.status) : status;
    const snapshot = p.data.base === undefined ? dossier : await mergeEdit(tx, communeId, deviceId, m, jsonObject(current.snapshot), p.data.base, dossier);
    await updateSnapshot(tx, dossier.id, next, Math.max(num(current.row_version) + 1, dossier.rowVersion), snapshot);
  }
  await insertEvent(tx, communeId, deviceId, event);
  await bumpFeed(tx, communeId, 'dossier', dossier.id);
  return applied;
}

/**
 * `account.upserted` (issue 12): an administrator on a PC created or changed an account. It is
 * stored for the token's commune with the same rules as the admin API (user names unique per
 * commune, case-insensitively; an id of another commune's account is never taken over) and moved
 * in the commune's feed, so the other PCs get it at their next pull. A refused change sends the
 * hub's own version of the account (if it has one) back to the PC.
 */
async function applyAccountUpsert(tx: Queryable, communeId: string, m: Mutation): Promise<Outcome> {
  const p = accountUpsertPayload.safeParse(m.payload);
  if (!p.success || p.data.id !== m.entityId) return malformed();
  const outcome = await upsertAccount(tx, communeId, p.data);
  if (outcome === 'saved') return applied;
  const [mine] = await tx.query('SELECT 1 FROM accounts WHERE id = $1 AND commune_id = $2', [m.entityId, communeId]);
  if (mine !== undefined) await bumpFeed(tx, communeId, 'account', m.entityId);
  if (outcome === 'username-taken') {
    return reject(
      'sync.username-taken',
      `Tên đăng nhập "${p.data.username}" đã có tài khoản khác của xã dùng nên thay đổi tài khoản này không được ghi nhận trên máy chủ. Hãy đặt tên đăng nhập khác.`,
      `Another account of the commune already uses the user name "${p.data.username}", so this account change was not recorded on the hub. Choose another user name.`,
    );
  }
  return reject(
    'sync.account-other-commune',
    'Tài khoản này thuộc một xã khác trên máy chủ nên thay đổi không được ghi nhận.',
    "This account belongs to another commune on the hub, so the change was not recorded.",
  );
}

/**
 * Applies the fields the PC changed where the hub still holds the value the PC started from;
 * records a conflict (hub's value kept) for each field changed here meanwhile; a field applied
 * cleanly settles any earlier open conflict on it (sync.md §4.6).
 */
async function mergeEdit(tx: Queryable, communeId: string, deviceId: string, m: Mutation, current: Record<string, unknown>, base: Record<string, unknown>, incoming: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { merged, applied: fields, conflicts } = applyFieldChanges(current, base, incoming);
  for (const c of conflicts) await recordConflict(tx, communeId, deviceId, m, { kind: 'field', field: c.field, base: c.base, hub: c.hub, device: c.local });
  if (fields.length > 0) {
    await tx.query('UPDATE conflicts SET resolved_at = now() WHERE dossier_id = $1 AND field = ANY($2::text[]) AND resolved_at IS NULL', [m.entityId, fields]);
  }
  // Everything outside the merged fields (documents, channel …) follows the PC's snapshot as before.
  return { ...incoming, ...Object.fromEntries(mergeFields.map((f) => [f, merged[f] ?? null])) };
}

async function recordConflict(tx: Queryable, communeId: string, deviceId: string, m: Mutation, c: { kind: 'field' | 'transition'; field: string; base: unknown; hub: unknown; device: unknown }): Promise<void> {
  await tx.query(
    `INSERT INTO conflicts (id, commune_id, dossier_id, device_id, mutation_key, kind, field, base_value, hub_value, device_value) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [randomUUID(), communeId, m.entityId, deviceId, m.key, c.kind, c.field, JSON.stringify(c.base ?? null), JSON.stringify(c.hub ?? null), JSON.stringify(c.device ?? null)],
  );
}

/** The state machine decides, against the hub's status, never the PC's (sync.md §4.6). */
function checkTransition(current: string, action: string, toStatus: string | null): Outcome {
  if (!isTransitionName(action)) return reject('sync.unknown-transition', `Thao tác '${action}' không có trong quy trình.`, `'${action}' is not a transition.`);
  const row = dossierTransitions[action];
  const expected = row.to === 'unchanged' ? current : row.to;
  if (!row.from.some((s) => s === current) || expected !== toStatus) {
    const label = isDossierStatus(current) ? dossierStatusTable[current].label : { vi: current, en: current };
    return reject(
      'sync.transition-conflict',
      `Trên máy chủ hồ sơ đang ở trạng thái '${label.vi}', nên thao tác '${row.label.vi}' không thực hiện được và không được ghi nhận. Hãy xem lại hồ sơ.`,
      `On the hub the dossier is '${label.en}', so "${row.label.en}" cannot apply and was not recorded. Check the dossier.`,
    );
  }
  return applied;
}

async function updateSnapshot(tx: Queryable, id: string, status: string, rowVersion: number, snapshot: object): Promise<void> {
  await tx.query('UPDATE dossiers SET status = $2, row_version = $3, snapshot = $4, updated_at = now() WHERE id = $1', [
    id,
    status,
    rowVersion,
    JSON.stringify({ ...snapshot, status, rowVersion }),
  ]);
}

async function insertEvent(tx: Queryable, communeId: string, source: string, e: { id: string; dossierId: string; action: string; fromStatus: string | null; toStatus: string | null }): Promise<void> {
  await tx.query(
    `INSERT INTO dossier_events (id, dossier_id, commune_id, source, action, from_status, to_status, event) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO NOTHING`,
    [e.id, e.dossierId, communeId, source, e.action, e.fromStatus, e.toStatus, JSON.stringify(e)],
  );
}

const otherDossier = (): Outcome =>
  reject('sync.event-other-dossier', 'Sự kiện gửi lên thuộc một hồ sơ khác với hồ sơ được thay đổi nên không được ghi nhận.', 'The event names another dossier than the one changed, so it was not recorded.');
const malformed = (): Outcome =>
  reject('sync.malformed', 'Dữ liệu gửi lên không đúng định dạng nên không được ghi nhận.', 'The change was malformed and was not recorded.');
const notHere = (): Outcome =>
  reject('sync.not-in-commune', 'Hồ sơ không thuộc xã của máy này hoặc chưa có trên máy chủ.', 'The dossier is not in this device’s commune or not on the hub.');
