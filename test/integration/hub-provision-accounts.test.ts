/*
 * Account lifecycle on the hub (issue 12), on PGlite and PostgreSQL 15: an account an
 * administrator makes or changes on one PC (`account.upserted`) reaches the commune's other PCs
 * through the feed with its must-change-password flag; a user name another account of the
 * commune holds, or an id of another commune's account, is refused for good; the city's admin API
 * resets a password to a temporary one in the PC's own hash format (proved with the PC's
 * verifyPassword). No password, temporary or not, is printed.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/main/services/accounts/password';
import { uuidv7 } from '../../src/shared/id/uuidv7';
import { newDeviceKeyPair } from '../../src/sync/device-key';
import { pull, push, requestToken } from '../../src/sync/hub-api';
import { enrolResponse, PROTOCOL_VERSION, type Mutation, type PullItem } from '../../src/sync/protocol/messages';
import type { AccountUpsertPayload } from '../../src/sync/protocol/mutations';
import { ProvisionFile, ProvisionPayload } from '../../src/shared/provisioning/package';
import { call, issuePackage, pgUnavailable, startTestHub, type HubKind, type TestHub } from '../helpers/hub';

const A = { communeId: '000.00.00.X99', agencyCode: '000.00.00.X99', name: 'UBND xã Thử Nghiệm' };
const B = { communeId: '000.00.00.X98', agencyCode: '000.00.00.X98', name: 'UBND xã Thử Hai' };

interface Pc {
  readonly deviceId: string;
  readonly token: string;
  seq: number;
}

/** A PC of the commune: a package, enrolment with its own key, a token. */
async function pcOf(hub: TestHub, commune: typeof A): Promise<Pc> {
  const issued = await issuePackage(hub, commune);
  const file = ProvisionFile.parse(JSON.parse(issued.fileText));
  const { enrolCode } = ProvisionPayload.parse(JSON.parse(Buffer.from(file.payload, 'base64').toString('utf8')));
  const keys = newDeviceKeyPair();
  const res = await fetch(`${hub.url}/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION, code: enrolCode, deviceName: `Máy ${issued.slot}`, publicKey: keys.publicKey }),
  });
  const { deviceId } = enrolResponse.parse(await res.json());
  const { token } = await requestToken(fetch, hub.url, deviceId, keys.privateKey);
  return { deviceId, token, seq: 0 };
}

const upsert = (pc: Pc, account: AccountUpsertPayload): Mutation => ({ seq: ++pc.seq, key: uuidv7(Date.now()), kind: 'account.upserted', entityId: account.id, payload: account });

async function accountsSeenBy(hub: TestHub, pc: Pc): Promise<Extract<PullItem, { type: 'account' }>[]> {
  const page = await pull(fetch, hub.url, pc.token, undefined, 1000);
  if (page.kind !== 'page') throw new Error('resync');
  return page.items.filter((i): i is Extract<PullItem, { type: 'account' }> => i.type === 'account');
}

for (const kind of ['pglite', 'postgres'] as HubKind[]) {
  const skip = kind === 'postgres' ? pgUnavailable : undefined;
  if (skip !== undefined) console.warn(`hub-provision-accounts [postgres] skipped: ${skip}`);

  describe.skipIf(skip !== undefined)(`account lifecycle on ${kind}`, () => {
    let hub: TestHub | undefined;
    afterEach(async () => {
      await hub?.close();
      hub = undefined;
    });

    it('carries an account made on one PC to the other PCs of the commune, and refuses a taken user name or another commune’s id', async () => {
      hub = await startTestHub(kind);
      const one = await pcOf(hub, A);
      const two = await pcOf(hub, A);
      const other = await pcOf(hub, B);
      const thu: AccountUpsertPayload = {
        id: randomUUID(),
        username: 'nguyenvanthu',
        displayName: 'Nguyễn Văn Thử',
        role: 'clerk',
        passwordHash: await hashPassword('mật khẩu tạm thử'),
        active: true,
        mustChangePassword: true,
      };
      expect(await push(fetch, hub.url, one.token, one.deviceId, [upsert(one, thu)])).toEqual({ appliedThrough: 1, rejected: [] });
      const seen = await accountsSeenBy(hub, two);
      expect(seen.map(({ version: _v, type: _t, ...a }) => a)).toEqual([{ ...thu }]);
      // Another commune's PC does not see it.
      expect(await accountsSeenBy(hub, other)).toEqual([]);

      // The person chose a password on PC one: the flag clears and the change travels.
      const chosen = { ...thu, passwordHash: await hashPassword('mật khẩu riêng thử'), mustChangePassword: false };
      expect((await push(fetch, hub.url, one.token, one.deviceId, [upsert(one, chosen)])).rejected).toEqual([]);
      const [after] = await accountsSeenBy(hub, two);
      expect(after).toMatchObject({ id: thu.id, mustChangePassword: false, passwordHash: chosen.passwordHash });
      expect(await verifyPassword('mật khẩu riêng thử', after!.passwordHash)).toBe(true);

      // PC two makes another account with the same user name in other letters: refused, for good.
      const clash: AccountUpsertPayload = { ...thu, id: randomUUID(), username: 'NguyenVanThu', displayName: 'Nguyễn Văn Thử Hai' };
      const refused = await push(fetch, hub.url, two.token, two.deviceId, [upsert(two, clash)]);
      expect(refused.appliedThrough).toBe(1);
      expect(refused.rejected).toEqual([
        { seq: 1, code: 'sync.username-taken', message: { vi: expect.stringContaining('NguyenVanThu') as string, en: expect.stringContaining('user name') as string } },
      ]);
      expect((await hub.db.query('SELECT id FROM accounts WHERE commune_id = $1', [A.communeId])).map((r) => r.id)).toEqual([thu.id]);

      // Commune B's PC sends an account under commune A's account id: refused, A's account untouched.
      const taken = await push(fetch, hub.url, other.token, other.deviceId, [upsert(other, { ...thu, username: 'tranthithu', displayName: 'Trần Thị Thử' })]);
      expect(taken.rejected.map((r) => r.code)).toEqual(['sync.account-other-commune']);
      expect((await hub.db.query('SELECT commune_id, username FROM accounts WHERE id = $1', [thu.id]))[0]).toEqual({ commune_id: A.communeId, username: 'nguyenvanthu' });

      // A payload that is not an account (or names another id) is malformed.
      const bad: Mutation = { seq: ++one.seq, key: uuidv7(Date.now()), kind: 'account.upserted', entityId: randomUUID(), payload: { ...thu, role: 'mayor' } };
      expect((await push(fetch, hub.url, one.token, one.deviceId, [bad])).rejected.map((r) => r.code)).toEqual(['sync.malformed']);
    });

    it('resets a password from the admin API to a temporary one the PC accepts, and changes role, name and active flag', async () => {
      hub = await startTestHub(kind);
      const pc = await pcOf(hub, A);
      const id = randomUUID();
      const path = `/v1/admin/communes/${A.communeId}/accounts/${id}`;
      const account = { username: 'tranthithu', displayName: 'Trần Thị Thử', role: 'clerk', passwordHash: await hashPassword('mật khẩu cũ thử') };
      expect((await call(hub, 'PUT', path, account)).status).toBe(204);
      expect((await accountsSeenBy(hub, pc))[0]).toMatchObject({ id, mustChangePassword: false });

      const reset = await call(hub, 'PATCH', path, { resetPassword: true });
      expect(reset.status).toBe(200);
      const { temporaryPassword } = reset.body as { temporaryPassword: string };
      expect(temporaryPassword).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
      const [stored] = await hub.db.query<{ password_hash: string; must_change_password: boolean }>('SELECT password_hash, must_change_password FROM accounts WHERE id = $1', [id]);
      expect(stored?.password_hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
      expect(stored?.must_change_password).toBe(true);
      expect(JSON.stringify(stored)).not.toContain(temporaryPassword);
      // The PC's own verifier accepts the temporary password, and only it.
      expect(await verifyPassword(temporaryPassword, stored!.password_hash)).toBe(true);
      expect(await verifyPassword('mật khẩu cũ thử', stored!.password_hash)).toBe(false);
      expect(await verifyPassword(temporaryPassword.toLowerCase(), stored!.password_hash)).toBe(false);
      // It reaches the PC with the flag set.
      expect((await accountsSeenBy(hub, pc))[0]).toMatchObject({ id, mustChangePassword: true, passwordHash: stored!.password_hash });

      expect((await call(hub, 'PATCH', path, { active: false, role: 'leader', displayName: 'Trần Thị Thử (nghỉ)' })).status).toBe(204);
      expect((await accountsSeenBy(hub, pc))[0]).toMatchObject({ id, active: false, role: 'leader', displayName: 'Trần Thị Thử (nghỉ)', mustChangePassword: true, passwordHash: stored!.password_hash });
      // A PUT without the flag keeps it; with it, sets it.
      expect((await call(hub, 'PUT', path, { ...account, passwordHash: stored!.password_hash })).status).toBe(204);
      expect((await accountsSeenBy(hub, pc))[0]).toMatchObject({ mustChangePassword: true, active: true, role: 'clerk' });
      expect((await call(hub, 'PUT', path, { ...account, mustChangePassword: false })).status).toBe(204);
      expect((await accountsSeenBy(hub, pc))[0]).toMatchObject({ mustChangePassword: false });

      expect(await call(hub, 'PATCH', `/v1/admin/communes/${A.communeId}/accounts/${randomUUID()}`, { resetPassword: true })).toMatchObject({ status: 404, body: { error: 'account-unknown' } });
      expect(await call(hub, 'PATCH', `/v1/admin/communes/${B.communeId}/accounts/${id}`, { active: true })).toMatchObject({ status: 404 });
      expect((await call(hub, 'PATCH', path, {})).status).toBe(400);
      expect((await call(hub, 'PATCH', path, { role: 'mayor' })).status).toBe(400);
      expect((await call(hub, 'PATCH', path, { resetPassword: true }, 'not-the-admin-token')).status).toBe(401);
    });
  });
}
