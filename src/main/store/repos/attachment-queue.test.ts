import { describe, expect, it } from 'vitest';
import { at, newDossier, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { countAttachmentsWaiting, deferAttachment, dueDownloads, dueUploads, markUploadedElsewhere, queueDownload, settleAttachment } from './attachment-queue';
import { insertDocument } from './documents';
import { insertDossier } from './dossiers';
import { enqueueOutbox, markOutboxSent } from './outbox';
import { insertPage } from './pages';
import { insertPrintLog } from './print-log';

const tempDir = useTempDirs();
const sha = (c: string) => c.repeat(64);
const NOW = '2027-01-01T00:00:00.000Z';

function scanned(status = 'received') {
  const store = openTestStore(tempDir());
  const dossier = newDossier({ status });
  store.write((db) => {
    insertDossier(db, dossier);
    insertDocument(db, { id: 'doc1', dossierId: dossier.id, kind: 'to-khai', title: 'Tờ khai', position: 0, createdAt: at() });
    insertPage(db, { id: 'p1', documentId: 'doc1', position: 0, sha256: sha('a'), bytes: 10, width: 1, height: 1, rotation: 0, blank: false, createdAt: at() });
  });
  return { store, dossier };
}

describe('attachment queue', () => {
  it('queues a page and a printed slip for upload in the same transaction as their rows', () => {
    const { store, dossier } = scanned();
    store.write((db) =>
      insertPrintLog(db, { id: 'l1', dossierId: dossier.id, slipKind: 'receipt', paper: 'a4', printer: 'P', copies: 1, printedBy: 'u', printedAt: at(), pdfSha256: sha('b'), jobId: null, state: 'completed', errorCode: null, reprintOf: null }),
    );
    // A reprint of the same PDF is the same file: queued once.
    store.write((db) =>
      insertPrintLog(db, { id: 'l2', dossierId: dossier.id, slipKind: 'receipt', paper: 'a4', printer: 'P', copies: 1, printedBy: 'u', printedAt: at(1), pdfSha256: sha('b'), jobId: null, state: 'completed', errorCode: null, reprintOf: 'l1' }),
    );
    const due = store.read((db) => dueUploads(db, NOW, 10));
    expect(due.map((r) => [r.kind, r.refId, r.dossierId])).toEqual([
      ['page', 'p1', dossier.id],
      ['slip', sha('b'), dossier.id],
    ]);
    expect(store.read(countAttachmentsWaiting)).toBe(2);
    store.close();
  });

  it('holds uploads back while the dossier is a draft or its receipt is still in the outbox', () => {
    const draft = scanned('draft');
    expect(draft.store.read((db) => dueUploads(db, NOW, 10))).toEqual([]);
    draft.store.close();
    const { store, dossier } = scanned();
    const seq = store.write((db) => enqueueOutbox(db, { idempotencyKey: 'k1', kind: 'dossier.received', entityId: dossier.id, payload: {}, createdAt: at() }));
    expect(store.read((db) => dueUploads(db, NOW, 10))).toEqual([]);
    store.write((db) => markOutboxSent(db, [seq], at(1)));
    expect(store.read((db) => dueUploads(db, NOW, 10))).toHaveLength(1);
    store.close();
  });

  it('spaces a failed file by its own next attempt and stops counting it once settled', () => {
    const { store, dossier } = scanned();
    const key = { direction: 'up', kind: 'page', dossierId: dossier.id, refId: 'p1' } as const;
    store.write((db) => deferAttachment(db, key, 'network', '2027-01-01T00:05:00.000Z', NOW));
    expect(store.read((db) => dueUploads(db, NOW, 10))).toEqual([]);
    expect(store.read((db) => dueUploads(db, '2027-01-01T00:05:00.000Z', 10))[0]).toMatchObject({ attempts: 1, lastError: 'network' });
    store.write((db) => settleAttachment(db, key, 'done', NOW));
    expect(store.read(countAttachmentsWaiting)).toBe(0);
    store.close();
  });

  it('queues a listed download once, only for a dossier held here, and never sends a downloaded page back up', () => {
    const { store, dossier } = scanned();
    store.write((db) => {
      queueDownload(db, { kind: 'page', dossierId: dossier.id, refId: 'p9' }, sha('c'), 5, { page: 1 }, NOW);
      queueDownload(db, { kind: 'page', dossierId: dossier.id, refId: 'p9' }, sha('c'), 5, { page: 2 }, NOW);
      queueDownload(db, { kind: 'page', dossierId: 'not-here', refId: 'p8' }, sha('d'), 5, {}, NOW);
    });
    expect(store.read((db) => dueDownloads(db, NOW, 10)).map((r) => [r.refId, r.meta])).toEqual([['p9', { page: 1 }]]);
    store.write((db) => {
      markUploadedElsewhere(db, { kind: 'page', dossierId: dossier.id, refId: 'p9' }, sha('c'), 5, NOW);
      insertPage(db, { id: 'p9', documentId: 'doc1', position: 1, sha256: sha('c'), bytes: 5, width: 1, height: 1, rotation: 0, blank: false, createdAt: at() });
    });
    expect(store.read((db) => dueUploads(db, NOW, 10)).map((r) => r.refId)).toEqual(['p1']);
    store.close();
  });
});
