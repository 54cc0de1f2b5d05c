/*
 * City-wide statistics on a real hub over loopback, on PGlite and on PostgreSQL 15. The
 * dossiers are written straight into the hub's table (as PCs' snapshots would be) so each date
 * sits exactly where the test needs it: around the period's edges in Vietnam time, resolved
 * before and after the due moment, closed without a result, and one with a malformed date.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { call, pgUnavailable, startTestHub, type HubKind, type TestHub } from '../helpers/hub';

interface Fixture {
  readonly status: string;
  readonly channel?: string;
  readonly receivedAt: string | null;
  readonly dueAt?: string | null;
  readonly resolvedAt?: string | null;
}

async function put(hub: TestHub, communeId: string, f: Fixture): Promise<void> {
  const id = randomUUID();
  const snapshot = { id, status: f.status, channel: f.channel ?? 'counter', receivedAt: f.receivedAt, dueAt: f.dueAt ?? null, resolvedAt: f.resolvedAt ?? null, rowVersion: 1 };
  await hub.db.query(`INSERT INTO dossiers (id, commune_id, status, row_version, snapshot, created_by) VALUES ($1, $2, $3, 1, $4, 'test')`, [id, communeId, f.status, JSON.stringify(snapshot)]);
}

for (const kind of ['pglite', 'postgres'] as HubKind[]) {
  const skip = kind === 'postgres' ? pgUnavailable : undefined;
  if (skip !== undefined) console.warn(`hub-stats [postgres] skipped: ${skip}`);

  describe.skipIf(skip !== undefined)(`city statistics on ${kind}`, () => {
    const open: { hub?: TestHub } = {};
    afterEach(async () => {
      await open.hub?.close();
      open.hub = undefined;
    });

    it('counts per commune for a period in Vietnam days: received, on time, late, pending, overdue, online share', async () => {
      const hub = (open.hub = await startTestHub(kind));
      await call(hub, 'POST', '/v1/admin/communes', { id: '000.00.00.X99', name: 'UBND xã Thử Nghiệm A' });
      await call(hub, 'POST', '/v1/admin/communes', { id: '000.00.00.X98', name: 'UBND xã Thử Nghiệm B' });
      const a = '000.00.00.X99';
      await put(hub, a, { status: 'returned', receivedAt: '2025-03-02T02:00:00.000Z', dueAt: '2025-03-10T10:00:00.000Z', resolvedAt: '2025-03-09T03:00:00.000Z' }); // on time
      await put(hub, a, { status: 'resolved', channel: 'online', receivedAt: '2025-03-03T02:00:00.000Z', dueAt: '2025-03-05T10:00:00.000Z', resolvedAt: '2025-03-07T03:00:00.000Z' }); // late, online
      await put(hub, a, { status: 'processing', receivedAt: '2025-03-20T02:00:00.000Z', dueAt: '2025-03-25T10:00:00.000Z' }); // pending, overdue
      await put(hub, a, { status: 'processing', channel: 'online', receivedAt: '2025-03-31T16:30:00.000Z', dueAt: '2025-04-08T10:00:00.000Z' }); // 23:30 on 31 March in Vietnam: in, pending
      await put(hub, a, { status: 'received', receivedAt: '2025-03-31T17:30:00.000Z', dueAt: '2025-04-08T10:00:00.000Z' }); // 00:30 on 1 April in Vietnam: out
      await put(hub, a, { status: 'returned', receivedAt: '2025-02-20T02:00:00.000Z', dueAt: '2025-03-01T10:00:00.000Z', resolvedAt: '2025-03-04T03:00:00.000Z' }); // resolved late in March, received before
      await put(hub, a, { status: 'processing', receivedAt: '2025-02-21T02:00:00.000Z', dueAt: '2025-04-20T10:00:00.000Z' }); // pending from before, not overdue
      await put(hub, a, { status: 'refused', receivedAt: '2025-03-12T02:00:00.000Z', dueAt: '2025-03-13T10:00:00.000Z' }); // received, closed without result
      await put(hub, a, { status: 'processing', resolvedAt: '2025-03-09T03:00:00.000Z', receivedAt: 'hôm qua' }); // malformed: counted nowhere but as resolved
      await put(hub, a, { status: 'submitted-online', channel: 'online', receivedAt: null }); // not received at the counter yet

      const res = await call(hub, 'GET', '/v1/admin/stats?from=2025-03-01&to=2025-03-31', undefined);
      expect(res.status).toBe(200);
      const body = res.body as { from: string; to: string; communes: Record<string, unknown>[] };
      expect(body.communes).toEqual([
        { communeId: '000.00.00.X98', name: 'UBND xã Thử Nghiệm B', received: 0, receivedOnline: 0, resolvedOnTime: 0, resolvedLate: 0, pending: 0, overdue: 0, onlineRatio: null },
        { communeId: a, name: 'UBND xã Thử Nghiệm A', received: 5, receivedOnline: 2, resolvedOnTime: 2, resolvedLate: 2, pending: 3, overdue: 1, onlineRatio: 0.4 },
      ]);
    });

    it('needs the admin token and a sensible period', async () => {
      const hub = (open.hub = await startTestHub(kind));
      expect((await call(hub, 'GET', '/v1/admin/stats?from=2025-03-01&to=2025-03-31', undefined, 'wrong-token-wrong-token')).status).toBe(401);
      expect((await call(hub, 'GET', '/v1/admin/stats?from=2025-03-31&to=2025-03-01', undefined)).status).toBe(400);
      expect((await call(hub, 'GET', '/v1/admin/stats?from=2025-02-30&to=2025-03-01', undefined)).status).toBe(400);
      expect((await call(hub, 'GET', '/v1/admin/stats?from=2020-01-01&to=2025-03-01', undefined)).status).toBe(400);
    });
  });
}
