/*
 * A commune PC installed the way the data centre does it (issue 12), against a real hub on
 * loopback and real SQLite files: the package copied into the data folder while the WAN is down,
 * a dossier received before enrolment, enrolment when the hub comes back, and the dossier on the
 * hub exactly once with a code from the slot's block. Refused packages write nothing; the demo
 * password signs in nowhere on a commune's folder.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../../src/main/services/accounts/demo-accounts';
import { systemClock } from '../../src/main/services/clock';
import { provisionFolder, type Desk } from '../../src/main/services/desk/desk';
import { AppError } from '../../src/shared/api/errors';
import type { DeskStatus } from '../../src/shared/api/desk';
import { askProvisionStatus } from '../../src/sync/hub-api';
import { birthReceipt, newFormId } from '../helpers/counter-core';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { issuePackage, startTestHub, type TestHub } from '../helpers/hub';
import { adminPassword, openPc, until, value } from '../helpers/provisioned-pc';
import { useTempDirs } from '../helpers/temp-dir';

const commune = { communeId: '000.00.00.X98', agencyCode: '000.00.00.X98', name: 'UBND xã Thử Nghiệm Một', province: 'Tỉnh Thử Nghiệm' };

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('provisioning a commune PC from a package (real hub on loopback)', () => {
  const tempDir = useTempDirs();
  const open: { desks: Desk[]; hub?: TestHub; proxy?: FaultProxy } = { desks: [] };
  afterEach(async () => {
    for (const d of open.desks) d.dispose();
    await open.proxy?.close();
    await open.hub?.close();
    Object.assign(open, { desks: [], hub: undefined, proxy: undefined });
  });
  const pc = async (root: string): Promise<Desk> => {
    const desk = await openPc(root, systemClock);
    open.desks.push(desk);
    return desk;
  };

  it('installs with the hub down, receives a dossier at once, and the hub gets it exactly once after enrolment', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const proxy = (open.proxy = await startFaultProxy(hub.url, 3));
    proxy.cutting = false;
    const pkg = await issuePackage(hub, { ...commune, hubUrl: proxy.url, slot: 2 });
    proxy.down = true;

    // The remote install: the silent installer, then one file copied into the data folder.
    const root = tempDir();
    writeFileSync(join(root, 'provision.motcua'), pkg.fileText);
    const desk = await pc(root);
    expect(desk.profile).toBe('production');
    expect(existsSync(join(root, 'provision.motcua'))).toBe(false);
    const status = value<DeskStatus>(await desk.invoke('desk.status', {}));
    expect(status.provision).toMatchObject({ slot: 2, enrolment: 'pending', firstAdminPending: 'quantri', commune: { name: commune.name, agencyCode: commune.agencyCode } });

    for (const { username } of demoAccounts) {
      const r = await desk.invoke('session.login', { username, password: demoPassword });
      expect(r.ok ? `${username} signed in` : r.error.code).toBe('auth.bad-credentials');
    }

    // The setup code opens only the new-password form.
    const setup = value<{ token: string; mustChangePassword: boolean }>(await desk.invoke('session.login', { username: 'quantri', password: pkg.setupCode }));
    expect(setup.mustChangePassword).toBe(true);
    const blocked = await desk.invoke('account.list', {}, setup.token);
    expect(blocked.ok ? 'ok' : blocked.error.code).toBe('auth.must-change-password');
    value(await desk.invoke('account.choose-password', { newPassword: adminPassword }, setup.token));
    const admin = setup.token;
    expect((await desk.invoke('session.login', { username: 'quantri', password: pkg.setupCode })).ok).toBe(false);
    value(await desk.invoke('account.create', { username: 'canbo.thu', displayName: 'Nguyễn Thị Thử', role: 'clerk', password: 'Can-bo-thu-2026' }, admin));
    const clerk = value<{ token: string }>(await desk.invoke('session.login', { username: 'canbo.thu', password: 'Can-bo-thu-2026' })).token;

    const id = newFormId(Date.now());
    const received = value<{ dossier: { code: string } }>(await desk.invoke('dossier.receive', birthReceipt(id), clerk)).dossier;
    expect(received.code).toMatch(/^000\.00\.00\.X98-\d{6}-2001$/u);
    const pending = value<DeskStatus>(await desk.invoke('desk.status', {}));
    expect(pending.provision?.enrolment).toBe('pending');
    expect(pending.provision?.lastError?.code).toBe('sync.hub-unreachable');

    proxy.down = false;
    await until(() => hub.db.query('SELECT snapshot FROM dossiers WHERE id = $1', [id]), (rows) => rows.length === 1, 20_000);
    const after = value<DeskStatus>(await desk.invoke('desk.status', {}));
    expect(after.provision).toMatchObject({ enrolment: 'enrolled', lastError: null, firstAdminPending: null });
    const rows = await hub.db.query<{ n: string | number; code: string }>("SELECT count(*) AS n, max(snapshot->>'code') AS code FROM dossiers WHERE commune_id = $1", [commune.communeId]);
    expect(Number(rows[0]?.n)).toBe(1);
    expect(rows[0]?.code).toBe(received.code);
    const device = await hub.db.query<{ slot: number }>('SELECT slot FROM devices WHERE commune_id = $1', [commune.communeId]);
    expect(device.map((d) => Number(d.slot))).toEqual([2]);
    // The accounts made on the PC before enrolment reached the hub too, as hashes.
    const accounts = await hub.db.query<{ username: string }>('SELECT username FROM accounts WHERE commune_id = $1 ORDER BY username', [commune.communeId]);
    expect(accounts.map((a) => a.username)).toEqual(['canbo.thu', 'quantri']);
  });

  it('applies a package copied into the data folder while the first screen is open, at its next look', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const pkg = await issuePackage(hub, { ...commune, slot: 1 });
    const root = tempDir();
    const desk = await pc(root);
    expect(value<DeskStatus>(await desk.invoke('desk.status', {})).mode).toBe('unset');
    writeFileSync(join(root, 'provision.motcua'), 'không phải gói cài đặt');
    expect(value<DeskStatus>(await desk.invoke('desk.status', {})).mode).toBe('unset');
    writeFileSync(join(root, 'provision.motcua'), pkg.fileText);
    expect(value<DeskStatus>(await desk.invoke('desk.status', {}))).toMatchObject({ mode: 'production', provision: { slot: 1 } });
    expect(existsSync(join(root, 'provision.motcua'))).toBe(false);
  });

  it('refuses an enrolment answer not signed by the key its package names', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const pkg = await issuePackage(hub, { ...commune, slot: 3 });
    // A package whose named hub key is another one, signed consistently with that other key:
    // the address and the enrolment code are the real hub's, which signs with its own key.
    const file = JSON.parse(pkg.fileText) as { payload: string; signature: string };
    const payload = JSON.parse(Buffer.from(file.payload, 'base64').toString('utf8')) as { hub: { url: string; publicKey: string } };
    const other = generateKeyPairSync('ed25519');
    payload.hub.publicKey = other.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const bytes = Buffer.from(JSON.stringify(payload), 'utf8');
    const forged = JSON.stringify({ ...file, payload: bytes.toString('base64'), signature: sign(null, bytes, other.privateKey).toString('base64') });
    const root = tempDir();
    writeFileSync(join(root, 'provision.motcua'), forged);
    const desk = await pc(root);
    const refused = await until(async () => value<DeskStatus>(await desk.invoke('desk.status', {})).provision, (p) => p?.enrolment === 'refused');
    expect(refused?.lastError?.code).toBe('sync.hub-signature');
    expect(refused?.lastError?.message.vi).toMatch(/không có chữ ký của máy chủ thành phố/u);
  });

  it('refuses an altered, an expired and a used package, writing nothing', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const pkg = await issuePackage(hub, { ...commune, slot: 0 });
    const check = (hubUrl: string, id: string) => askProvisionStatus(fetch, hubUrl, id, 1_000);
    const nothingWritten = (root: string) => expect(readdirSync(root)).toEqual([]);

    const file = JSON.parse(pkg.fileText) as { payload: string };
    const payload = JSON.parse(Buffer.from(file.payload, 'base64').toString('utf8')) as { slot: number };
    const altered = JSON.stringify({ ...file, payload: Buffer.from(JSON.stringify({ ...payload, slot: 5 })).toString('base64') });
    const a = tempDir();
    expect(await refusal(provisionFolder(a, altered, new Date(), check))).toBe('provision.invalid');
    nothingWritten(a);

    const b = tempDir();
    expect(await refusal(provisionFolder(b, pkg.fileText, new Date(Date.parse(pkg.expiresAt) + 60_000), check))).toBe('provision.expired');
    nothingWritten(b);

    // Used on one PC (which enrolled), then tried on another while the hub answers.
    const first = tempDir();
    writeFileSync(join(first, 'provision.motcua'), pkg.fileText);
    const desk = await pc(first);
    await until(async () => value<DeskStatus>(await desk.invoke('desk.status', {})).provision?.enrolment, (s) => s === 'enrolled');
    const c = tempDir();
    expect(await refusal(provisionFolder(c, pkg.fileText, new Date(), check))).toBe('provision.used');
    nothingWritten(c);
    // The same refusals come back through the first-run screen's call, in Vietnamese.
    const d = tempDir();
    const fresh = await pc(d);
    const viaScreen = await fresh.invoke('desk.provision', { fileText: altered });
    if (viaScreen.ok) expect.fail('an altered package was applied');
    expect(viaScreen.error.message.vi).toMatch(/bị sửa.*Không có gì được ghi/u);
    expect(readdirSync(d)).toEqual([]);
  });
});
