/*
 * Accounts the commune's administrators control (issue 12), across two PCs of one commune and a
 * real hub on loopback: an account made on PC 1 reaches PC 2; disabling it on PC 1 closes its
 * open session on PC 2 within one pull; a reset password must be replaced at the next sign-in,
 * on either PC; a role change also ends the sessions. Nobody can lock out the last administrator.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/services/clock';
import { provisionFolder, type Desk } from '../../src/main/services/desk/desk';
import { issuePackage, startTestHub, type TestHub } from '../helpers/hub';
import { adminPassword, firstAdminSignIn, openPc, until, value } from '../helpers/provisioned-pc';
import { useTempDirs } from '../helpers/temp-dir';

const commune = { communeId: '000.00.00.X97', agencyCode: '000.00.00.X97', name: 'UBND xã Thử Nghiệm Ba' };
const clerkPassword = 'Can-bo-thu-2026';

describe('account lifecycle across the PCs of a commune', () => {
  const tempDir = useTempDirs();
  const open: { desks: Desk[]; hub?: TestHub } = { desks: [] };
  afterEach(async () => {
    for (const d of open.desks.splice(0)) d.dispose();
    await open.hub?.close();
    open.hub = undefined;
  });
  const pcOf = async (hub: TestHub): Promise<{ desk: Desk; setupCode: string }> => {
    const pkg = await issuePackage(hub, commune);
    const root = tempDir();
    await provisionFolder(root, pkg.fileText, new Date());
    // Pulls come from sync.now here: the test says when a PC has pulled.
    const desk = await openPc(root, systemClock, { schedule: { longPollS: 0 } });
    open.desks.push(desk);
    return { desk, setupCode: pkg.setupCode };
  };
  const code = (r: { ok: boolean; error?: { code: string } }): string => (r.ok ? 'ok' : (r.error?.code ?? '?'));

  it('disables, resets and re-roles an account on PC 1; PC 2 closes its sessions at its next pull', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const one = await pcOf(hub);
    const admin = await firstAdminSignIn(one.desk, 'quantri', one.setupCode);
    const clerk = value<{ id: string }>(await one.desk.invoke('account.create', { username: 'canbo.ba', displayName: 'Trần Thị Ba', role: 'clerk', password: clerkPassword }, admin));
    await until(async () => value<{ waiting: number; enrolled: boolean }>(await one.desk.invoke('sync.status', {}, admin)), (s) => s.enrolled && s.waiting === 0);

    const two = await pcOf(hub);
    await until(async () => (await two.desk.invoke('session.login', { username: 'canbo.ba', password: clerkPassword })).ok, (ok) => ok);
    const onTwo = value<{ token: string }>(await two.desk.invoke('session.login', { username: 'canbo.ba', password: clerkPassword })).token;
    // The commune's first administrator is one account: PC 1's password works on PC 2 once pulled.
    const adminTwo = value<{ token: string; mustChangePassword: boolean }>(await two.desk.invoke('session.login', { username: 'quantri', password: adminPassword }));
    expect(adminTwo.mustChangePassword).toBe(false);
    expect(code(await two.desk.invoke('queue.today', {}, onTwo))).toBe('ok');

    value(await one.desk.invoke('account.update', { id: clerk.id, active: false }, admin));
    value(await one.desk.invoke('sync.now', {}, admin));
    value(await two.desk.invoke('sync.now', {}, adminTwo.token));
    expect(code(await two.desk.invoke('queue.today', {}, onTwo))).toBe('auth.session-ended');
    expect(code(await two.desk.invoke('session.login', { username: 'canbo.ba', password: clerkPassword }))).toBe('auth.bad-credentials');

    // Enabled again with a reset password: both PCs ask for a new one at the next sign-in.
    value(await one.desk.invoke('account.update', { id: clerk.id, active: true }, admin));
    const reset = value<{ temporaryPassword: string; account: { mustChangePassword: boolean } }>(await one.desk.invoke('account.reset-password', { id: clerk.id }, admin));
    expect(reset.account.mustChangePassword).toBe(true);
    value(await one.desk.invoke('sync.now', {}, admin));
    value(await two.desk.invoke('sync.now', {}, adminTwo.token));
    const temp = value<{ token: string; mustChangePassword: boolean }>(await two.desk.invoke('session.login', { username: 'canbo.ba', password: reset.temporaryPassword }));
    expect(temp.mustChangePassword).toBe(true);
    expect(code(await two.desk.invoke('queue.today', {}, temp.token))).toBe('auth.must-change-password');
    value(await two.desk.invoke('account.choose-password', { newPassword: 'Mat-khau-moi-2026' }, temp.token));
    expect(code(await two.desk.invoke('queue.today', {}, temp.token))).toBe('ok');

    // The person's new password travels back to PC 1; a role change there ends PC 2's session.
    value(await two.desk.invoke('sync.now', {}, temp.token));
    value(await one.desk.invoke('sync.now', {}, admin));
    expect(code(await one.desk.invoke('session.login', { username: 'canbo.ba', password: 'Mat-khau-moi-2026' }))).toBe('ok');
    value(await one.desk.invoke('account.update', { id: clerk.id, role: 'specialist' }, admin));
    value(await one.desk.invoke('sync.now', {}, admin));
    value(await two.desk.invoke('sync.now', {}, adminTwo.token));
    expect(code(await two.desk.invoke('queue.today', {}, temp.token))).toBe('auth.session-ended');
  });

  it('lets only a setup-code or reset session choose a password without the current one', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const one = await pcOf(hub);
    const admin = await firstAdminSignIn(one.desk, 'quantri', one.setupCode);
    // A normal session (the administrator's, after choosing) may not skip the current password.
    expect(code(await one.desk.invoke('account.choose-password', { newPassword: 'Chiem-quyen-2026' }, admin))).toBe('auth.forbidden');
    expect(code(await one.desk.invoke('session.login', { username: 'quantri', password: adminPassword }))).toBe('ok');
  });

  it('keeps the last administrator and refuses changes to oneself', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const one = await pcOf(hub);
    const admin = await firstAdminSignIn(one.desk, 'quantri', one.setupCode);
    const me = value<{ id: string }[]>(await one.desk.invoke('account.list', {}, admin)).find((a) => a);
    expect(code(await one.desk.invoke('account.update', { id: me?.id ?? '', active: false }, admin))).toBe('auth.not-yourself');
    const second = value<{ id: string }>(await one.desk.invoke('account.create', { username: 'quantri2', displayName: 'Lê Văn Hai', role: 'admin', password: 'Quan-tri-hai-2026' }, admin));
    const other = value<{ token: string }>(await one.desk.invoke('session.login', { username: 'quantri2', password: 'Quan-tri-hai-2026' })).token;
    value(await one.desk.invoke('account.update', { id: me?.id ?? '', active: false }, other));
    expect(code(await one.desk.invoke('account.list', {}, admin))).toBe('auth.session-ended');
    // quantri2 is now the only active administrator, and cannot demote itself.
    expect(code(await one.desk.invoke('account.update', { id: second.id, role: 'clerk' }, other))).toBe('auth.not-yourself');
  });
});
