/**
 * A commune PC as the data centre sets it up (issue 12): a desk on a real data folder, the
 * production scheduler with test-speed timers, provisioned from a package a real hub issued.
 * People in it are invented; passwords are the test's own, never the demo one.
 */
import type { Clock } from '../../src/main/services/clock';
import { Desk } from '../../src/main/services/desk/desk';
import { knownPackagePaths } from '../../src/main/services/desk/package-paths';
import type { ApiResult } from '../../src/shared/api/result';
import { askProvisionStatus } from '../../src/sync/hub-api';
import { SyncScheduler, type SchedulerOptions } from '../../src/sync/scheduler';
import { join } from 'node:path';

/** Timers short enough for a test, long enough not to spin. */
export const testSchedule: SchedulerOptions = { intervalMs: 60_000, debounceMs: 50, startJitterMs: 0, backoff: { baseMs: 20, capMs: 200 }, offlineAfter: 2, probeMs: [50, 200] };

/** The password the first administrator chooses in these tests. */
export const adminPassword = 'Quan-tri-xa-2026';

export async function openPc(root: string, clock: Clock, options: { readonly attachments?: boolean; readonly schedule?: SchedulerOptions } = {}): Promise<Desk> {
  return Desk.open({
    version: 't',
    root,
    host: 'browser-host',
    clock,
    sync: (store, dataDir) =>
      new SyncScheduler(store, { ...testSchedule, ...options.schedule, ...(options.attachments ? { attachments: { pagesDir: join(dataDir, 'pages'), slipsDir: join(dataDir, 'slips'), intervalMs: 100 } } : {}) }),
    packagePaths: knownPackagePaths(root),
    checkPackage: (hubUrl, id) => askProvisionStatus(fetch, hubUrl, id, 1_000),
  });
}

export function value<T>(reply: ApiResult<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message.en}`);
  return reply.value as T;
}

/** The first sign-in with the setup code, then the administrator's own password; returns the session token. */
export async function firstAdminSignIn(desk: Desk, username: string, setupCode: string): Promise<string> {
  const first = value<{ token: string; mustChangePassword: boolean }>(await desk.invoke('session.login', { username, password: setupCode }));
  if (!first.mustChangePassword) throw new Error('the setup code did not ask for a new password');
  value(await desk.invoke('account.choose-password', { newPassword: adminPassword }, first.token));
  return first.token;
}

/** Polls until `check` holds (real network and timers underneath). */
export async function until<T>(read: () => Promise<T> | T, check: (value: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (check(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met in time; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
