import { demoPassword } from '../../src/main/services/accounts/demo-accounts';
import { openCore, type Core } from '../../src/main/services/core';
import { manualClock } from './fixed-clock';

/** A core on `dataDir` whose clock stands at `iso` until the test moves it. */
export async function openCoreAt(dataDir: string, iso: string): Promise<{ core: Core; clock: ReturnType<typeof manualClock> }> {
  const clock = manualClock(iso);
  return { core: await openCore({ version: 't', dataDir, profile: 'training', host: 'cli', clock }), clock };
}

/** Signs a demo account in and returns its token and user id. */
export async function signIn(core: Core, username: string): Promise<{ token: string; userId: string }> {
  const reply = await core.invoke('session.login', { username, password: demoPassword });
  if (!reply.ok) throw new Error(`login ${username}: ${reply.error.code}`);
  const value = reply.value as { token: string; user: { id: string } };
  return { token: value.token, userId: value.user.id };
}
