/**
 * The hub's attachments lane (sync.md §4.7; protocol in `src/sync/protocol/attachments.ts`).
 * Every route names a dossier, and the device's token must be of that dossier's commune: a file
 * for another commune's dossier is refused before a byte is kept. A dossier the hub does not hold
 * yet is a "later" (409), since metadata goes first. Chunks are checked against their own hash
 * before they count; a retried chunk the hub already holds is accepted as is; the whole file is
 * hashed before it is kept. Downloads honour Range.
 *
 * Hardening (issue 13): a file larger than `maxFileBytes` is refused (413); a commune's stored
 * and in-flight bytes stay under `communeBytes` (413) and a device's in-flight partial uploads
 * under `devicePartialBytes` (429); an upload left untouched for `partialTtlMs` is removed by
 * `sweepPartialUploads`. Files are stored once by hash but scoped per commune: a commune links,
 * lists and downloads only files it uploaded itself (`blob_uploads`), so knowing a hash is not
 * enough to reach another commune's scan.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  attachmentLink,
  attachmentListQuery,
  CHUNK_CONTENT_TYPE,
  CHUNK_HEADERS,
  MAX_CHUNK_BYTES,
  sha256Hex,
  type AttachmentItem,
  type AttachmentList,
  type BlobStatus,
} from '../sync/protocol/attachments';
import type { DeviceClaims } from './auth';
import { num, type HubDb } from './db/db';
import { OffsetMismatchError, type BlobStorage } from './storage';

/** Upload limits (issue 13); every field has a default in `DEFAULT_UPLOAD_LIMITS`. */
export interface UploadLimits {
  /** The largest file taken (a scanned page or a slip). */
  readonly maxFileBytes: number;
  /** A commune's whole files plus its uploads in flight. */
  readonly communeBytes: number;
  /** A device's uploads in flight (declared lengths of its partial uploads). */
  readonly devicePartialBytes: number;
  /** A partial upload with no chunk for this long is removed by the sweep. */
  readonly partialTtlMs: number;
}

const MiB = 1024 * 1024;
/** The defaults: 25 MiB a file, 50 GiB a commune, 1 GiB in flight per device, 48 h for a partial. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxFileBytes: 25 * MiB, communeBytes: 50 * 1024 * MiB, devicePartialBytes: 1024 * MiB, partialTtlMs: 48 * 3600_000 };

/**
 * Removes partial uploads untouched for `ttlMs` (their rows and their bytes), and partial files no
 * row names (a crash between the two). The hub runs it on a timer; tests call it directly.
 */
export async function sweepPartialUploads(db: HubDb, storage: BlobStorage, ttlMs: number): Promise<number> {
  const stale = await db.query(`DELETE FROM partial_uploads WHERE touched_at < now() - make_interval(secs => $1) RETURNING commune_id, sha256`, [ttlMs / 1000]);
  for (const r of stale) await storage.discard(String(r.commune_id), String(r.sha256));
  return stale.length + (await storage.sweepPartials(ttlMs));
}

/** What the routes borrow from the server. */
export interface AttachmentRouteDeps {
  readonly db: HubDb;
  readonly storage: BlobStorage;
  readonly device: (req: FastifyRequest, reply: FastifyReply) => Promise<DeviceClaims | undefined>;
  readonly fail: (reply: FastifyReply, status: number, error: string, vi: string, en: string) => FastifyReply;
  readonly limits: UploadLimits;
  /** Route options for the upload routes (their rate limit). */
  readonly uploadRoute: object;
}

const params = z.object({ dossierId: z.string().min(1).max(128), sha256: sha256Hex });
const dossierParam = z.object({ dossierId: z.string().min(1).max(128) });
const hashOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const header = (req: FastifyRequest, name: string): number => z.coerce.number().int().nonnegative().parse(req.headers[name]);

/** Registers the routes in their own scope (the chunk body parser stays local to them). */
export function registerAttachmentRoutes(app: FastifyInstance, deps: AttachmentRouteDeps): void {
  const { db, storage, device, fail, limits, uploadRoute } = deps;

  /** Whether the commune holds the whole file as its own upload: its size, else undefined. */
  const ownBlob = async (communeId: string, sha256: string): Promise<number | undefined> => {
    const [row] = await db.query('SELECT 1 FROM blob_uploads WHERE commune_id = $1 AND sha256 = $2', [communeId, sha256]);
    return row === undefined ? undefined : storage.whole(sha256);
  };
  const statusOf = async (communeId: string, sha256: string): Promise<BlobStatus> => {
    const size = await ownBlob(communeId, sha256);
    return size !== undefined ? { sha256, received: size, complete: true } : { sha256, received: await storage.partial(communeId, sha256), complete: false };
  };

  /** Admits (or refuses, replying) an upload of `length` bytes; records it as in flight. */
  const admit = async (reply: FastifyReply, claims: DeviceClaims, sha256: string, length: number): Promise<boolean> => {
    const [held] = await db.query('SELECT length FROM partial_uploads WHERE commune_id = $1 AND sha256 = $2', [claims.communeId, sha256]);
    if (held === undefined || num(held.length) < length) {
      const [c] = await db.query(
        `SELECT (SELECT coalesce(sum(size), 0) FROM blob_uploads WHERE commune_id = $1)
              + (SELECT coalesce(sum(length), 0) FROM partial_uploads WHERE commune_id = $1 AND sha256 <> $2) AS used`,
        [claims.communeId, sha256],
      );
      if (num(c?.used) + length > limits.communeBytes) {
        void fail(
          reply,
          413,
          'attachment-commune-quota',
          'Dung lượng lưu tệp đính kèm của xã trên máy chủ đã đầy; tệp được giữ trên máy này. Hãy báo quản trị hệ thống thành phố.',
          'The commune’s attachment storage on the hub is full; the file stays on this PC. Tell the city’s system administrator.',
        );
        return false;
      }
      const [d] = await db.query('SELECT coalesce(sum(length), 0) AS used FROM partial_uploads WHERE device_id = $1 AND NOT (commune_id = $2 AND sha256 = $3)', [
        claims.deviceId,
        claims.communeId,
        sha256,
      ]);
      if (num(d?.used) + length > limits.devicePartialBytes) {
        void fail(
          reply,
          429,
          'attachment-device-quota',
          'Máy này đang gửi dở quá nhiều tệp; máy sẽ gửi tiếp tệp này sau khi các tệp khác xong.',
          'This PC has too many files half-sent; it will send this one after the others finish.',
        );
        return false;
      }
    }
    await db.query(
      `INSERT INTO partial_uploads (commune_id, sha256, device_id, length) VALUES ($1, $2, $3, $4)
       ON CONFLICT (commune_id, sha256) DO UPDATE SET touched_at = now(), device_id = excluded.device_id, length = GREATEST(partial_uploads.length, excluded.length)`,
      [claims.communeId, sha256, claims.deviceId, length],
    );
    return true;
  };

  /** The device's commune holds this dossier: otherwise the reply is sent and false returned. */
  const ownDossier = async (req: FastifyRequest, reply: FastifyReply, dossierId: string): Promise<DeviceClaims | undefined> => {
    const claims = await device(req, reply);
    if (claims === undefined) return undefined;
    const [row] = await db.query('SELECT commune_id FROM dossiers WHERE id = $1', [dossierId]);
    if (row === undefined) {
      void fail(reply, 409, 'attachment-dossier-unknown', 'Hồ sơ chưa có trên máy chủ; tệp đính kèm sẽ được gửi sau khi hồ sơ đồng bộ xong.', 'The dossier is not on the hub yet; its files follow once it has synced.');
      return undefined;
    }
    if (row.commune_id !== claims.communeId) {
      void fail(reply, 403, 'attachment-other-commune', 'Hồ sơ này không thuộc xã của máy; tệp đính kèm không được nhận.', 'This dossier is not of this device’s commune; the file is refused.');
      return undefined;
    }
    return claims;
  };

  // A plugin scope, so the chunk body parser applies to these routes only.
  void app.register((scope, _opts, ready) => {
    scope.addContentTypeParser(CHUNK_CONTENT_TYPE, { parseAs: 'buffer', bodyLimit: MAX_CHUNK_BYTES }, (_req, body, done) => done(null, body));

    scope.get('/v1/dossiers/:dossierId/attachments/:sha256/status', uploadRoute, async (req, reply) => {
      const p = params.parse(req.params);
      const claims = await ownDossier(req, reply, p.dossierId);
      if (claims === undefined) return reply;
      return statusOf(claims.communeId, p.sha256);
    });

    scope.patch('/v1/dossiers/:dossierId/attachments/:sha256', uploadRoute, async (req, reply) => {
      const p = params.parse(req.params);
      const offset = header(req, CHUNK_HEADERS.offset);
      const length = header(req, CHUNK_HEADERS.length);
      const chunkHash = sha256Hex.parse(req.headers[CHUNK_HEADERS.sha256]);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const claims = await ownDossier(req, reply, p.dossierId);
      if (claims === undefined) return reply;
      const scopeId = claims.communeId;
      if (length > limits.maxFileBytes) {
        const mib = Math.floor(limits.maxFileBytes / MiB);
        return fail(reply, 413, 'attachment-too-large', `Tệp lớn hơn mức máy chủ nhận (${mib} MiB một tệp) nên không được gửi.`, `The file is larger than the hub takes (${mib} MiB a file) and is not sent.`);
      }
      if (offset + body.length > length) {
        return fail(reply, 400, 'attachment-bad-range', 'Đoạn tệp gửi lên vượt quá kích thước tệp.', 'The chunk runs past the file’s length.');
      }
      if (hashOf(body) !== chunkHash) {
        return fail(reply, 422, 'attachment-chunk-hash', 'Đoạn tệp bị hỏng trên đường truyền; máy sẽ gửi lại.', 'The chunk was damaged in transit; the PC will send it again.');
      }
      const before = await statusOf(scopeId, p.sha256);
      if (before.complete) return before;
      if (!(await admit(reply, claims, p.sha256, length))) return reply;
      let received: number;
      try {
        received = body.length === 0 ? before.received : await storage.append(scopeId, p.sha256, offset, body);
      } catch (error) {
        if (!(error instanceof OffsetMismatchError)) throw error;
        if (!(await storage.holds(scopeId, p.sha256, offset, body))) {
          return reply.code(409).send({
            error: 'offset-mismatch',
            received: error.received,
            message: { vi: 'Máy chủ đang giữ một phần khác của tệp; máy sẽ gửi tiếp từ đó.', en: 'The hub holds a different part of the file; the PC continues from there.' },
          });
        }
        received = error.received;
      }
      if (received < length) return { sha256: p.sha256, received, complete: false } satisfies BlobStatus;
      const whole = (await storage.complete(scopeId, p.sha256)) ? await storage.whole(p.sha256) : undefined;
      if (whole === undefined) {
        await db.query('DELETE FROM partial_uploads WHERE commune_id = $1 AND sha256 = $2', [scopeId, p.sha256]);
        return fail(reply, 422, 'attachment-hash-mismatch', 'Tệp nhận được không khớp mã băm; máy sẽ gửi lại từ đầu.', 'The file received does not match its hash; the PC will send it again from the start.');
      }
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO blobs (sha256, size) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [p.sha256, whole]);
        await tx.query(
          `INSERT INTO blob_uploads (commune_id, sha256, size, device_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (commune_id, sha256) DO UPDATE SET size = excluded.size`,
          [scopeId, p.sha256, whole, claims.deviceId],
        );
        await tx.query('DELETE FROM partial_uploads WHERE commune_id = $1 AND sha256 = $2', [scopeId, p.sha256]);
      });
      return { sha256: p.sha256, received: whole, complete: true } satisfies BlobStatus;
    });
    ready();
  });

  app.post('/v1/dossiers/:dossierId/attachments', uploadRoute, async (req, reply) => {
    const { dossierId } = dossierParam.parse(req.params);
    const link = attachmentLink.parse(req.body);
    if (link.kind === 'page' && (link.page === null || link.document === null || link.refId !== link.page.id)) {
      return fail(reply, 400, 'bad-request', 'Trang quét phải kèm thông tin trang và thành phần hồ sơ.', 'A page needs its page and document rows.');
    }
    const claims = await ownDossier(req, reply, dossierId);
    if (claims === undefined) return reply;
    // Only a file this commune uploaded itself: knowing another commune's hash links nothing.
    if ((await ownBlob(claims.communeId, link.sha256)) === undefined) {
      return fail(reply, 409, 'attachment-incomplete', 'Máy chủ chưa nhận đủ tệp này từ xã.', 'The hub does not hold the whole file from this commune yet.');
    }
    const version = await db.transaction(async (tx) => {
      const [held] = await tx.query('SELECT version FROM attachments WHERE dossier_id = $1 AND kind = $2 AND ref_id = $3', [dossierId, link.kind, link.refId]);
      if (held !== undefined) return { version: num(held.version), created: false };
      // The commune row's lock hands numbers out in commit order, as for the feed.
      const [c] = await tx.query('UPDATE communes SET attachment_version = attachment_version + 1 WHERE id = $1 RETURNING attachment_version', [claims.communeId]);
      const v = num(c?.attachment_version);
      await tx.query(
        `INSERT INTO attachments (dossier_id, kind, ref_id, commune_id, version, sha256, document, page, device_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [dossierId, link.kind, link.refId, claims.communeId, v, link.sha256, JSON.stringify(link.document), JSON.stringify(link.page), claims.deviceId],
      );
      return { version: v, created: true };
    });
    return reply.code(version.created ? 201 : 200).send({ version: version.version });
  });

  app.get('/v1/attachments', async (req, reply) => {
    const claims = await device(req, reply);
    if (claims === undefined) return reply;
    const q = attachmentListQuery.parse(req.query);
    const rows = await db.query(
      `SELECT a.dossier_id, a.kind, a.ref_id, a.version, a.sha256, a.document, a.page, b.size
         FROM attachments a JOIN blobs b ON b.sha256 = a.sha256
        WHERE a.commune_id = $1 AND a.version > $2 ORDER BY a.version LIMIT $3`,
      [claims.communeId, q.after, q.limit + 1],
    );
    const page = rows.slice(0, q.limit);
    const items: AttachmentItem[] = page.map((r) => ({
      dossierId: String(r.dossier_id),
      kind: r.kind === 'slip' ? 'slip' : 'page',
      refId: String(r.ref_id),
      version: num(r.version),
      sha256: String(r.sha256),
      size: num(r.size),
      document: jsonOrNull(r.document) as AttachmentItem['document'],
      page: jsonOrNull(r.page) as AttachmentItem['page'],
    }));
    return { items, cursor: items.at(-1)?.version ?? q.after, hasMore: rows.length > q.limit } satisfies AttachmentList;
  });

  app.get('/v1/dossiers/:dossierId/attachments/:sha256', async (req, reply) => {
    const p = params.parse(req.params);
    const claims = await ownDossier(req, reply, p.dossierId);
    if (claims === undefined) return reply;
    const [linked] = await db.query(
      'SELECT 1 FROM attachments a JOIN blob_uploads u ON u.commune_id = a.commune_id AND u.sha256 = a.sha256 WHERE a.dossier_id = $1 AND a.sha256 = $2 AND a.commune_id = $3 LIMIT 1',
      [p.dossierId, p.sha256, claims.communeId],
    );
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    const start = range === null ? 0 : Number(range[1]);
    const end = range === null || range[2] === '' ? undefined : Number(range[2]);
    const file = linked === undefined ? undefined : await storage.read(p.sha256, start, end);
    if (file === undefined) {
      return fail(reply, 404, 'attachment-missing', 'Máy chủ không có tệp này (hoặc tệp bị hỏng).', 'The hub does not hold this file (or it is damaged).');
    }
    const last = end ?? file.size - 1;
    if (range !== null && (start >= file.size || last < start)) {
      file.stream.destroy();
      return reply.code(416).header('content-range', `bytes */${file.size}`).send();
    }
    void reply.header('content-type', 'application/octet-stream').header('accept-ranges', 'bytes').header('x-content-sha256', p.sha256);
    if (range !== null) void reply.code(206).header('content-range', `bytes ${start}-${last}/${file.size}`);
    void reply.header('content-length', String(last - start + 1));
    return reply.send(file.stream);
  });
}

// JSONB arrives parsed from both drivers; a string would be a double-encoded value.
const jsonOrNull = (value: unknown): unknown => (typeof value === 'string' ? (JSON.parse(value) as unknown) : (value ?? null));
