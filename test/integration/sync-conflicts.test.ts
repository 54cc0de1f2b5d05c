/*
 * Conflicts and the rest of the feed on real parts: a Fastify hub on loopback (PGlite and
 * PostgreSQL 15) and two PCs of one commune with real SQLite stores. Field edits merge field by
 * field on both sides; a field changed on both is recorded on the PC and on the hub with both
 * values, the hub's kept until a clerk decides; status changes are rebased through the state
 * machine. Accounts and administrative units arrive as feed rows.
 */
import { describe, expect, it } from 'vitest';
import { num } from '../../src/hub/db/db';
import { verifyPassword, hashPassword } from '../../src/main/services/accounts/password';
import { listConflicts, resolveConflict } from '../../src/main/services/sync/conflicts';
import { getAdminUnit, listAdminUnitChildren } from '../../src/main/store/repos/admin-units';
import { getDossierById } from '../../src/main/store/repos/dossiers';
import { getHolidayOverlay } from '../../src/main/store/repos/holidays';
import { getProcedureVersion } from '../../src/main/store/repos/procedures';
import { listOpenSyncConflicts } from '../../src/main/store/repos/sync-conflicts';
import { listSyncRejections } from '../../src/main/store/repos/sync-rejections';
import { readSyncStatus } from '../../src/main/store/repos/sync-status';
import { findUserByUsername, getUserById, insertUser } from '../../src/main/store/repos/users';
import { sampleAdminUnits } from '../../src/hub/seed-admin-units';
import { at } from '../helpers/dossier-fixtures';
import { fixedClock } from '../helpers/fixed-clock';
import { call, communeWithCode, pgUnavailable, startTestHub, type HubKind, type TestHub } from '../helpers/hub';
import { editOnPc, enrolPc, receiveDossiers, transitionOnPc, type TestPc } from '../helpers/sync-pc';
import { useOpenSyncParts } from '../helpers/sync-teardown';
import { useTempDirs } from '../helpers/temp-dir';

const A = '000.00.00.X99';
const clerk = { id: 'clerk-b', username: 'canbo', displayName: 'Cán bộ Thử', role: 'clerk' as const };

for (const kind of ['pglite', 'postgres'] as HubKind[]) {
  const skip = kind === 'postgres' ? pgUnavailable : undefined;
  if (skip !== undefined) console.warn(`sync-conflicts [postgres] skipped: ${skip}`);

  describe.skipIf(skip !== undefined)(`conflicts and catalogues on ${kind}`, () => {
    const tempDir = useTempDirs();
    const open = useOpenSyncParts<{ hub?: TestHub; pcs: TestPc[] }>();
    /** A hub with two PCs of commune A that both hold one dossier received on the first. */
    const twoPcs = async (): Promise<{ hub: TestHub; a: TestPc; b: TestPc; id: string }> => {
      const hub = (open.hub = await startTestHub(kind));
      const a = await enrolPc(tempDir(), hub.url, await communeWithCode(hub, A, 'UBND xã Thử Nghiệm'), 'Máy 1');
      const codeB = (await call(hub, 'POST', `/v1/admin/communes/${A}/enrol-codes`, {})).body as { code: string };
      const b = await enrolPc(tempDir(), hub.url, codeB.code, 'Máy 2');
      open.pcs.push(a, b);
      const [d] = receiveDossiers(a, 1, { applicantPhone: '0900000001' });
      await a.client.syncOnce();
      await b.client.syncOnce();
      return { hub, a, b, id: d!.id };
    };
    const onHub = async (hub: TestHub, id: string): Promise<Record<string, unknown>> => (await hub.db.query('SELECT status, snapshot FROM dossiers WHERE id = $1', [id]))[0]!;
    const hubConflicts = async (hub: TestHub): Promise<Record<string, unknown>[]> => hub.db.query('SELECT kind, field, base_value, hub_value, device_value, resolved_at FROM conflicts ORDER BY created_at');

    it('merges edits of different fields from two PCs without a conflict, on the PC and on the hub', async () => {
      const { hub, a, b, id } = await twoPcs();
      const later = at(60 * 24 * 7);
      editOnPc(a, id, { applicantPhone: '0900000002' });
      await a.client.syncOnce();
      editOnPc(b, id, { dueAt: later });
      // B pulls A's edit while its own is still unsent: both survive on B.
      await b.client.pullOnce();
      expect(b.store.read((db) => getDossierById(db, id))).toMatchObject({ applicantPhone: '0900000002', dueAt: later });
      await b.client.syncOnce();
      expect(((await onHub(hub, id)).snapshot as Record<string, unknown>)).toMatchObject({ applicantPhone: '0900000002', dueAt: later });
      await a.client.syncOnce();
      expect(a.store.read((db) => getDossierById(db, id))).toMatchObject({ applicantPhone: '0900000002', dueAt: later });
      expect(b.store.read((db) => listOpenSyncConflicts(db))).toEqual([]);
      expect(await hubConflicts(hub)).toEqual([]);
    });

    it('records a field changed on both PCs on each side, keeps the hub’s value, and lets a clerk put the local one back', async () => {
      const { hub, a, b, id } = await twoPcs();
      editOnPc(a, id, { applicantPhone: '0911111111' });
      await a.client.syncOnce();
      editOnPc(b, id, { applicantPhone: '0922222222', registerBook: '01/2026' });
      await b.client.pullOnce();
      const [onB] = b.store.read((db) => listOpenSyncConflicts(db));
      expect(onB).toMatchObject({ entity: 'dossier', entityId: id, kind: 'field', field: 'applicantPhone', baseValue: '0900000001', localValue: '0922222222', hubValue: '0911111111', kept: 'hub' });
      expect(b.store.read((db) => getDossierById(db, id))).toMatchObject({ applicantPhone: '0911111111', registerBook: '01/2026' });

      await b.client.syncOnce();
      const snapshot = (await onHub(hub, id)).snapshot as Record<string, unknown>;
      expect(snapshot).toMatchObject({ applicantPhone: '0911111111', registerBook: '01/2026' });
      expect(await hubConflicts(hub)).toEqual([{ kind: 'field', field: 'applicantPhone', base_value: '0900000001', hub_value: '0911111111', device_value: '0922222222', resolved_at: null }]);
      const listedOnHub = await call(hub, 'GET', `/v1/admin/conflicts?commune=${A}`, undefined);
      expect(listedOnHub.body).toMatchObject({ conflicts: [{ communeId: A, dossierId: id, deviceId: b.creds.deviceId, kind: 'field', field: 'applicantPhone', hubValue: '0911111111', deviceValue: '0922222222', resolvedAt: null }] });
      // The hub's echo does not erase the record: a person has not decided yet.
      const listed = listConflicts({ store: b.store, clock: fixedClock(at(30)) }).items;
      expect(listed).toHaveLength(1);
      expect(b.store.read((db) => readSyncStatus(db)).conflicts).toBe(1);
      expect(listed[0]).toMatchObject({ fieldLabel: { vi: 'Số điện thoại' }, applicantName: expect.any(String) as string });

      const settled = resolveConflict({ store: b.store, clock: fixedClock(at(31)) }, clerk, { id: listed[0]!.id, choice: 'local' });
      expect(settled).toMatchObject({ resolution: 'local', resolvedAt: at(31) });
      expect(b.store.read((db) => getDossierById(db, id))?.applicantPhone).toBe('0922222222');
      expect(() => resolveConflict({ store: b.store, clock: fixedClock(at(32)) }, clerk, { id: listed[0]!.id, choice: 'hub' })).toThrow(expect.objectContaining({ code: 'sync.conflict-not-found' }) as Error);
      await b.client.syncOnce();
      expect(((await onHub(hub, id)).snapshot as Record<string, unknown>).applicantPhone).toBe('0922222222');
      expect((await hubConflicts(hub))[0]?.resolved_at).not.toBeNull();
      expect((await call(hub, 'GET', `/v1/admin/conflicts?commune=${A}`, undefined)).body).toEqual({ conflicts: [] });
      expect(((await call(hub, 'GET', '/v1/admin/conflicts?all=true', undefined)).body as { conflicts: unknown[] }).conflicts).toHaveLength(1);
      await a.client.syncOnce();
      expect(a.store.read((db) => getDossierById(db, id))?.applicantPhone).toBe('0922222222');
      expect(listConflicts({ store: b.store, clock: fixedClock(at(33)) }).items).toEqual([]);
      expect(b.store.read((db) => readSyncStatus(db)).conflicts).toBe(0);
    });

    it('rebases a pending transition that is still legal after the hub’s, and records one that is not', async () => {
      const { hub, a, b, id } = await twoPcs();
      // Legal: A transfers, B (not yet knowing) starts processing, which the table allows from 'transferred' too.
      transitionOnPc(a, id, 'transfer', 'transferred');
      await a.client.syncOnce();
      transitionOnPc(b, id, 'start-processing', 'processing');
      await b.client.pullOnce();
      expect(b.store.read((db) => getDossierById(db, id))?.status).toBe('processing');
      expect(b.store.read((db) => listOpenSyncConflicts(db))).toEqual([]);
      await b.client.syncOnce();
      expect((await onHub(hub, id)).status).toBe('processing');

      // Not legal: A resolves, B (behind) pauses; pausing a resolved dossier is not in the table.
      await a.client.syncOnce();
      transitionOnPc(a, id, 'resolve', 'resolved');
      await a.client.syncOnce();
      transitionOnPc(b, id, 'pause', 'paused');
      await b.client.pullOnce();
      expect(b.store.read((db) => getDossierById(db, id))?.status).toBe('resolved');
      expect(b.store.read((db) => listOpenSyncConflicts(db))).toMatchObject([{ kind: 'status', localValue: 'paused', hubValue: 'resolved', kept: 'hub' }]);
      await b.client.syncOnce();
      expect(b.store.read((db) => listSyncRejections(db)).map((r) => r.code)).toEqual(['sync.transition-conflict']);
      expect((await onHub(hub, id)).status).toBe('resolved');
      expect(await hubConflicts(hub)).toMatchObject([{ kind: 'transition', field: 'status', hub_value: 'resolved', device_value: 'paused' }]);
      // A status cannot be forced back; the hub's is accepted.
      const [c] = listConflicts({ store: b.store, clock: fixedClock(at(40)) }).items;
      expect(() => resolveConflict({ store: b.store, clock: fixedClock(at(40)) }, clerk, { id: c!.id, choice: 'local' })).toThrow(expect.objectContaining({ code: 'sync.conflict-status-local' }) as Error);
      expect(resolveConflict({ store: b.store, clock: fixedClock(at(40)) }, clerk, { id: c!.id, choice: 'hub' }).resolution).toBe('hub');
    });

    it('brings the commune’s staff accounts with their password hashes, and administrative units, as feed rows', async () => {
      const hub = (open.hub = await startTestHub(kind));
      expect((await call(hub, 'PUT', '/v1/admin/admin-units', { units: sampleAdminUnits })).body).toEqual({ changed: sampleAdminUnits.length });
      expect((await call(hub, 'PUT', '/v1/admin/admin-units', { units: sampleAdminUnits })).body).toEqual({ changed: 0 });
      // Catalogue rows published before a commune exists reach it too (procedures and holidays already travelled; checked here).
      const procedure = { code: '1.001193', version: 7, effectiveFrom: '2026-12-01', name: 'Đăng ký khai sinh', definition: { deadlineWorkingDays: 1 } };
      expect((await call(hub, 'POST', '/v1/admin/procedures', procedure)).status).toBe(204);
      expect((await call(hub, 'PUT', '/v1/admin/holidays/2027', { overlay: { daysOff: ['2027-02-05'] } })).status).toBe(204);
      const pc = await enrolPc(tempDir(), hub.url, await communeWithCode(hub, A, 'UBND xã Thử Nghiệm'), 'Máy 1');
      const other = await enrolPc(tempDir(), hub.url, await communeWithCode(hub, '000.00.00.X98', 'UBND xã Khác'), 'Máy xã khác');
      open.pcs.push(pc, other);
      pc.store.write((db) => insertUser(db, { id: 'local-admin', username: 'quantri', displayName: 'Quản trị máy', role: 'admin', passwordHash: 'scrypt$16384$8$1$AAAA$BBBB', createdAt: at(0) }));
      const hash = await hashPassword('Mật khẩu Thử 2026');
      const account = { username: 'nguyenthu', displayName: 'Nguyễn Văn Thử', role: 'clerk', passwordHash: hash };
      expect((await call(hub, 'PUT', `/v1/admin/communes/${A}/accounts/acc-1`, account)).status).toBe(204);
      expect((await call(hub, 'PUT', `/v1/admin/communes/${A}/accounts/acc-2`, { ...account, username: 'NguyenThu' })).status).toBe(409);
      expect((await call(hub, 'PUT', `/v1/admin/communes/${A}/accounts/acc-3`, { ...account, username: 'QuanTri' })).status).toBe(204);
      expect((await call(hub, 'PUT', `/v1/admin/communes/${A}/accounts/acc-4`, { ...account, passwordHash: 'plain-text' })).status).toBe(400);

      await pc.client.syncOnce();
      await other.client.syncOnce();
      const user = pc.store.read((db) => getUserById(db, 'acc-1'));
      expect(user).toMatchObject({ username: 'nguyenthu', displayName: 'Nguyễn Văn Thử', role: 'clerk', active: true });
      expect(await verifyPassword('Mật khẩu Thử 2026', user!.passwordHash)).toBe(true);
      // A name already held by a local account stays with it; the clash is recorded, not forced.
      expect(pc.store.read((db) => findUserByUsername(db, 'quantri'))?.id).toBe('local-admin');
      expect(pc.store.read((db) => getUserById(db, 'acc-3'))).toBeUndefined();
      expect(pc.store.read((db) => listOpenSyncConflicts(db))).toMatchObject([{ entity: 'account', entityId: 'acc-3', kind: 'username', kept: 'local' }]);
      // Another commune's PC gets the units but none of A's accounts.
      expect(other.store.read((db) => getUserById(db, 'acc-1'))).toBeUndefined();
      for (const p of [pc, other]) {
        expect(p.store.read((db) => listAdminUnitChildren(db, null)).map((u) => u.code).sort()).toEqual(['01', '31', '46', '48', '79', '92']);
        expect(p.store.read((db) => getAdminUnit(db, '00070'))).toMatchObject({ name: 'Phường Hoàn Kiếm', level: 'commune', parentCode: '01' });
      }

      // A change on the hub (deactivation) reaches the PC; a renamed unit too.
      expect((await call(hub, 'PUT', `/v1/admin/communes/${A}/accounts/acc-1`, { ...account, active: false })).status).toBe(204);
      await call(hub, 'PUT', '/v1/admin/admin-units', { units: [{ code: '00082', name: 'Phường Cửa Nam', level: 'commune', parentCode: '01' }, { code: '00999', name: 'Xã Thử Nghiệm', level: 'commune', parentCode: '01' }] });
      await pc.client.syncOnce();
      expect(pc.store.read((db) => getUserById(db, 'acc-1'))?.active).toBe(false);
      expect(pc.store.read((db) => getAdminUnit(db, '00999'))?.name).toBe('Xã Thử Nghiệm');
      expect(pc.store.read((db) => getProcedureVersion(db, '1.001193', 7))).toMatchObject({ name: 'Đăng ký khai sinh', effectiveFrom: '2026-12-01', definition: { deadlineWorkingDays: 1 } });
      expect(other.store.read((db) => getHolidayOverlay(db, 2027))?.overlay).toEqual({ daysOff: ['2027-02-05'] });
      expect(num((await hub.db.query(`SELECT count(*) AS n FROM changes WHERE commune_id = $1 AND entity = 'admin-unit'`, [A]))[0]?.n)).toBe(sampleAdminUnits.length + 1);
    });
  });
}
