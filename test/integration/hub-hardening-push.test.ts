/*
 * Hub hardening (issue 13), finding 1: every status a PC pushes passes the state machine. A
 * dossier new to the hub starts only as a receipt produces it; a repeated receipt never changes
 * the hub's row (settled as is when identical or older, refused when it would move anything);
 * an event naming another dossier than its mutation is refused, for every kind that carries one.
 * Fictitious data only. Runs on PGlite and on PostgreSQL 15.
 */
import { describe, expect, it } from 'vitest';
import { num } from '../../src/hub/db/db';
import type { StoredDossier } from '../../src/main/store/repos/dossiers';
import { uuidv7 } from '../../src/shared/id/uuidv7';
import { push, requestToken } from '../../src/sync/hub-api';
import type { Mutation } from '../../src/sync/protocol/messages';
import { at, T0 } from '../helpers/dossier-fixtures';
import { communeWithCode, pgUnavailable, startTestHub, type HubKind, type TestHub } from '../helpers/hub';
import { enrolPc, receiveDossiers, type TestPc } from '../helpers/sync-pc';
import { useOpenSyncParts } from '../helpers/sync-teardown';
import { useTempDirs } from '../helpers/temp-dir';

let clock = 1000;
const id = (): string => uuidv7(T0 + clock++);

/** A `dossier.received` as the PC's intake writes it, with `status`/`action` overridable. */
function receipt(seq: number, dossier: StoredDossier, over: { status?: string; rowVersion?: number; action?: string; fromStatus?: string | null; eventDossierId?: string } = {}): Mutation {
  const status = over.status ?? 'received';
  const event = { id: id(), dossierId: over.eventDossierId ?? dossier.id, at: at(1), actorId: 'clerk-1', action: over.action ?? 'receive', fromStatus: over.fromStatus ?? null, toStatus: status, note: null, data: {} };
  return { seq, key: id(), kind: 'dossier.received', entityId: dossier.id, payload: { event, dossier: { ...dossier, status, rowVersion: over.rowVersion ?? dossier.rowVersion, documents: [] } } };
}

for (const kind of ['pglite', 'postgres'] as HubKind[]) {
  const skip = kind === 'postgres' ? pgUnavailable : undefined;
  if (skip !== undefined) console.warn(`hub-hardening-push [postgres] skipped: ${skip}`);

  describe.skipIf(skip !== undefined)(`pushed statuses pass the state machine on ${kind}`, () => {
    const tempDir = useTempDirs();
    const open = useOpenSyncParts<{ hub?: TestHub; pcs: TestPc[] }>();
    const setup = async (): Promise<{ hub: TestHub; pc: TestPc; token: string }> => {
      const hub = (open.hub = await startTestHub(kind));
      const pc = await enrolPc(tempDir(), hub.url, await communeWithCode(hub, '000.00.00.X97', 'UBND xã Thử Nghiệm Một'), 'Máy 1');
      open.pcs.push(pc);
      const { token } = await requestToken(fetch, hub.url, pc.creds.deviceId, pc.creds.secret);
      return { hub, pc, token };
    };
    const statusOf = async (hub: TestHub, dossierId: string): Promise<{ status: string; rowVersion: number } | undefined> => {
      const [row] = await hub.db.query('SELECT status, row_version FROM dossiers WHERE id = $1', [dossierId]);
      return row === undefined ? undefined : { status: String(row.status), rowVersion: num(row.row_version) };
    };

    it('lets a new dossier start only as received, on the one-by-one and the bulk path', async () => {
      const { hub, pc, token } = await setup();
      const [a, b, c, d] = receiveDossiers(pc, 4);
      // One at a time: a receipt claiming the dossier is already resolved creates nothing.
      const alone = await push(fetch, hub.url, token, pc.creds.deviceId, [receipt(1, a!, { status: 'resolved', action: 'resolve' })]);
      expect(alone.rejected.map((r) => r.code)).toEqual(['sync.receipt-status']);
      expect(alone.rejected[0]?.message.vi).toMatch(/Hồ sơ mới/);
      expect(alone.rejected[0]?.message.en).toMatch(/new dossier/);
      expect(await statusOf(hub, a!.id)).toBeUndefined();
      // A batch (the set-based path): the honest receipts are applied, the forged ones refused.
      const batch = await push(fetch, hub.url, token, pc.creds.deviceId, [
        receipt(2, b!),
        receipt(3, c!, { status: 'processing' }),
        receipt(4, d!, { fromStatus: 'submitted-online' }),
        receipt(5, a!),
      ]);
      expect(batch.appliedThrough).toBe(5);
      expect(batch.rejected.map((r) => [r.seq, r.code])).toEqual([
        [3, 'sync.receipt-status'],
        [4, 'sync.receipt-status'],
      ]);
      expect(await statusOf(hub, b!.id)).toEqual({ status: 'received', rowVersion: b!.rowVersion });
      expect(await statusOf(hub, a!.id)).toEqual({ status: 'received', rowVersion: a!.rowVersion });
      expect(await statusOf(hub, c!.id)).toBeUndefined();
      expect(await statusOf(hub, d!.id)).toBeUndefined();
      // An accepted draft (accept-draft from a local draft) is a receipt too.
      const [e] = receiveDossiers(pc, 1);
      const fromDraft = await push(fetch, hub.url, token, pc.creds.deviceId, [receipt(6, e!, { action: 'accept-draft', fromStatus: 'draft' })]);
      expect(fromDraft.rejected).toEqual([]);
      expect(await statusOf(hub, e!.id)).toMatchObject({ status: 'received' });
    });

    it('never lets a repeated receipt change the status: identical or older is settled, anything else refused', async () => {
      const { hub, pc, token } = await setup();
      const [dossier] = receiveDossiers(pc, 1);
      expect((await push(fetch, hub.url, token, pc.creds.deviceId, [receipt(1, dossier!)])).rejected).toEqual([]);
      const before = await statusOf(hub, dossier!.id);
      // The same receipt again under a new key (a PC restored from backup): settled, nothing moves.
      const again = await push(fetch, hub.url, token, pc.creds.deviceId, [receipt(2, dossier!)]);
      expect(again.rejected).toEqual([]);
      // A "receipt" with a higher row version that would resolve the dossier: refused.
      const forged = await push(fetch, hub.url, token, pc.creds.deviceId, [receipt(3, dossier!, { status: 'resolved', rowVersion: dossier!.rowVersion + 5 })]);
      expect(forged.rejected.map((r) => r.code)).toEqual(['sync.receipt-repeated']);
      expect(forged.rejected[0]?.message.en).toMatch(/already received/);
      // Same row version, another status: refused as well.
      const sideways = await push(fetch, hub.url, token, pc.creds.deviceId, [receipt(4, dossier!, { status: 'processing', action: 'receive' })]);
      expect(sideways.rejected.map((r) => r.code)).toEqual(['sync.receipt-repeated']);
      expect(await statusOf(hub, dossier!.id)).toEqual(before);
      const [snap] = await hub.db.query('SELECT snapshot FROM dossiers WHERE id = $1', [dossier!.id]);
      const snapshot = (typeof snap?.snapshot === 'string' ? JSON.parse(snap.snapshot) : snap?.snapshot) as { status: string };
      expect(snapshot.status).toBe('received');
    });

    it('refuses an event that names another dossier than its mutation, for a view, a transition and an edit', async () => {
      const { hub, pc, token } = await setup();
      const [mine, other] = receiveDossiers(pc, 2);
      await push(fetch, hub.url, token, pc.creds.deviceId, [receipt(1, mine!), receipt(2, other!)]);
      const events = async (): Promise<number> => num((await hub.db.query('SELECT count(*) AS n FROM dossier_events'))[0]?.n);
      const before = await events();
      const answer = await push(fetch, hub.url, token, pc.creds.deviceId, [
        { seq: 3, key: id(), kind: 'dossier.viewed', entityId: mine!.id, payload: { event: { id: id(), dossierId: other!.id, at: at(2), action: 'view', fromStatus: null, toStatus: null } } },
        {
          seq: 4,
          key: id(),
          kind: 'dossier.transitioned',
          entityId: mine!.id,
          payload: { event: { id: id(), dossierId: other!.id, at: at(3), action: 'start-processing', fromStatus: 'received', toStatus: 'processing' }, dossier: { ...mine!, status: 'processing', rowVersion: 9 } },
        },
        {
          seq: 5,
          key: id(),
          kind: 'dossier.edited',
          entityId: mine!.id,
          payload: { event: { id: id(), dossierId: other!.id, at: at(4), action: 'edit', fromStatus: null, toStatus: null }, dossier: { ...mine!, rowVersion: 9 } },
        },
      ]);
      expect(answer.rejected.map((r) => r.code)).toEqual(['sync.event-other-dossier', 'sync.event-other-dossier', 'sync.event-other-dossier']);
      expect(answer.rejected[0]?.message.vi).toMatch(/hồ sơ khác/);
      expect(await events()).toBe(before);
      expect(await statusOf(hub, mine!.id)).toMatchObject({ status: 'received' });
      // The same view naming its own dossier is recorded.
      const view = await push(fetch, hub.url, token, pc.creds.deviceId, [
        { seq: 6, key: id(), kind: 'dossier.viewed', entityId: mine!.id, payload: { event: { id: id(), dossierId: mine!.id, at: at(5), action: 'view', fromStatus: null, toStatus: null } } },
      ]);
      expect(view.rejected).toEqual([]);
      expect(await events()).toBe(before + 1);
    });
  });
}
