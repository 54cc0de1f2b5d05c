/*
 * The sync calls through a real core and a real hub on loopback: `sync.status` before and after
 * enrolment, `sync.enrol` refusing a bad code and an unreachable hub in Vietnamese and English,
 * the scheduler pushing a receipt a few seconds after it is made, going offline when the link
 * (a TCP proxy) is down, probing, and syncing at once when the link returns.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../src/main/services/core';
import type { Store } from '../../src/main/store/db';
import { SyncScheduler, type SchedulerOptions } from '../../src/sync/scheduler';
import type { SyncStatusView } from '../../src/shared/api/sync';
import { uuidv7 } from '../../src/shared/id/uuidv7';
import { birthReceipt, loginAs, newFormId, valueOf } from '../helpers/counter-core';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { manualClock } from '../helpers/fixed-clock';
import { communeWithCode, startTestHub, type TestHub, submitOnline } from '../helpers/hub';
import { useTempDirs } from '../helpers/temp-dir';

const fast: SchedulerOptions = { intervalMs: 60_000, debounceMs: 100, startJitterMs: 0, backoff: { baseMs: 20, capMs: 80 }, offlineAfter: 2, probeMs: [50, 100] };

async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > end) throw new Error(`condition not met in time; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('sync.status / sync.enrol / sync.now through the core (scheduler on a real hub)', () => {
  const tempDir = useTempDirs();
  const open: { core?: Core; hub?: TestHub; proxy?: FaultProxy } = {};
  afterEach(async () => {
    open.core?.dispose();
    await open.proxy?.close();
    await open.hub?.close();
    Object.assign(open, { core: undefined, hub: undefined, proxy: undefined });
  });

  async function core(host: 'browser-host' | 'cli' = 'browser-host'): Promise<Core> {
    const sync = host === 'cli' ? undefined : (store: Store) => new SyncScheduler(store, fast);
    open.core = await openCore({ version: 't', dataDir: tempDir(), host, clock: manualClock('2026-11-23T01:00:00.000Z'), sync });
    return open.core;
  }
  const status = async (c: Core, token: string): Promise<SyncStatusView> => valueOf<SyncStatusView>(await c.invoke('sync.status', {}, token));

  it('says not-enrolled, refuses a bad code and an unreachable hub with catalogue messages', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    await communeWithCode(hub, '000.00.00.X99', 'UBND xã Thử Nghiệm');
    const c = await core();
    expect((await c.invoke('sync.status', {})).ok).toBe(false);
    const admin = await loginAs(c, 'quantri');
    const clerk = await loginAs(c, 'canbo');
    const before = await status(c, clerk);
    expect(before).toMatchObject({ state: 'not-enrolled', enrolled: false, hubUrl: null, waiting: 0, lastError: null });

    const byClerk = await c.invoke('sync.enrol', { hubUrl: hub.url, code: 'ABCDEFGH' }, clerk);
    expect(byClerk.ok ? 'ok' : byClerk.error.code).toBe('auth.forbidden');
    const badCode = await c.invoke('sync.enrol', { hubUrl: hub.url, code: 'ABCDEFGH' }, admin);
    if (badCode.ok) expect.fail('a made-up code was accepted');
    expect(badCode.error.code).toBe('sync.enrol-code-invalid');
    expect(badCode.error.message.vi).toMatch(/Mã đăng ký không đúng/);
    const nowhere = await c.invoke('sync.enrol', { hubUrl: 'http://127.0.0.1:9', code: 'ABCDEFGH' }, admin);
    if (nowhere.ok) expect.fail('enrolled with no hub');
    expect(nowhere.error.code).toBe('sync.hub-unreachable');
    expect(nowhere.error.message.en).toMatch(/127\.0\.0\.1:9/);
    expect((await c.invoke('sync.now', {}, clerk)).ok ? 'ok' : 'sync.not-enrolled').toBe('sync.not-enrolled');
  });

  it('enrols, pushes a new receipt shortly after it is made, goes offline and syncs when the link returns', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const proxy = (open.proxy = await startFaultProxy(hub.url, 7));
    proxy.cutting = false;
    const code = await communeWithCode(hub, '000.00.00.X99', 'UBND xã Thử Nghiệm');
    const c = await core();
    const admin = await loginAs(c, 'quantri');
    const clerk = await loginAs(c, 'canbo');

    const enrolled = valueOf<SyncStatusView>(await c.invoke('sync.enrol', { hubUrl: `${proxy.url}/`, code }, admin));
    expect(enrolled).toMatchObject({ enrolled: true, hubUrl: proxy.url });
    expect((await c.invoke('sync.enrol', { hubUrl: proxy.url, code }, admin)).ok).toBe(false);
    await until(() => status(c, clerk), (s) => s.state === 'synced');

    valueOf(await c.invoke('dossier.receive', birthReceipt(newFormId()), clerk));
    const hubCount = async (): Promise<number> => Number((await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM dossiers'))[0]?.n);
    await until(hubCount, (n) => n === 1);
    const synced = await until(() => status(c, clerk), (s) => s.state === 'synced' && s.waiting === 0);
    expect(synced.lastSuccessAt).not.toBeNull();
    expect(synced.clockOffsetMs).not.toBeNull();
    expect(synced.clockWarning).toBeNull();

    proxy.down = true;
    valueOf(await c.invoke('dossier.receive', birthReceipt(newFormId()), clerk));
    const offline = await until(() => status(c, clerk), (s) => s.state === 'offline');
    expect(offline.offlineSince).not.toBeNull();
    expect(offline.waiting).toBe(1);
    expect(offline.lastError?.code).toBe('sync.hub-unreachable');
    expect(offline.lastError?.message.vi).toMatch(/Không kết nối được máy chủ thành phố/);

    proxy.down = false;
    await until(hubCount, (n) => n === 2);
    const back = await until(() => status(c, clerk), (s) => s.state === 'synced');
    expect(back).toMatchObject({ waiting: 0, offlineSince: null, lastError: null });
  });

  it('between attempts a long-poll brings an upstream change at once (the timer is a minute away)', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const code = await communeWithCode(hub, '000.00.00.X99', 'UBND xã Thử Nghiệm');
    const c = await core();
    const admin = await loginAs(c, 'quantri');
    const clerk = await loginAs(c, 'canbo');
    valueOf(await c.invoke('sync.enrol', { hubUrl: hub.url, code }, admin));
    await until(() => status(c, clerk), (s) => s.state === 'synced');
    await new Promise((r) => setTimeout(r, 300));

    const id = uuidv7(Date.now());
    const sentAt = Date.now();
    const portal = { id, communeId: '000.00.00.X99', applicantName: 'Võ Thị Trực Tuyến', applicantIdNumber: '001190999077', applicantPhone: '0999000777', submittedAt: new Date().toISOString() };
    expect((await submitOnline(hub, portal)).status).toBe(201);
    const seen = await until(async () => (await c.invoke('dossier.get', { id }, clerk)).ok, (ok) => ok, 5_000);
    expect(seen).toBe(true);
    // Well inside the 60 s timer: only the held pull can have brought it.
    expect(Date.now() - sentAt).toBeLessThan(5_000);
  });

  it('closing the core while a sync hangs on a stalled link aborts it at once and leaves the outbox for next time', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const proxy = (open.proxy = await startFaultProxy(hub.url, 11));
    proxy.cutting = false;
    const code = await communeWithCode(hub, '000.00.00.X99', 'UBND xã Thử Nghiệm');
    const c = await core();
    const admin = await loginAs(c, 'quantri');
    const clerk = await loginAs(c, 'canbo');
    valueOf(await c.invoke('sync.enrol', { hubUrl: proxy.url, code }, admin));
    await until(() => status(c, clerk), (s) => s.state === 'synced');

    proxy.stalled = true;
    valueOf(await c.invoke('dossier.receive', birthReceipt(newFormId()), clerk));
    const hanging = c.invoke('sync.now', {}, clerk);
    await until(() => status(c, clerk), (s) => s.state === 'syncing');
    const started = Date.now();
    c.dispose();
    open.core = undefined;
    // The call in flight ends (aborted) instead of waiting for its 60 s timeout.
    const reply = await hanging;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(reply.ok ? 'ok' : reply.error.code).toBe('sync.unavailable');
    proxy.stalled = false;
    expect(Number((await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM dossiers'))[0]?.n)).toBe(0);
  });

  it('a CLI core (no scheduler) answers the status from the store and refuses to sync', async () => {
    const c = await core('cli');
    const clerk = await loginAs(c, 'canbo');
    expect(await status(c, clerk)).toMatchObject({ state: 'not-enrolled' });
    const now = await c.invoke('sync.now', {}, clerk);
    expect(now.ok ? 'ok' : now.error.code).toBe('sync.unavailable');
  });
});
