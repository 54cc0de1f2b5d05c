/*
 * sync.rejections and sync.rejection-ack through the real core (CLI host, real SQLite file) with
 * a real hub on loopback (PGlite): two PCs of one commune, the second tries a transition the
 * first already made illegal on the hub, the hub refuses it for good, and the clerk at the second
 * PC sees which dossier, what was refused and the hub's reason; acknowledging keeps the row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/services/core';
import type { SyncRejectionView, SyncStatusView } from '../../src/shared/api/sync';
import { openCoreAt, signIn } from '../helpers/core-session';
import { call, communeWithCode, startTestHub, type TestHub } from '../helpers/hub';
import { enrolPc, receiveDossiers, transitionOnPc, type TestPc } from '../helpers/sync-pc';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** The value of a reply that must have succeeded. */
async function ok<T>(reply: Promise<Awaited<ReturnType<Core['invoke']>>>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(`unexpected ${r.error.code}`);
  return r.value as T;
}
const open: { hub?: TestHub; pcs: TestPc[]; cores: Core[] } = { pcs: [], cores: [] };

afterEach(async () => {
  for (const core of open.cores.splice(0)) core.dispose();
  for (const pc of open.pcs.splice(0)) {
    await pc.client.dispose();
    pc.store.close();
  }
  await open.hub?.close();
  open.hub = undefined;
});

describe('sync.rejections through the core', () => {
  it('lists a real refusal of the hub for clerks and leaders, and marks it seen without deleting it', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const codeA = await communeWithCode(hub, '000.00.00.X99', 'UBND xã Thử Nghiệm');
    const a = await enrolPc(tempDir(), hub.url, codeA, 'Máy 1');
    open.pcs.push(a);
    // PC 2 is the core's own data folder, so the core reads what its sync client recorded.
    const dirB = tempDir();
    const { core } = await openCoreAt(dirB, '2026-11-23T02:00:00.000Z');
    open.cores.push(core);
    const codeB = (await call(hub, 'POST', '/v1/admin/communes/000.00.00.X99/enrol-codes', {})).body as { code: string };
    const b = await enrolPc(dirB, hub.url, codeB.code, 'Máy 2');
    open.pcs.push(b);

    const [d] = receiveDossiers(a, 1);
    await a.client.syncOnce();
    await b.client.syncOnce();
    transitionOnPc(a, d!.id, 'start-processing', 'processing');
    await a.client.syncOnce();
    transitionOnPc(b, d!.id, 'transfer', 'transferred');
    await b.client.syncOnce();

    const clerk = (await signIn(core, 'canbo')).token;
    const leader = (await signIn(core, 'lanhdao')).token;
    const specialist = (await signIn(core, 'tuphap')).token;
    const denied = await core.invoke('sync.rejections', {}, specialist);
    expect(denied.ok === false && denied.error.code).toBe('auth.forbidden');

    const listed = await ok<{ items: SyncRejectionView[] }>(core.invoke('sync.rejections', {}, clerk));
    expect(listed.items).toHaveLength(1);
    const refusal = listed.items[0]!;
    expect(refusal).toMatchObject({
      dossierId: d!.id,
      dossierCode: d!.code,
      kind: 'dossier.transitioned',
      kindLabel: { vi: 'Chuyển bước xử lý hồ sơ' },
      seenAt: null,
    });
    expect(refusal.code).toMatch(/^sync\./);
    expect(refusal.message.vi).not.toBe('');
    expect(refusal.message.en).not.toBe('');
    expect((await ok<SyncStatusView>(core.invoke('sync.status', {}, clerk))).rejected).toBe(1);

    const acked = await ok<SyncRejectionView>(core.invoke('sync.rejection-ack', { seq: refusal.seq }, leader));
    expect(acked).toMatchObject({ seq: refusal.seq, seenAt: '2026-11-23T02:00:00.000Z' });
    const after = await ok<{ items: SyncRejectionView[] }>(core.invoke('sync.rejections', {}, clerk));
    expect(after.items.map((r) => [r.seq, r.seenAt])).toEqual([[refusal.seq, '2026-11-23T02:00:00.000Z']]);
    // The badge counts what still needs a look; the row itself stays.
    expect((await ok<SyncStatusView>(core.invoke('sync.status', {}, clerk))).rejected).toBe(0);
    const missing = await core.invoke('sync.rejection-ack', { seq: refusal.seq + 1000 }, clerk);
    expect(missing.ok === false && missing.error.code).toBe('sync.rejection-not-found');
  });
});
