/**
 * PC hardening (issue 13): wrong passwords at the idle lock screen (`session.unlock`) count toward
 * the same lockout as sign-in, so the lock screen is not a way to guess a password without limit.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/helpers/fixed-clock';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { openCore } from '../core';
import { lockoutMs, maxFailedLogins } from './accounts';
import { demoPassword } from './demo-accounts';
import { defaultIdleMs } from './sessions';

const tempDir = useTempDirs();

async function idleLockedClerk() {
  const clock = manualClock('2026-11-23T01:00:00.000Z');
  const core = await openCore({ version: 't', dataDir: tempDir(), profile: 'training', host: 'cli', clock });
  const login = await core.invoke('session.login', { username: 'canbo', password: demoPassword });
  if (!login.ok) throw new Error(login.error.code);
  const token = (login.value as { token: string }).token;
  clock.advance(defaultIdleMs + 60_000);
  expect(await core.invoke('session.current', {}, token)).toMatchObject({ ok: true, value: { locked: true } });
  return { core, clock, token };
}

describe('session.unlock and the sign-in lockout', () => {
  it(`locks the account after ${maxFailedLogins} wrong unlock passwords, even for the right one, until the lockout ends`, async () => {
    const { core, clock, token } = await idleLockedClerk();
    try {
      for (let i = 0; i < maxFailedLogins; i++) {
        expect(await core.invoke('session.unlock', { password: 'sai-mat-khau' }, token)).toMatchObject({ ok: false, error: { code: 'auth.bad-credentials' } });
      }
      expect(await core.invoke('session.unlock', { password: demoPassword }, token)).toMatchObject({ ok: false, error: { code: 'auth.account-locked' } });
      expect(await core.invoke('session.login', { username: 'canbo', password: demoPassword })).toMatchObject({ ok: false, error: { code: 'auth.account-locked' } });
      clock.advance(lockoutMs + 60_000);
      expect(await core.invoke('session.unlock', { password: demoPassword }, token)).toMatchObject({ ok: true });
    } finally {
      core.dispose();
    }
  });

  it('counts wrong sign-ins and wrong unlocks together, and a right unlock starts the count again', async () => {
    const { core, token } = await idleLockedClerk();
    try {
      const wrongLogin = () => core.invoke('session.login', { username: 'canbo', password: 'sai-mat-khau' });
      const wrongUnlock = () => core.invoke('session.unlock', { password: 'sai-mat-khau' }, token);
      for (let i = 0; i < maxFailedLogins - 1; i++) await wrongLogin();
      expect(await core.invoke('session.unlock', { password: demoPassword }, token)).toMatchObject({ ok: true });
      // The count started again; now three wrong sign-ins and two wrong unlocks make five.
      for (let i = 0; i < maxFailedLogins - 2; i++) await wrongLogin();
      await wrongUnlock();
      expect(await core.invoke('session.login', { username: 'canbo', password: demoPassword })).toMatchObject({ ok: true });
      for (let i = 0; i < maxFailedLogins - 2; i++) await wrongLogin();
      await wrongUnlock();
      await wrongUnlock();
      expect(await core.invoke('session.login', { username: 'canbo', password: demoPassword })).toMatchObject({ ok: false, error: { code: 'auth.account-locked' } });
    } finally {
      core.dispose();
    }
  });
});
