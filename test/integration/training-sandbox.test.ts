/*
 * The training sandbox and folders of earlier versions (issue 12), on real data folders: the
 * sandbox has the demo commune and accounts, marks every slip (read back with pdftotext), never
 * syncs and can be reset; a production folder cannot be opened before provisioning. An old
 * unenrolled demo folder becomes the sandbox with everything in it; an old enrolled folder keeps
 * its dossiers and loses every account the demo password opened.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../../src/main/services/accounts/demo-accounts';
import { systemClock } from '../../src/main/services/clock';
import { openCore } from '../../src/main/services/core';
import type { Desk } from '../../src/main/services/desk/desk';
import { openStore } from '../../src/main/store/db';
import { putSyncEnrolment } from '../../src/main/store/repos/sync-enrolment';
import type { AppInfo } from '../../src/shared/api/app';
import type { DeskStatus } from '../../src/shared/api/desk';
import { birthReceipt, newFormId } from '../helpers/counter-core';
import { openPc, value } from '../helpers/provisioned-pc';
import { useTempDirs } from '../helpers/temp-dir';

const signIn = async (desk: Desk, username: string): Promise<string> => value<{ token: string }>(await desk.invoke('session.login', { username, password: demoPassword })).token;

describe('the training sandbox', () => {
  const tempDir = useTempDirs();
  const desks: Desk[] = [];
  afterEach(() => {
    for (const d of desks.splice(0)) d.dispose();
  });
  const pc = async (root: string): Promise<Desk> => {
    const d = await openPc(root, systemClock);
    desks.push(d);
    return d;
  };

  it('starts with nothing, opens the sandbox on request, stamps its slips, never syncs, and resets', async () => {
    const root = tempDir();
    const desk = await pc(root);
    expect(value<DeskStatus>(await desk.invoke('desk.status', {}))).toMatchObject({ mode: 'unset', productionReady: false, trainingReady: false });
    const refused = await desk.invoke('app.info', {});
    expect(refused.ok ? 'ok' : refused.error.code).toBe('desk.not-set-up');
    const noCommune = await desk.invoke('desk.switch', { to: 'production' });
    expect(noCommune.ok ? 'ok' : noCommune.error.code).toBe('desk.not-provisioned');

    expect(value<DeskStatus>(await desk.invoke('desk.switch', { to: 'training' }))).toMatchObject({ mode: 'training', trainingReady: true, productionReady: false });
    expect(existsSync(join(root, 'motcua.sqlite'))).toBe(false);
    expect(value<AppInfo>(await desk.invoke('app.info', {}))).toMatchObject({ mode: 'training', commune: { demo: true } });

    const clerk = await signIn(desk, 'canbo');
    const id = newFormId(Date.now());
    value(await desk.invoke('dossier.receive', birthReceipt(id), clerk));
    const slip = value<{ pdfBase64: string }>(await desk.invoke('slip.preview', { dossierId: id, kind: 'receipt' }, clerk));
    const file = join(root, 'receipt.pdf');
    writeFileSync(file, Buffer.from(slip.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text.normalize('NFC')).toContain('BẢN ĐÀO TẠO – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ');

    // Never syncs: no engine in the sandbox, whatever the host offers.
    const now = await desk.invoke('sync.now', {}, clerk);
    expect(now.ok ? 'ok' : now.error.code).toBe('sync.unavailable');

    // Only an administrator resets it, and then its data is the starting data again.
    const byClerk = await desk.invoke('desk.training-reset', {}, clerk);
    expect(byClerk.ok ? 'ok' : byClerk.error.code).toBe('auth.forbidden');
    const admin = await signIn(desk, 'quantri');
    value(await desk.invoke('desk.training-reset', {}, admin));
    const gone = await desk.invoke('dossier.get', { id }, clerk);
    expect(gone.ok ? 'ok' : gone.error.code).toBe('auth.required');
    expect(value<AppInfo>(await desk.invoke('app.info', {})).counts.dossiers).toBe(0);

    // The choice survives a restart.
    desks.splice(0).forEach((d) => d.dispose());
    expect((await pc(root)).profile).toBe('training');
  });

  it('turns an unenrolled demo folder of an earlier version into the sandbox, with everything in it', async () => {
    const root = tempDir();
    const old = await openCore({ version: 'old', dataDir: root, profile: 'training', host: 'cli', clock: systemClock });
    const clerk = value<{ token: string }>(await old.invoke('session.login', { username: 'canbo', password: demoPassword })).token;
    const id = newFormId(Date.now());
    value(await old.invoke('dossier.receive', birthReceipt(id), clerk));
    old.dispose();

    const desk = await pc(root);
    expect(desk.profile).toBe('training');
    expect(existsSync(join(root, 'motcua.sqlite'))).toBe(false);
    expect(existsSync(join(root, 'training', 'motcua.sqlite'))).toBe(true);
    const again = await signIn(desk, 'canbo');
    expect((await desk.invoke('dossier.get', { id }, again)).ok).toBe(true);
  });

  it('retires the demo accounts of an enrolled folder of an earlier version and keeps its dossiers', async () => {
    const root = tempDir();
    const old = await openCore({ version: 'old', dataDir: root, profile: 'training', host: 'cli', clock: systemClock });
    const clerk = value<{ token: string }>(await old.invoke('session.login', { username: 'canbo', password: demoPassword })).token;
    value(await old.invoke('dossier.receive', birthReceipt(newFormId(Date.now())), clerk));
    old.dispose();
    const store = openStore(join(root, 'motcua.sqlite'));
    store.write((db) => putSyncEnrolment(db, { hubUrl: 'http://127.0.0.1:9', deviceId: 'may-cu', secret: 'khoa-gia', communeId: '000.00.00.X99', enrolledAt: new Date().toISOString() }));
    store.close();

    const desk = await pc(root);
    expect(desk.profile).toBe('production');
    for (const { username } of demoAccounts) {
      const r = await desk.invoke('session.login', { username, password: demoPassword });
      expect(r.ok ? `${username} signed in` : r.error.code).toBe('auth.bad-credentials');
    }
    const info = value<AppInfo>(await desk.invoke('app.info', {}));
    expect(info).toMatchObject({ mode: 'production', commune: { demo: false }, counts: { dossiers: 1 } });
  });
});
