/**
 * The PC's HTTP calls of the attachments lane (protocol: `protocol/attachments.ts`). JSON answers
 * go through `callHub` (so failures are the same `SyncError`s as push and pull); a download
 * streams into a file, resuming with Range from the bytes already there.
 */
import { open } from 'node:fs/promises';
import { z } from 'zod';
import {
  attachmentList,
  blobStatus,
  CHUNK_CONTENT_TYPE,
  CHUNK_HEADERS,
  type AttachmentLink,
  type AttachmentList,
  type BlobStatus,
} from './protocol/attachments';
import { callHub, SyncError, type FetchFn } from './hub-api';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const fileUrl = (hubUrl: string, dossierId: string, sha256: string) => `${hubUrl}/v1/dossiers/${encodeURIComponent(dossierId)}/attachments/${sha256}`;

/** How many bytes of the file the hub holds. */
export function blobStatusOf(fetchFn: FetchFn, hubUrl: string, token: string, dossierId: string, sha256: string): Promise<BlobStatus> {
  return callHub(fetchFn, `${fileUrl(hubUrl, dossierId, sha256)}/status`, { method: 'GET', headers: auth(token) }, blobStatus);
}

/** Sends `bytes` at `offset` of a file of `length` bytes, with the chunk's own SHA-256. */
export function sendChunk(fetchFn: FetchFn, hubUrl: string, token: string, file: { dossierId: string; sha256: string; length: number }, offset: number, bytes: Uint8Array, chunkSha256: string): Promise<BlobStatus> {
  return callHub(
    fetchFn,
    fileUrl(hubUrl, file.dossierId, file.sha256),
    {
      method: 'PATCH',
      headers: {
        ...auth(token),
        'content-type': CHUNK_CONTENT_TYPE,
        [CHUNK_HEADERS.offset]: String(offset),
        [CHUNK_HEADERS.length]: String(file.length),
        [CHUNK_HEADERS.sha256]: chunkSha256,
      },
      body: bytes,
    },
    blobStatus,
    120_000,
  );
}

/** Records a whole file against its dossier (idempotent). */
export function linkAttachment(fetchFn: FetchFn, hubUrl: string, token: string, dossierId: string, link: AttachmentLink): Promise<{ version: number }> {
  return callHub(
    fetchFn,
    `${hubUrl}/v1/dossiers/${encodeURIComponent(dossierId)}/attachments`,
    { method: 'POST', headers: { ...auth(token), 'content-type': 'application/json' }, body: JSON.stringify(link) },
    z.object({ version: z.number().int().positive() }),
  );
}

/** The commune's files recorded after `after`. */
export function listAttachments(fetchFn: FetchFn, hubUrl: string, token: string, after: number, limit: number): Promise<AttachmentList> {
  return callHub(fetchFn, `${hubUrl}/v1/attachments?${new URLSearchParams({ after: String(after), limit: String(limit) }).toString()}`, { method: 'GET', headers: auth(token) }, attachmentList);
}

/**
 * Appends the file's bytes to `path`, starting after those already there (Range). Returns the
 * bytes now on disk; the caller checks the hash. A cut mid-stream keeps what arrived.
 */
export async function downloadInto(fetchFn: FetchFn, hubUrl: string, token: string, dossierId: string, sha256: string, path: string): Promise<number> {
  const handle = await open(path, 'a+');
  try {
    let have = (await handle.stat()).size;
    let res: Response;
    try {
      res = await fetchFn(fileUrl(hubUrl, dossierId, sha256), { method: 'GET', headers: { ...auth(token), ...(have > 0 ? { range: `bytes=${have}-` } : {}) }, signal: AbortSignal.timeout(300_000) });
    } catch {
      throw new SyncError('network', true, { vi: 'Không kết nối được máy chủ; sẽ tự thử lại.', en: 'Cannot reach the hub; will retry.' });
    }
    if (res.status === 416) return have;
    if (!res.ok || res.body === null) {
      await res.body?.cancel();
      const transient = res.status >= 500 || res.status === 404;
      throw new SyncError(`http-${res.status}`, transient, { vi: `Máy chủ báo lỗi ${res.status} khi tải tệp.`, en: `The hub answered ${res.status} to a download.` }, res.status);
    }
    if (res.status === 200 && have > 0) {
      // The hub sent the whole file: start the file over.
      await handle.truncate(0);
      have = 0;
    }
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        await handle.write(chunk, 0, chunk.length, have);
        have += chunk.length;
      }
    } catch {
      throw new SyncError('network', true, { vi: 'Mất kết nối khi đang tải tệp; sẽ tải tiếp.', en: 'The link dropped during a download; it will resume.' });
    }
    await handle.sync();
    return have;
  } finally {
    await handle.close();
  }
}
