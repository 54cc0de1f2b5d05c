/**
 * Scanned pages for attachment tests: a document row, the page file under `<pc>/pages` named by
 * its SHA-256 (as the scanner pipeline writes it) and the page row, in one transaction so the
 * store's trigger queues the upload exactly as a real scan does; slips likewise with a print-log
 * row. Bytes come from a seeded PRNG.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument, insertDocument } from '../../src/main/store/repos/documents';
import { insertPage } from '../../src/main/store/repos/pages';
import { insertPrintLog } from '../../src/main/store/repos/print-log';
import { uuidv7 } from '../../src/shared/id/uuidv7';
import { AttachmentLane } from '../../src/sync/attachments';
import type { FetchFn } from '../../src/sync/hub-api';
import { at } from './dossier-fixtures';
import { seeded } from './fault-proxy';
import type { TestPc } from './sync-pc';

export const pagesDirOf = (pc: Pick<TestPc, 'dir'>): string => join(pc.dir, 'pages');
export const slipsDirOf = (pc: TestPc): string => join(pc.dir, 'slips');

/** `size` reproducible bytes for `seed`. */
export function fakeScan(size: number, seed: number): Buffer {
  const random = seeded(seed);
  const bytes = Buffer.alloc(size);
  for (let i = 0; i + 4 <= size; i += 4) bytes.writeUInt32LE(Math.floor(random() * 2 ** 32), i);
  return bytes;
}

/** Adds one scanned page of `bytes` to the dossier's document `docId` (made if missing); returns its hash. */
export function addScannedPage(pc: Pick<TestPc, 'dir' | 'store'>, dossierId: string, bytes: Buffer, docId = `${dossierId}-doc`): { sha256: string; pageId: string } {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  mkdirSync(pagesDirOf(pc), { recursive: true });
  writeFileSync(join(pagesDirOf(pc), `${sha256}.jpg`), bytes);
  const pageId = uuidv7(Date.parse(at(3)));
  pc.store.write((db) => {
    if (getDocument(db, docId) === undefined) insertDocument(db, { id: docId, dossierId, kind: 'birth-form', title: 'Tờ khai đăng ký khai sinh', position: 0, createdAt: at(2) });
    insertPage(db, { id: pageId, documentId: docId, position: 0, sha256, bytes: bytes.length, width: 1654, height: 2339, rotation: 0, blank: false, createdAt: at(3) });
  });
  return { sha256, pageId };
}

/** Keeps a slip PDF's bytes as printing does and logs a print of it; returns the bytes. */
export function printSlip(pc: TestPc, dossierId: string, pdf: Buffer): Buffer {
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  mkdirSync(slipsDirOf(pc), { recursive: true });
  writeFileSync(join(slipsDirOf(pc), `${sha256}.pdf`), pdf);
  pc.store.write((db) =>
    insertPrintLog(db, { id: uuidv7(Date.parse(at(4))), dossierId, slipKind: 'receipt', paper: 'a4', printer: 'MotcuaPDF', copies: 1, printedBy: 'clerk-1', printedAt: at(4), pdfSha256: sha256, jobId: '1', state: 'completed', errorCode: null, reprintOf: null }),
  );
  return pdf;
}

/** The PC's attachments lane over `hubUrl`, with short retry delays for tests. */
export function laneOf(pc: TestPc, hubUrl: string, fetchFn: FetchFn = fetch, chunkBytes?: number): AttachmentLane {
  return new AttachmentLane(pc.store, fetchFn, hubUrl, pc.client, {
    pagesDir: pagesDirOf(pc),
    slipsDir: slipsDirOf(pc),
    backoff: { baseMs: 1, capMs: 5 },
    ...(chunkBytes === undefined ? {} : { chunkBytes }),
  });
}
