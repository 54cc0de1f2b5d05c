/*
 * The PC's attachments lane against a hub with a size cap (issue 13): a scan over the cap is
 * failed at once with the hub's reason and not retried, while a scan under it goes through.
 */
import { describe, expect, it } from 'vitest';
import { communeWithCode, startTestHub } from '../helpers/hub';
import { addScannedPage, fakeScan, laneOf } from '../helpers/sync-attachments';
import { enrolPc, receiveDossiers, type TestPc } from '../helpers/sync-pc';
import { useOpenSyncParts } from '../helpers/sync-teardown';
import { useTempDirs } from '../helpers/temp-dir';

describe('attachments lane and the hub size cap', () => {
  const tempDir = useTempDirs();
  const open = useOpenSyncParts<{ pcs: TestPc[]; hub?: Awaited<ReturnType<typeof startTestHub>>; proxy?: undefined }>();

  it('fails a file over the cap once, with the hub reason, and sends the one under it', async () => {
    const hub = (open.hub = await startTestHub('pglite', { uploadLimits: { maxFileBytes: 100_000 } }));
    const code = await communeWithCode(hub, '000.00.00.X94', 'UBND xã Thử Nghiệm Năm');
    const pc = await enrolPc(tempDir(), hub.url, code, 'Máy 1');
    open.pcs.push(pc);
    const [d] = receiveDossiers(pc, 1);
    addScannedPage(pc, d!.id, fakeScan(300_000, 1), `${d!.id}-big`);
    addScannedPage(pc, d!.id, fakeScan(50_000, 2), `${d!.id}-small`);
    await pc.client.syncOnce();
    const lane = laneOf(pc, hub.url);
    await lane.runOnce();
    await lane.runOnce();
    const rows = pc.store.read((db) => db.prepare("SELECT state, last_error FROM attachment_queue WHERE direction = 'up' ORDER BY rowid").all()) as { state: string; last_error: string | null }[];
    expect(rows.map((r) => [r.state, r.last_error])).toEqual([
      ['failed', 'attachment-too-large'],
      ['done', null],
    ]);
  });
});
