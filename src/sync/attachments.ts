/**
 * The attachments lane (sync.md §4.7): scanned pages and kept slips go to the hub by SHA-256,
 * and the commune's other PCs' pages come back, on a loop and a backoff of its own, so a stuck
 * file never holds up dossier data. Uploads resume where the hub stands (it is asked first), in
 * chunks each carrying its own hash; a file is linked to its dossier only once whole. Downloads
 * resume with Range into `incoming/`, are hashed, then renamed into place before the page row
 * is written. Each file's failures space its own retries; a network failure ends the run.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store, WriteDb } from '../main/store/db';
import {
  countAttachmentsWaiting,
  deferAttachment,
  dueDownloads,
  dueUploads,
  getAttachmentRow,
  markUploadedElsewhere,
  queueDownload,
  setAttachmentOffset,
  settleAttachment,
  type AttachmentQueueRow,
} from '../main/store/repos/attachment-queue';
import { getDocument, insertDocument } from '../main/store/repos/documents';
import { getPage, insertPage, listPages } from '../main/store/repos/pages';
import { getSyncState, putSyncState } from '../main/store/repos/sync-state';
import { blobStatusOf, downloadInto, linkAttachment, listAttachments, sendChunk } from './attachments-api';
import { backoffDelay, defaultBackoff, RepeatingRun, type BackoffPolicy } from './backoff';
import type { SyncClient } from './client';
import { SyncError, type FetchFn } from './hub-api';
import { documentMeta, pageMeta, type AttachmentLink } from './protocol/attachments';

/** Where the lane's position in the hub's list of the commune's files is kept. */
export const ATTACHMENT_CURSOR_KEY = 'attachments.cursor';

export interface AttachmentLaneOptions {
  /** `<data>/pages`: `<sha256>.jpg` files (scanner pipeline's `page-files.ts`). */
  readonly pagesDir: string;
  /** `<data>/slips`: `<sha256>.pdf` files kept by printing. */
  readonly slipsDir: string;
  /** Bytes per upload chunk; 1 MiB by default (a cut costs at most that). */
  readonly chunkBytes?: number;
  readonly backoff?: BackoffPolicy;
  readonly random?: () => number;
  readonly now?: () => Date;
}

/** What one run moved. */
export interface AttachmentRun {
  readonly uploaded: number;
  readonly downloaded: number;
  /** Tries that will be repeated later (hub busy, dossier not there yet, a damaged transfer). */
  readonly deferred: number;
  /** Files refused for good (another commune's dossier, the local file lost or damaged). */
  readonly failed: number;
}

const hashBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Codes after which the same file will never be taken: stop trying it. */
// A file over the hub's size cap (issue 13) will never fit: it is failed and shown, not retried.
const PERMANENT = new Set(['attachment-other-commune', 'attachment-bad-range', 'bad-request', 'forbidden', 'attachment-file-missing', 'attachment-local-damaged', 'attachment-too-large']);

/** See the file comment. */
export class AttachmentLane {
  readonly #store: Store;
  readonly #fetch: FetchFn;
  readonly #hubUrl: string;
  readonly #session: Pick<SyncClient, 'withToken'>;
  readonly #o: Required<AttachmentLaneOptions>;
  readonly #loop = new RepeatingRun(
    () => this.runOnce(),
    (error) => backoffDelay(this.#failures - 1, this.#o.random, this.#o.backoff, error instanceof SyncError ? error.retryAfterMs : undefined),
  );
  #failures = 0;
  #lastError: SyncError | undefined;

  constructor(store: Store, fetchFn: FetchFn, hubUrl: string, session: Pick<SyncClient, 'withToken'>, options: AttachmentLaneOptions) {
    this.#store = store;
    this.#fetch = fetchFn;
    this.#hubUrl = hubUrl.replace(/\/+$/, '');
    this.#session = session;
    this.#o = { chunkBytes: 1024 * 1024, backoff: defaultBackoff, random: Math.random, now: () => new Date(), ...options };
  }

  /** Files not yet moved either way: `attachmentsWaiting` of the status badge. */
  waiting(): number {
    return this.#store.read(countAttachmentsWaiting);
  }

  /** The last run's failure, if the last run failed (null after a good run). */
  lastError(): SyncError | null {
    return this.#lastError ?? null;
  }

  /** Uploads what is due, lists the commune's new files, downloads what is due. */
  async runOnce(): Promise<AttachmentRun> {
    const run = { uploaded: 0, downloaded: 0, deferred: 0, failed: 0 };
    try {
      // Each file is tried at most once per run, however soon its retry falls due.
      const tried = new Set<string>();
      const fresh = (direction: 'up' | 'down') => this.#due(direction).filter((r) => !tried.has(`${r.direction}/${r.kind}/${r.dossierId}/${r.refId}`));
      const each = async (direction: 'up' | 'down', transfer: (row: AttachmentQueueRow) => Promise<'done' | 'dropped'>): Promise<void> => {
        for (let rows = fresh(direction); rows.length > 0; rows = fresh(direction)) {
          for (const row of rows) {
            tried.add(`${row.direction}/${row.kind}/${row.dossierId}/${row.refId}`);
            await this.#attempt(row, run, () => transfer(row));
          }
        }
      };
      await each('up', (row) => this.#upload(row));
      await this.#listNew();
      await each('down', (row) => this.#download(row));
      this.#lastError = undefined;
      this.#failures = 0;
    } catch (error) {
      this.#failures += 1;
      this.#lastError = error instanceof SyncError ? error : new SyncError('unknown', true, { vi: 'Lỗi đồng bộ tệp đính kèm không xác định.', en: 'Unknown attachment sync error.' });
      throw this.#lastError;
    }
    return run;
  }

  /** Runs every `intervalMs` (after a failure: backoff with jitter) until `dispose`. */
  start(intervalMs: number): void {
    this.#loop.start(intervalMs);
  }

  /** Stops the loop and waits for a run in progress. */
  async dispose(): Promise<void> {
    await this.#loop.dispose();
  }

  #nowIso(): string {
    return this.#o.now().toISOString();
  }

  #due(direction: 'up' | 'down'): AttachmentQueueRow[] {
    const now = this.#nowIso();
    return this.#store.read((db) => (direction === 'up' ? dueUploads(db, now, 100) : dueDownloads(db, now, 100)));
  }

  /** Runs one file's transfer; settles or defers its row, and rethrows only a lost link. */
  async #attempt(row: AttachmentQueueRow, run: { uploaded: number; downloaded: number; deferred: number; failed: number }, transfer: () => Promise<'done' | 'dropped'>): Promise<void> {
    try {
      const outcome = await transfer();
      if (outcome === 'done') run[row.direction === 'up' ? 'uploaded' : 'downloaded'] += 1;
    } catch (error) {
      const e = error instanceof SyncError ? error : new SyncError('local-file', false, { vi: 'Không đọc/ghi được tệp trên máy.', en: 'Could not read or write the file on this PC.' });
      const now = this.#nowIso();
      if (!e.transient && PERMANENT.has(e.code)) {
        run.failed += 1;
        this.#store.write((db) => settleAttachment(db, row, 'failed', now, e.code));
        return;
      }
      run.deferred += 1;
      const next = new Date(this.#o.now().getTime() + backoffDelay(row.attempts, this.#o.random, this.#o.backoff, e.retryAfterMs)).toISOString();
      this.#store.write((db) => deferAttachment(db, row, e.code, next, now));
      if (e.code === 'network' || (e.transient && e.status !== undefined && e.status >= 500)) throw e;
    }
  }

  async #upload(row: AttachmentQueueRow): Promise<'done' | 'dropped'> {
    const link = this.#linkFor(row);
    if (link === undefined) {
      this.#store.write((db) => settleAttachment(db, row, 'dropped', this.#nowIso()));
      return 'dropped';
    }
    const path = row.kind === 'page' ? join(this.#o.pagesDir, `${row.sha256}.jpg`) : join(this.#o.slipsDir, `${row.sha256}.pdf`);
    const size = await stat(path).then((s) => s.size, () => undefined);
    if (size === undefined) throw new SyncError('attachment-file-missing', false, { vi: 'Tệp đính kèm không còn trên máy.', en: 'The file is no longer on this PC.' });
    const file = { dossierId: row.dossierId, sha256: row.sha256, length: size };
    let status = await this.#authorised((t) => blobStatusOf(this.#fetch, this.#hubUrl, t, row.dossierId, row.sha256));
    const handle = await open(path, 'r');
    try {
      while (!status.complete) {
        const length = Math.min(this.#o.chunkBytes, size - status.received);
        const chunk = Buffer.alloc(length);
        await handle.read(chunk, 0, length, status.received);
        const offset = status.received;
        try {
          status = await this.#authorised((t) => sendChunk(this.#fetch, this.#hubUrl, t, file, offset, chunk, hashBytes(chunk)));
        } catch (error) {
          if (!(error instanceof SyncError) || error.code !== 'offset-mismatch') {
            if (error instanceof SyncError && error.code === 'attachment-hash-mismatch' && (await hashFile(path)) !== row.sha256) {
              throw new SyncError('attachment-local-damaged', false, { vi: 'Tệp trên máy bị hỏng (không khớp mã băm).', en: 'The file on this PC is damaged (hash mismatch).' });
            }
            throw error;
          }
          status = await this.#authorised((t) => blobStatusOf(this.#fetch, this.#hubUrl, t, row.dossierId, row.sha256));
        }
        const now = this.#nowIso();
        this.#store.write((db) => setAttachmentOffset(db, row, status.received, now));
      }
    } finally {
      await handle.close();
    }
    await this.#authorised((t) => linkAttachment(this.#fetch, this.#hubUrl, t, row.dossierId, link));
    this.#store.write((db) => settleAttachment(db, row, 'done', this.#nowIso()));
    return 'done';
  }

  /** The link to record for an upload row; undefined when its page was deleted meanwhile. */
  #linkFor(row: AttachmentQueueRow): AttachmentLink | undefined {
    if (row.kind === 'slip') return { sha256: row.sha256, kind: 'slip', refId: row.refId, document: null, page: null };
    return this.#store.read((db) => {
      const page = getPage(db, row.refId);
      const doc = page === undefined ? undefined : getDocument(db, page.documentId);
      if (page === undefined || doc === undefined || page.sha256 !== row.sha256) return undefined;
      return {
        sha256: row.sha256,
        kind: 'page',
        refId: page.id,
        document: { id: doc.id, kind: doc.kind, title: doc.title, position: doc.position },
        page: { id: page.id, position: page.position, bytes: page.bytes, width: page.width, height: page.height, rotation: page.rotation, blank: page.blank, createdAt: page.createdAt },
      };
    });
  }

  /** Queues the commune's files this PC has not got, page by page of the hub's list. */
  async #listNew(): Promise<void> {
    for (;;) {
      const after = this.#store.read((db) => getSyncState(db, ATTACHMENT_CURSOR_KEY));
      const list = await this.#authorised((t) => listAttachments(this.#fetch, this.#hubUrl, t, typeof after === 'number' ? after : 0, 200));
      const now = this.#nowIso();
      this.#store.write((db) => {
        for (const item of list.items) {
          const mine = getAttachmentRow(db, { direction: 'up', kind: item.kind, dossierId: item.dossierId, refId: item.refId }) !== undefined;
          const held = item.kind === 'page' && getPage(db, item.refId) !== undefined;
          if (!mine && !held) queueDownload(db, item, item.sha256, item.size, { document: item.document, page: item.page }, now);
        }
        putSyncState(db, ATTACHMENT_CURSOR_KEY, list.cursor, now);
      });
      if (!list.hasMore) return;
    }
  }

  async #download(row: AttachmentQueueRow): Promise<'done' | 'dropped'> {
    const dir = row.kind === 'page' ? this.#o.pagesDir : this.#o.slipsDir;
    const target = join(dir, row.kind === 'page' ? `${row.sha256}.jpg` : `${row.sha256}.pdf`);
    const exists = await stat(target).then(() => true, () => false);
    if (!exists) {
      const incoming = join(dir, 'incoming');
      await mkdir(incoming, { recursive: true });
      const part = join(incoming, `${row.sha256}.download`);
      const have = await this.#authorised((t) => downloadInto(this.#fetch, this.#hubUrl, t, row.dossierId, row.sha256, part));
      this.#store.write((db) => setAttachmentOffset(db, row, have, this.#nowIso()));
      if ((await hashFile(part)) !== row.sha256) {
        await rm(part, { force: true });
        throw new SyncError('attachment-download-damaged', true, { vi: 'Tệp tải về không khớp mã băm; sẽ tải lại.', en: 'The downloaded file does not match its hash; it will be fetched again.' });
      }
      await rename(part, target);
    }
    const now = this.#nowIso();
    this.#store.write((db) => {
      if (row.kind === 'page') this.#installPage(db, row, now);
      settleAttachment(db, row, 'done', now);
    });
    return 'done';
  }

  /** Writes the downloaded page's rows (and its document's, if new here); never queues it back up. */
  #installPage(db: WriteDb, row: AttachmentQueueRow, now: string): void {
    const meta = row.meta as { document: unknown; page: unknown };
    const doc = documentMeta.parse(meta.document);
    const page = pageMeta.parse(meta.page);
    if (getPage(db, page.id) !== undefined) return;
    if (getDocument(db, doc.id) === undefined) insertDocument(db, { id: doc.id, dossierId: row.dossierId, kind: doc.kind, title: doc.title, position: doc.position, createdAt: now });
    markUploadedElsewhere(db, { kind: 'page', dossierId: row.dossierId, refId: page.id }, row.sha256, page.bytes, now);
    const taken = listPages(db, doc.id);
    const position = taken.some((p) => p.position === page.position) ? taken.reduce((max, p) => Math.max(max, p.position + 1), 0) : page.position;
    insertPage(db, { ...page, sha256: row.sha256, documentId: doc.id, position });
  }
  #authorised<T>(call: (token: string) => Promise<T>): Promise<T> {
    return this.#session.withToken(call);
  }
}
