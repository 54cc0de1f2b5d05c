import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../store/backup';
import { contract } from '../../shared/api/contract';
import { fixedClock } from '../../../test/helpers/fixed-clock';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { openCore } from './core';

const tempDir = useTempDirs();
const clock = fixedClock('2026-11-23T01:30:00.000Z');

function core() {
  return openCore({ version: '9.9.9', dataDir: tempDir(), profile: 'training', host: 'cli', clock });
}

describe('core on a fresh data folder', () => {
  it('answers app.info with the demo commune and a schema that matches the contract', async () => {
    const c = await core();
    const reply = await c.invoke('app.info', {});
    c.dispose();
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const info = contract['app.info'].output.parse(reply.value);
    expect(info.version).toBe('9.9.9');
    expect(info.commune.demo).toBe(true);
    expect(info.commune.name).toBe('UBND xã Thử Nghiệm');
    expect(info.counts.dossiers).toBe(0);
    expect(info.host).toBe('cli');
  });

  it('answers health.check with the database and data folder checks, timed by the injected clock', async () => {
    const c = await core();
    const reply = await c.invoke('health.check', {});
    c.dispose();
    expect(reply).toMatchObject({ ok: true, value: { checkedAt: '2026-11-23T01:30:00.000Z' } });
    if (!reply.ok) return;
    const checks = contract['health.check'].output.parse(reply.value).checks;
    expect(checks.map((x) => x.name)).toEqual(['database', 'data-folder', 'disk-space']);
    expect(checks.filter((x) => x.name !== 'disk-space').every((x) => x.ok)).toBe(true);
  });
});

describe('router gate', () => {
  it('turns an unknown call into a typed Vietnamese error', async () => {
    const c = await core();
    const reply = await c.invoke('dossier.delete-everything', {});
    c.dispose();
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('api.unknown-call');
    expect(reply.error.message.vi).toContain('dossier.delete-everything');
  });

  it.each([[{ extra: 1 }], ['text'], [42]])('rejects bad input %j without running the service', async (input) => {
    const c = await core();
    const reply = await c.invoke('app.info', input);
    c.dispose();
    expect(reply).toMatchObject({ ok: false, error: { code: 'api.invalid-input' } });
  });

  it('treats a missing input as an empty object', async () => {
    const c = await core();
    const reply = await c.invoke('app.info', undefined);
    c.dispose();
    expect(reply.ok).toBe(true);
  });
});

describe('scheduled backups', () => {
  it('writes a backup into the data folder and stops cleanly', async () => {
    const dataDir = tempDir();
    const c = await openCore({ version: '1', dataDir, profile: 'training', host: 'browser-host', clock });
    const stop = c.scheduleBackups(20);
    await expect.poll(() => listBackups(join(dataDir, 'backups')).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await stop();
    c.dispose();
  });
});
