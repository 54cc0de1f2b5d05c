import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../test/helpers/fixed-clock';
import { at, newDossier, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { birthReceipt, loginAs, newFormId, openCounterCore, valueOf } from '../../../../test/helpers/counter-core';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { pageFilePath } from '../../devices/scanner/pipeline/page-files';
import { SaneScanner } from '../../devices/scanner/sane/sane-scanner';
import { useSaneTestBackend } from '../../devices/scanner/sane/sane-test-config';
import { insertDocument } from '../../store/repos/documents';
import { insertDossier } from '../../store/repos/dossiers';
import { ScanningService } from './scanning-service';

const tempDir = useTempDirs();
const DOC = '0199a000-0000-7000-8000-00000000d0c1';
const clerk = { id: '0199a000-0000-7000-8000-0000000c1e4c', username: 'canbo-test', displayName: 'Cán bộ Thử', role: 'clerk' } as const;

function serviceWithDocument() {
  const dataDir = tempDir();
  const store = openTestStore(dataDir);
  store.write((db) => {
    const dossier = newDossier();
    insertDossier(db, dossier);
    insertDocument(db, { id: DOC, dossierId: dossier.id, kind: 'to-khai', title: 'Tờ khai đăng ký khai sinh', position: 0, createdAt: at() });
  });
  const service = new ScanningService({ store, clock: fixedClock(at()), dataDir, drivers: [new SaneScanner()] });
  return { service, store, dataDir };
}

const adf = { documentId: DOC, deviceId: 'sane:test:0', source: 'adf', colorMode: 'gray', resolution: 75, pageSize: 'A4' } as const;

describe('scanning service on the real SANE test backend', () => {
  beforeAll(() => {
    useSaneTestBackend();
  });

  it('scans an ADF batch into a document, corrects pages, and makes a gray JPEG PDF', async () => {
    const { service, store, dataDir } = serviceWithDocument();
    const job = await service.jobs.wait(service.startScan(adf, clerk));
    expect(job.state).toBe('done');
    expect(job.pages.map((p) => p.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const ids = job.pages.map((p) => p.id);

    expect(service.rotate(ids[0]!, 90, clerk)[0]?.rotation).toBe(90);
    expect(service.move(ids[9]!, 0, clerk).map((p) => p.id).slice(0, 2)).toEqual([ids[9], ids[0]]);
    const afterDelete = service.delete(ids[5]!, clerk);
    expect(afterDelete.map((p) => p.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // The test pattern is the same on every page, so the file is shared and stays.
    expect(existsSync(pageFilePath(service.pagesDir, job.pages[5]!.sha256))).toBe(true);

    const pdf = await service.documentPdf(DOC, clerk);
    expect(pdf.pages).toBe(9);
    expect(pdf.path.startsWith(dataDir)).toBe(true);
    const rows = execFileSync('pdfimages', ['-list', pdf.path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    const first = job.pages[0]!;
    expect(rows).toHaveLength(9);
    for (const row of rows) expect(row.trim().split(/\s+/).slice(3, 9)).toEqual([String(first.width), String(first.height), 'gray', '1', '8', 'jpeg']);
    store.close();
  });

  it('cancels a running scan, keeps the pages already stored, and frees the device', async () => {
    const { service, store } = serviceWithDocument();
    const jobId = service.startScan({ ...adf, resolution: 300 }, clerk);
    const cancelled = await service.jobs.cancel(jobId);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.error?.message.vi).toContain('Đã dừng quét');
    expect(service.pages(DOC)).toHaveLength(cancelled.pages.length);
    const again = await service.jobs.wait(service.startScan({ ...adf, source: 'flatbed' }, clerk));
    expect(again.state).toBe('done');
    store.close();
  });

  it('scans into a received dossier’s paper through the API: start, poll status, rotate, PDF', async () => {
    const t = await openCounterCore(tempDir());
    try {
      const token = await loginAs(t.core, 'canbo');
      const id = newFormId();
      valueOf(await t.core.invoke('dossier.receive', birthReceipt(id), token));
      const dossier = valueOf<{ documents: { id: string; key: string }[] }>(await t.core.invoke('dossier.get', { id }, token));
      const documentId = dossier.documents.find((d) => d.key === 'birthCertificate')!.id;
      valueOf(await t.core.invoke('scanner.set-default', { deviceId: 'sane:test:0' }, token));
      const { jobId } = valueOf<{ jobId: string }>(await t.core.invoke('scan.start', { documentId, resolution: 75 }, token));
      let status = valueOf<{ state: string; pages: { id: string }[] }>(await t.core.invoke('scan.status', { jobId }, token));
      while (status.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = valueOf(await t.core.invoke('scan.status', { jobId }, token));
      }
      expect(status.state).toBe('done');
      expect(status.pages).toHaveLength(1);
      const rotated = valueOf<{ pages: { rotation: number }[] }>(await t.core.invoke('page.rotate', { pageId: status.pages[0]!.id, rotation: 270 }, token));
      expect(rotated.pages[0]?.rotation).toBe(270);
      const pdf = valueOf<{ path: string; pages: number }>(await t.core.invoke('document.pdf', { documentId }, token));
      expect(pdf.pages).toBe(1);
      expect(execFileSync('pdfimages', ['-list', pdf.path], { encoding: 'utf8' })).toMatch(/ gray +1 +8 +jpeg /u);
      const refused = await t.core.invoke('scan.start', { documentId: 'no-such-document' }, token);
      expect(refused.ok ? '' : refused.error.code).toBe('store.not-found');
    } finally {
      t.close();
    }
  });

  it('lists scanners and remembers the default through the core API', async () => {
    const t = await openCounterCore(tempDir());
    try {
      const token = await loginAs(t.core, 'canbo');
      valueOf(await t.core.invoke('scanner.set-default', { deviceId: 'sane:test:1' }, token));
      const list = valueOf<{ defaultId: string; scanners: { id: string; isDefault: boolean }[] }>(await t.core.invoke('scanner.list', {}, token));
      expect(list.defaultId).toBe('sane:test:1');
      expect(list.scanners.filter((s) => s.isDefault).map((s) => s.id)).toEqual(['sane:test:1']);
      const refused = await t.core.invoke('scanner.set-default', { deviceId: 'nothing:here' }, token);
      expect(refused.ok ? '' : refused.error.code).toBe('scanner.no-device');
    } finally {
      t.close();
    }
  });
});
