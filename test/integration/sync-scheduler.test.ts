/*
 * The client's own timer: `start` syncs in the background until the outbox is drained, backs off
 * while the hub is unreachable (status shows the error in Vietnamese and English), and `dispose`
 * stops it for good.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { countUnsentOutbox } from '../../src/main/store/repos/outbox';
import { SyncClient } from '../../src/sync/client';
import { communeWithCode, startTestHub, type TestHub } from '../helpers/hub';
import { enrolPc, receiveDossiers, type TestPc } from '../helpers/sync-pc';
import { useTempDirs } from '../helpers/temp-dir';

const until = async (check: () => boolean, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('SyncClient.start / dispose', () => {
  const tempDir = useTempDirs();
  const open: { hub?: TestHub; pc?: TestPc } = {};
  afterEach(async () => {
    await open.pc?.client.dispose();
    open.pc?.store.close();
    await open.hub?.close();
  });

  it('drains the outbox in the background, then stops on dispose', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const pc = (open.pc = await enrolPc(tempDir(), hub.url, await communeWithCode(hub, '000.00.00.X99', 'UBND xã Thử Nghiệm'), 'Máy 1'));
    receiveDossiers(pc, 20);
    pc.client.start(30);
    await until(() => pc.store.read(countUnsentOutbox) === 0 && pc.client.status().lastSuccessAt !== null);
    await pc.client.dispose();
    receiveDossiers(pc, 1);
    await new Promise((r) => setTimeout(r, 150));
    expect(pc.store.read(countUnsentOutbox)).toBe(1);
  });

  it('backs off while the hub is unreachable and says so', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const pc = (open.pc = await enrolPc(tempDir(), hub.url, await communeWithCode(hub, '000.00.00.X99', 'UBND xã Thử Nghiệm'), 'Máy 1'));
    receiveDossiers(pc, 2);
    // Port 9 (discard) on loopback: nothing listens there, the connection is refused at once.
    pc.client = new SyncClient(pc.store, fetch, 'http://127.0.0.1:9', pc.creds, { backoff: { baseMs: 10, capMs: 40 } });
    pc.client.start(1000);
    await until(() => pc.client.status().lastError !== null);
    const status = pc.client.status();
    expect(status.lastError?.code).toBe('network');
    expect(status.lastError?.message.vi).toMatch(/máy chủ/);
    expect(status.waiting).toBe(2);
    await pc.client.dispose();
  });
});
