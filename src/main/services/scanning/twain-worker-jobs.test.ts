import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../test/helpers/fixed-clock';
import { at, newDossier, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { buildTwainWorker, compileFakeDsm, workerNodePath } from '../../devices/scanner/twain/fake-dsm-build';
import { TwainWorkerScanner } from '../../devices/scanner/twain/twain-worker-scanner';
import { insertDocument } from '../../store/repos/documents';
import { insertDossier } from '../../store/repos/dossiers';
import { ScanningService } from './scanning-service';

const tempDir = useTempDirs();


const clerk = { id: '0199a000-0000-7000-8000-0000000c1e4c', username: 'canbo-test', displayName: 'Cán bộ Thử', role: 'clerk' } as const;
describe('scan jobs through the TWAIN worker process against a fake TWAIN DSM (no TWAIN on Linux)', () => {
  let workerPath = '';
  let dsmPath = '';
  beforeAll(() => {
    dsmPath = compileFakeDsm();
    workerPath = buildTwainWorker();
  });

  it('a driver that takes the worker down on page 2 fails the job with scanner.driver-crashed, keeps page 1, and the next scan runs in a new worker', async () => {
    const dataDir = tempDir();
    const store = openTestStore(dataDir);
    store.write((db) => {
      const dossier = newDossier();
      insertDossier(db, dossier);
      insertDocument(db, { id: 'doc1', dossierId: dossier.id, kind: 'to-khai', title: 'Tờ khai đăng ký khai sinh', position: 0, createdAt: at() });
    });
    // The fake source kills its process on the second page, as a faulty driver would.
    const twain = new TwainWorkerScanner({ workerPath, dsmPath, env: { ...process.env, NODE_PATH: workerNodePath, FAKE_TWAIN_PAGES: '3', FAKE_TWAIN_CRASH_PAGE: '2' } });
    const service = new ScanningService({ store, clock: fixedClock(at()), dataDir, drivers: [twain] });
    try {
      const request = { documentId: 'doc1', deviceId: 'twain:Fake TWAIN Scanner', source: 'adf', colorMode: 'gray', resolution: 200, pageSize: 'A4' } as const;
      const crashed = await service.jobs.wait(service.startScan(request, clerk));
      expect(crashed.state).toBe('failed');
      expect(crashed.error?.code).toBe('scanner.driver-crashed');
      expect(crashed.error?.message.vi).toContain('Các trang đã quét xong vẫn được giữ');
      expect(crashed.pages).toHaveLength(1);
      expect(service.pages('doc1').map((p) => [p.position, p.width, p.height])).toEqual([[0, 170, 220]]);

      const again = await service.jobs.wait(service.startScan({ ...request, source: 'flatbed' }, clerk));
      expect(again.state).toBe('done');
      expect(service.pages('doc1').map((p) => p.position)).toEqual([0, 1]);
    } finally {
      await twain[Symbol.asyncDispose]();
      store.close();
    }
  });
});
