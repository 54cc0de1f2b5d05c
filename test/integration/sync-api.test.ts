/*
 * The sync calls through a real desk and a real hub on loopback: `sync.status` before and after
 * enrolment, an enrolment the hub refuses (its package withdrawn) in Vietnamese and English, the
 * scheduler pushing a receipt a few seconds after it is made, going offline when the link (a TCP
 * proxy) is down, probing, and syncing at once when the link returns. PCs are provisioned from
 * packages the hub issued (issue 12); enrolment happens by itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../src/main/services/core';
import { provisionFolder, type Desk } from '../../src/main/services/desk/desk';
import type { DeskStatus } from '../../src/shared/api/desk';
import type { SyncStatusView } from '../../src/shared/api/sync';
import { uuidv7 } from '../../src/shared/id/uuidv7';
import { birthReceipt, newFormId, valueOf } from '../helpers/counter-core';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { manualClock } from '../helpers/fixed-clock';
import { issuePackage, startTestHub, type TestHub, submitOnline } from '../helpers/hub';
import { firstAdminSignIn, openPc, until } from '../helpers/provisioned-pc';
import { useTempDirs } from '../helpers/temp-dir';
import type { SchedulerOptions } from '../../src/sync/scheduler';

const fast: SchedulerOptions = { intervalMs: 60_000, debounceMs: 100, startJitterMs: 0, backoff: { baseMs: 20, capMs: 80 }, offlineAfter: 2, probeMs: [50, 100] };
const commune = { communeId: '000.00.00.X99', agencyCode: '000.00.00.X99', name: 'UBND xã Thử Nghiệm' };
const clerkPassword = 'Can-bo-thu-2026';

describe('sync.status / sync.enrol / sync.now through the core (scheduler on a real hub)', () => {
  const tempDir = useTempDirs();
  const open: { core?: Core | Desk; hub?: TestHub; proxy?: FaultProxy } = {};
  afterEach(async () => {
    open.core?.dispose();
    await open.proxy?.close();
    await open.hub?.close();
    Object.assign(open, { core: undefined, hub: undefined, proxy: undefined });
  });

  /** A PC provisioned from a package for `hubUrl`, with its first administrator and a clerk signed in. */
  async function pc(hub: TestHub, hubUrl = hub.url, schedule: SchedulerOptions = fast): Promise<{ c: Desk; admin: string; clerk: string }> {
    const pkg = await issuePackage(hub, { ...commune, hubUrl });
    const root = tempDir();
    await provisionFolder(root, pkg.fileText, new Date());
    const c = await openPc(root, manualClock(new Date().toISOString()), { schedule });
    open.core = c;
    const admin = await firstAdminSignIn(c, 'quantri', pkg.setupCode);
    valueOf(await c.invoke('account.create', { username: 'canbo', displayName: 'Nguyễn Thị Thử', role: 'clerk', password: clerkPassword }, admin));
    const clerk = valueOf<{ token: string }>(await c.invoke('session.login', { username: 'canbo', password: clerkPassword })).token;
    return { c, admin, clerk };
  }
  const status = async (c: Core | Desk, token: string): Promise<SyncStatusView> => valueOf<SyncStatusView>(await c.invoke('sync.status', {}, token));

  it('says not-enrolled, then refused in Vietnamese and English when the hub withdrew the package before it was used', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const proxy = (open.proxy = await startFaultProxy(hub.url, 5));
    proxy.cutting = false;
    proxy.down = true;
    const { c, clerk } = await pc(hub, proxy.url);
    expect((await c.invoke('sync.status', {})).ok).toBe(false);
    const before = await status(c, clerk);
    expect(before).toMatchObject({ state: 'not-enrolled', enrolled: false, hubUrl: null, lastError: { code: 'sync.hub-unreachable' } });
    expect(before.waiting).toBeGreaterThan(0); // the accounts made before enrolment wait for the hub
    const now = await c.invoke('sync.now', {}, clerk);
    expect(now.ok ? 'ok' : now.error.code).toBe('sync.not-enrolled');

    // The data centre replaced the slot's package before this PC reached the hub.
    await issuePackage(hub, { ...commune, hubUrl: proxy.url, replaceSlot: 0 });
    proxy.down = false;
    const refused = await until(async () => valueOf<DeskStatus>(await c.invoke('desk.status', {})).provision, (p) => p?.enrolment === 'refused');
    expect(refused?.lastError?.code).toBe('sync.enrol-code-invalid');
    expect(refused?.lastError?.message.vi).toMatch(/Mã đăng ký không đúng, đã dùng hoặc đã hết hạn/);
    expect(refused?.lastError?.message.en).toMatch(/enrolment code is wrong, already used or expired/);
  });

  it('enrols, pushes a new receipt shortly after it is made, goes offline and syncs when the link returns', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const proxy = (open.proxy = await startFaultProxy(hub.url, 7));
    proxy.cutting = false;
    const { c, clerk } = await pc(hub, `${proxy.url}/`);
    const enrolled = await until(() => status(c, clerk), (s) => s.state === 'synced');
    expect(enrolled).toMatchObject({ enrolled: true, hubUrl: proxy.url });

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
    const { c, clerk } = await pc(hub);
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
    const { c, clerk } = await pc(hub, proxy.url);
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
    const hub = (open.hub = await startTestHub('pglite'));
    const pkg = await issuePackage(hub, commune);
    const root = tempDir();
    await provisionFolder(root, pkg.fileText, new Date());
    const c = (open.core = await openCore({ version: 't', dataDir: root, profile: 'production', host: 'cli', clock: manualClock(new Date().toISOString()) }));
    const clerk = (valueOf<{ token: string }>(await c.invoke('session.login', { username: 'quantri', password: pkg.setupCode }))).token;
    valueOf(await c.invoke('account.choose-password', { newPassword: clerkPassword }, clerk));
    expect(await status(c, clerk)).toMatchObject({ state: 'not-enrolled' });
    const now = await c.invoke('sync.now', {}, clerk);
    expect(now.ok ? 'ok' : now.error.code).toBe('sync.unavailable');
  });
});
