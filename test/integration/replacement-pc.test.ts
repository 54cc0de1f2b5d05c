/*
 * Replacing a broken PC (issue 12), against a real hub on loopback: PC 1 of slot 0 receives a
 * dossier with a scanned page that reaches the hub, then one more while its WAN is down (a number
 * the hub never sees) and breaks. The data centre issues a replacement package for the slot: the
 * old device is revoked, and the new PC continues the slot without repeating either number,
 * pulls the commune's dossiers and their scanned pages, and the old PC is refused by the hub.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/services/clock';
import { provisionFolder, type Desk } from '../../src/main/services/desk/desk';
import { openStore, type Store } from '../../src/main/store/db';
import type { SyncStatusView } from '../../src/shared/api/sync';
import { birthReceipt, newFormId } from '../helpers/counter-core';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { issuePackage, startTestHub, type TestHub } from '../helpers/hub';
import { adminPassword, firstAdminSignIn, openPc, until, value } from '../helpers/provisioned-pc';
import { addScannedPage, fakeScan } from '../helpers/sync-attachments';
import { useTempDirs } from '../helpers/temp-dir';

const commune = { communeId: '000.00.00.X96', agencyCode: '000.00.00.X96', name: 'UBND xã Thử Nghiệm Bốn' };
const clerkPassword = 'Can-bo-thu-2026';
const sequenceOf = (code: string): number => Number(code.slice(-4));

describe('a replacement PC for a slot', () => {
  const tempDir = useTempDirs();
  const open: { desks: Desk[]; stores: Store[]; hub?: TestHub; proxy?: FaultProxy } = { desks: [], stores: [] };
  afterEach(async () => {
    for (const d of open.desks.splice(0)) d.dispose();
    for (const s of open.stores.splice(0)) s.close();
    await open.proxy?.close();
    await open.hub?.close();
    Object.assign(open, { hub: undefined, proxy: undefined });
  });
  const pcFrom = async (fileText: string): Promise<{ desk: Desk; root: string }> => {
    const root = tempDir();
    await provisionFolder(root, fileText, new Date());
    const desk = await openPc(root, systemClock, { attachments: true, schedule: { longPollS: 0, intervalMs: 500 } });
    open.desks.push(desk);
    return { desk, root };
  };

  it('continues the slot without repeating a number, pulls dossiers and pages, and shuts the old PC out', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const proxy = (open.proxy = await startFaultProxy(hub.url, 9));
    proxy.cutting = false;
    const first = await issuePackage(hub, { ...commune, hubUrl: proxy.url, slot: 0 });
    const old = await pcFrom(first.fileText);
    const admin = await firstAdminSignIn(old.desk, 'quantri', first.setupCode);
    value(await old.desk.invoke('account.create', { username: 'canbo.bon', displayName: 'Phạm Thị Bốn', role: 'clerk', password: clerkPassword }, admin));
    const clerk = value<{ token: string }>(await old.desk.invoke('session.login', { username: 'canbo.bon', password: clerkPassword })).token;

    const seen = newFormId(Date.now());
    const seenCode = value<{ dossier: { code: string } }>(await old.desk.invoke('dossier.receive', birthReceipt(seen), clerk)).dossier.code;
    const store = openStore(join(old.root, 'motcua.sqlite'));
    open.stores.push(store);
    const page = addScannedPage({ dir: old.root, store }, seen, fakeScan(40_000, 4));
    await until(() => hub.db.query('SELECT 1 FROM attachments WHERE sha256 = $1', [page.sha256]), (rows) => rows.length === 1, 20_000);

    proxy.down = true;
    const unseen = newFormId(Date.now());
    const unseenCode = value<{ dossier: { code: string } }>(await old.desk.invoke('dossier.receive', birthReceipt(unseen), clerk)).dossier.code;
    expect([sequenceOf(seenCode), sequenceOf(unseenCode)]).toEqual([1, 2]);

    // PC 1 breaks; the data centre replaces slot 0.
    const replacement = await issuePackage(hub, { ...commune, replaceSlot: 0 });
    const fresh = await pcFrom(replacement.fileText);
    // Until the hub's feed brings the commune's accounts, the setup code opens the new PC.
    await until(() => fresh.desk.core?.provision()?.enrolment, (s) => s === 'enrolled', 20_000);
    const freshAdmin = await until(async () => fresh.desk.invoke('session.login', { username: 'quantri', password: adminPassword }), (r) => r.ok, 20_000);
    const freshToken = value<{ token: string }>(freshAdmin).token;
    const freshClerk = await until(async () => fresh.desk.invoke('session.login', { username: 'canbo.bon', password: clerkPassword }), (r) => r.ok, 20_000);
    const clerkTwo = value<{ token: string }>(freshClerk).token;

    const next = value<{ dossier: { code: string } }>(await fresh.desk.invoke('dossier.receive', birthReceipt(newFormId(Date.now())), clerkTwo)).dossier.code;
    expect(next).not.toBe(seenCode);
    expect(next).not.toBe(unseenCode);
    expect(sequenceOf(next)).toBeGreaterThanOrEqual(9001);
    expect(sequenceOf(next)).toBeLessThanOrEqual(9111);

    // The commune's dossiers and their scanned pages come down to the new PC.
    await until(async () => (await fresh.desk.invoke('dossier.get', { id: seen }, clerkTwo)).ok, (ok) => ok, 20_000);
    await until(() => existsSync(join(fresh.root, 'pages', `${page.sha256}.jpg`)), (ok) => ok, 20_000);

    // The old PC, back on the network, is refused: its device was revoked with the replacement.
    proxy.down = false;
    const refused = await until(async () => value<SyncStatusView>(await old.desk.invoke('sync.status', {}, admin)), (s) => s.lastError?.code === 'sync.device-refused', 20_000);
    expect(refused.waiting).toBeGreaterThan(0);
    expect(value<SyncStatusView>(await fresh.desk.invoke('sync.status', {}, freshToken)).lastError).toBeNull();
  });
});
