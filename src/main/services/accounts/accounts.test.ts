import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/helpers/fixed-clock';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { openCore, type Core } from '../core';
import { demoPassword } from './demo-accounts';
import { maxFailedLogins } from './accounts';
import { defaultIdleMs } from './sessions';

const tempDir = useTempDirs();

async function setup() {
  const clock = manualClock('2026-11-23T01:00:00.000Z');
  const core = await openCore({ version: 't', dataDir: tempDir(), profile: 'training', host: 'cli', clock });
  return { core, clock };
}

async function loginAs(core: Core, username: string, password = demoPassword): Promise<string> {
  const reply = await core.invoke('session.login', { username, password });
  if (!reply.ok) throw new Error(reply.error.code);
  return (reply.value as { token: string }).token;
}

describe('accounts and sessions through the core', () => {
  it('signs a demo clerk in and tells who is signed in', async () => {
    const { core } = await setup();
    const token = await loginAs(core, 'CANBO');
    expect(await core.invoke('session.current', {}, token)).toMatchObject({ ok: true, value: { user: { username: 'canbo', role: 'clerk' }, locked: false } });
    expect(await core.invoke('session.current', {})).toMatchObject({ ok: true, value: { user: null } });
    core.dispose();
  });

  it('refuses a wrong password and an unknown user with the same Vietnamese message', async () => {
    const { core } = await setup();
    const wrong = await core.invoke('session.login', { username: 'canbo', password: 'sai-mat-khau' });
    const unknown = await core.invoke('session.login', { username: 'khongco', password: 'sai-mat-khau' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'auth.bad-credentials' } });
    expect(unknown).toEqual(wrong);
    core.dispose();
  });

  it(`locks an account after ${maxFailedLogins} wrong passwords, even for the right one, until the lockout ends`, async () => {
    const { core, clock } = await setup();
    for (let i = 0; i < maxFailedLogins; i++) await core.invoke('session.login', { username: 'canbo', password: 'sai-mat-khau' });
    const locked = await core.invoke('session.login', { username: 'canbo', password: demoPassword });
    expect(locked).toMatchObject({ ok: false, error: { code: 'auth.account-locked' } });
    if (!locked.ok) expect(locked.error.message.vi).toMatch(/ngày 23\/11\/2026/);
    clock.advance(16 * 60_000);
    expect((await core.invoke('session.login', { username: 'canbo', password: demoPassword })).ok).toBe(true);
    core.dispose();
  });

  it('requires a session for signed-in calls and the admin role for account management', async () => {
    const { core } = await setup();
    expect(await core.invoke('account.list', {})).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    const clerk = await loginAs(core, 'canbo');
    const denied = await core.invoke('account.list', {}, clerk);
    expect(denied).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    if (!denied.ok) expect(denied.error.message.vi).toContain('Cán bộ một cửa');
    const admin = await loginAs(core, 'quantri');
    const list = await core.invoke('account.list', {}, admin);
    expect(list.ok && (list.value as unknown[]).length).toBe(5);
    core.dispose();
  });

  it('locks an idle session, refuses work until unlocked with the same password, and keeps the session', async () => {
    const { core, clock } = await setup();
    const token = await loginAs(core, 'canbo');
    clock.advance(defaultIdleMs + 1000);
    expect(await core.invoke('account.change-password', { currentPassword: demoPassword, newPassword: 'mot-mat-khau-moi' }, token)).toMatchObject({
      ok: false,
      error: { code: 'auth.idle-locked' },
    });
    expect(await core.invoke('session.current', {}, token)).toMatchObject({ ok: true, value: { locked: true } });
    expect(await core.invoke('session.unlock', { password: 'sai-mat-khau' }, token)).toMatchObject({ ok: false, error: { code: 'auth.bad-credentials' } });
    expect(await core.invoke('session.unlock', { password: demoPassword }, token)).toMatchObject({ ok: true, value: { username: 'canbo' } });
    expect(await core.invoke('session.current', {}, token)).toMatchObject({ ok: true, value: { locked: false } });
    core.dispose();
  });

  it('changes a password, ends the account’s other sessions, and rejects a weak one', async () => {
    const { core } = await setup();
    const first = await loginAs(core, 'canbo');
    const second = await loginAs(core, 'canbo');
    expect(await core.invoke('account.change-password', { currentPassword: demoPassword, newPassword: 'ngan' }, first)).toMatchObject({
      ok: false,
      error: { code: 'auth.weak-password' },
    });
    expect(await core.invoke('account.change-password', { currentPassword: demoPassword, newPassword: 'mat-khau-moi-2026' }, first)).toMatchObject({ ok: true });
    expect(await core.invoke('session.current', {}, second)).toMatchObject({ ok: true, value: { user: null } });
    expect((await core.invoke('session.login', { username: 'canbo', password: 'mat-khau-moi-2026' })).ok).toBe(true);
    core.dispose();
  });

  it('lets an admin create an account with NFC display name and refuses a taken user name', async () => {
    const { core } = await setup();
    const admin = await loginAs(core, 'quantri');
    const created = await core.invoke('account.create', { username: 'hotich2', displayName: 'Hoa\u0300ng Thi\u0323 Mơ', role: 'specialist', password: 'mat-khau-dai-du' }, admin);
    expect(created).toMatchObject({ ok: true, value: { displayName: 'Hoàng Thị Mơ', role: 'specialist', active: true } });
    expect(await core.invoke('account.create', { username: 'HOTICH2', displayName: 'X', role: 'clerk', password: 'mat-khau-dai-du' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'auth.username-taken' },
    });
    expect(await core.invoke('account.create', { username: 'x', displayName: 'X', role: 'emperor', password: 'mat-khau-dai-du' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'api.invalid-input' },
    });
    core.dispose();
  });

  it('ends a session on logout', async () => {
    const { core } = await setup();
    const token = await loginAs(core, 'canbo');
    expect(await core.invoke('session.logout', {}, token)).toMatchObject({ ok: true });
    expect(await core.invoke('account.change-password', { currentPassword: demoPassword, newPassword: 'mat-khau-moi-2026' }, token)).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
    core.dispose();
  });
});
