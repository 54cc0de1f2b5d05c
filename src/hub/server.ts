/**
 * The hub's HTTP surface (Fastify). Device routes need a bearer token and act only on the
 * token's commune; admin routes need the admin token from config; the portal route needs the
 * portal token. Bodies are parsed with the protocol's zod schemas; every error has a stable code
 * and a Vietnamese + English message.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  challengeRequest,
  type ChallengeResponse,
  errorResponse,
  type ErrorResponse,
  enrolRequest,
  MIN_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  provisionStatusRequest,
  pullQuery,
  pushRequest,
  tokenRequest,
  type TokenResponse,
} from '../sync/protocol/messages';
import { AgencyCodeTakenError, createCommune, enrolDevice, intakePortalDossier, issueEnrolCode, patchAccount, publishAdminUnits, publishHolidays, publishProcedure, putAccount, revokeDevice } from './admin';
import { CHALLENGE_TTL_S, isDevicePublicKey, newNonce, sameDigest, sha256Hex, TOKEN_TTL_S, verifyDeviceSignature, type DeviceClaims, type TokenSigner } from './auth';
import { num, type HubDb } from './db/db';
import * as msg from './messages';
import { applyPush, SeqGapError } from './push';
import { readPull } from './pull';
import { cityStats } from './stats';
import { listHubConflicts } from './conflicts';
// issue 7a: attachments lane and long-poll
import { registerAttachmentRoutes } from './attachments';
import { FeedNotifier } from './feed-notifier';
import { readPullWaiting } from './long-poll';
import type { BlobStorage } from './storage';
// issue 12: the hub's signing key and provisioning packages
import { checkHubUrl } from '../shared/provisioning/package';
import { loadHubIdentity, type HubIdentity } from './identity';
import { issueProvisionPackage, provisionStatus, type PackageRefusal } from './provisioning';
// issue 13: hub hardening (rate limits, upload limits, sweep and scrub)
import rateLimit from '@fastify/rate-limit';
import { DEFAULT_UPLOAD_LIMITS, sweepPartialUploads, type UploadLimits } from './attachments';

/** One rate limit: at most `max` requests per `windowMs` per key (the device of a valid token, else the client's IP). */
export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

/** Rate limits per route group (issue 13). */
export interface RateLimits {
  /** `POST /v1/enrol` and `POST /v1/provision/status`. */
  readonly enrol: RateLimit;
  /** `POST /v1/challenge` and `POST /v1/token` (each counted apart). */
  readonly auth: RateLimit;
  /** The upload routes: chunk, upload status and link (each counted apart). */
  readonly upload: RateLimit;
}

/**
 * Generous defaults: a commune's PCs behind one NAT address, a whole city re-enrolling after an
 * outage, or a 25 MiB scan in 1 MiB chunks never meet them; a script guessing codes does.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  enrol: { max: 300, windowMs: 60_000 },
  auth: { max: 3000, windowMs: 60_000 },
  upload: { max: 1200, windowMs: 60_000 },
};

/** How often the hub sweeps expired partial uploads and scrubs its stored files, by default. */
export const DEFAULT_SWEEP_INTERVAL_MS = 3600_000;
export const DEFAULT_SCRUB_INTERVAL_MS = 24 * 3600_000;

/** What a refused-for-rate request throws; the error handler answers 429 with it. */
class RateLimitedError extends Error {
  readonly statusCode = 429;
  constructor(readonly retryAfterS: number) {
    super('rate limited');
  }
}

/** What the hub needs to run. */
export interface HubOptions {
  readonly db: HubDb;
  /** Guards /v1/admin/*; at least 16 characters. */
  readonly adminToken: string;
  /** Guards /v1/portal/*; the citizen portal's credential. */
  readonly portalToken: string;
  /** HMAC key for device tokens (random per process when absent: a restart only costs a re-login). */
  readonly signer: TokenSigner;
  /** The oldest device protocol served (MIN_PROTOCOL_VERSION unless a test or a rollout says otherwise). */
  readonly minProtocol?: number;
  /** Where attachment files live (files on disk by default, `storage-fs.ts`); without it the attachment routes are absent. */
  readonly storage?: BlobStorage;
  /** Upload limits and quotas (issue 13); absent fields take `DEFAULT_UPLOAD_LIMITS`. */
  readonly uploadLimits?: Partial<UploadLimits>;
  /** Rate limits (issue 13); absent groups take `DEFAULT_RATE_LIMITS`. */
  readonly rateLimits?: Partial<RateLimits>;
  /** How often expired partial uploads are swept (ms; 0: never, the caller calls the sweep). */
  readonly sweepIntervalMs?: number;
  /** How often every stored file is re-hashed (ms; 0: never). */
  readonly scrubIntervalMs?: number;
}

const fail = (reply: FastifyReply, status: number, error: string, vi: string, en: string): FastifyReply =>
  reply.code(status).send(errorResponse.parse({ error, message: { vi, en } } satisfies ErrorResponse));

const bearer = (req: FastifyRequest): string | undefined => /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];

const packageRefused = (reply: FastifyReply, why: PackageRefusal): FastifyReply => {
  switch (why) {
    case 'no-commune':
      return fail(reply, 404, 'commune-unknown', 'Không có xã này trên máy chủ.', 'No such commune on the hub.');
    case 'commune-incomplete':
      return fail(
        reply,
        409,
        'commune-incomplete',
        'Xã chưa có mã định danh đơn vị hoặc tỉnh/thành phố trên máy chủ; hãy bổ sung trước khi cấp gói cài đặt.',
        'The commune has no agency code or province on the hub yet; add them before issuing a package.',
      );
    case 'slot-invalid':
      return fail(reply, 400, 'slot-invalid', 'Số máy không phải một quầy của xã (0–8).', 'The slot is not one of the commune counters (0–8).');
    case 'slot-taken':
      return fail(
        reply,
        409,
        'slot-taken',
        'Vị trí máy này đang có máy hoạt động hoặc một gói cài đặt chưa dùng. Nếu máy cũ hỏng, hãy cấp gói thay thế.',
        'This slot has an active PC or an unused package. If the old PC broke, issue a replacement package.',
      );
    case 'no-free-slot':
      return fail(reply, 409, 'no-free-slot', 'Xã đã dùng hết các vị trí máy; chỉ còn cấp được gói thay thế.', 'Every slot of the commune is taken; only replacement packages can be issued.');
    case 'spare-pool-exhausted':
      return fail(
        reply,
        409,
        'spare-pool-exhausted',
        'Hôm nay xã đã nhận hết số gói thay thế được phép trong ngày; hãy cấp lại vào ngày mai.',
        'The commune has used up today’s replacement packages; issue it again tomorrow.',
      );
  }
};

/** Builds the server (not listening); the caller owns `listen` and `close`. */
export function buildHub(options: HubOptions): FastifyInstance {
  const { db, signer } = options;
  const app = Fastify({ logger: false, bodyLimit: 8 * 1024 * 1024 });

  app.setErrorHandler((error: { statusCode?: number }, _req, reply) => {
    if (error instanceof RateLimitedError) {
      return fail(
        reply.header('retry-after', String(error.retryAfterS)),
        429,
        'rate-limited',
        `Máy chủ đang nhận quá nhiều yêu cầu từ máy này; hãy thử lại sau ${error.retryAfterS} giây.`,
        `The hub is getting too many requests from this PC; try again in ${error.retryAfterS} seconds.`,
      );
    }
    if (error instanceof z.ZodError) return fail(reply, 400, 'bad-request', 'Yêu cầu không đúng định dạng.', 'The request is malformed.');
    if (error.statusCode !== undefined && error.statusCode < 500) return fail(reply, error.statusCode, 'bad-request', 'Yêu cầu không hợp lệ.', 'Invalid request.');
    return fail(reply, 503, 'hub-unavailable', 'Máy chủ tạm thời không xử lý được; máy sẽ tự thử lại.', 'The hub could not process this now; the PC will retry.');
  });

  // A revoked device is out at its next request, not when its token lapses: a replaced PC
  // must not keep pushing (issue 12). One primary-key read per device request.
  const device = async (req: FastifyRequest, reply: FastifyReply): Promise<DeviceClaims | undefined> => {
    const claims = signer.verify(bearer(req) ?? '');
    if (claims === undefined) {
      void fail(reply, 401, 'unauthorised', 'Phiên làm việc với máy chủ đã hết hạn hoặc không hợp lệ.', 'The hub session expired or is invalid.');
      return undefined;
    }
    const [row] = await db.query('SELECT revoked FROM devices WHERE id = $1', [claims.deviceId]);
    if (row === undefined || row.revoked === true) {
      void fail(reply, 401, 'device-unknown', 'Máy này chưa được đăng ký với máy chủ hoặc đã bị thu hồi.', 'This PC is not enrolled with the hub or was revoked.');
      return undefined;
    }
    return claims;
  };
  const guard = (token: string) => (req: FastifyRequest, reply: FastifyReply): boolean => {
    if (sameDigest(sha256Hex(bearer(req) ?? ''), sha256Hex(token))) return true;
    void fail(reply, 401, 'unauthorised', 'Không có quyền thực hiện.', 'Not authorised.');
    return false;
  };
  const admin = guard(options.adminToken);

  // Rate limits (issue 13), keyed by the device of a valid token (never the token itself), else the IP.
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const rateKey = (req: FastifyRequest): string => {
    const claims = signer.verify(bearer(req) ?? '');
    return claims === undefined ? `ip:${req.ip}` : `device:${claims.deviceId}`;
  };
  const limited = (l: RateLimit): { config: { rateLimit: object } } => ({
    config: {
      rateLimit: {
        max: l.max,
        timeWindow: l.windowMs,
        keyGenerator: rateKey,
        errorResponseBuilder: (_req: FastifyRequest, ctx: { ttl: number }) => new RateLimitedError(Math.max(1, Math.ceil(ctx.ttl / 1000))),
      },
    },
  });
  // Loaded before the plugin scopes below that declare the limited routes.
  void app.register(rateLimit, { global: false });
  const portal = guard(options.portalToken);

  // The hub's signing key, read (or made, by the first hub on this database) before it listens.
  let identityLoad: Promise<HubIdentity> | undefined;
  const identity = (): Promise<HubIdentity> =>
    (identityLoad ??= loadHubIdentity(db).catch((error: unknown) => {
      identityLoad = undefined;
      throw error;
    }));
  app.addHook('onReady', async () => void (await identity()));

  // Long-polls wake on the feed's NOTIFY; closing the hub releases them at once.
  const notifier = new FeedNotifier(db);
  app.addHook('onReady', () => notifier.start());
  app.addHook('preClose', () => notifier.close());
  if (options.storage !== undefined) {
    const storage = options.storage;
    const uploadLimits = { ...DEFAULT_UPLOAD_LIMITS, ...options.uploadLimits };
    void app.register((scope, _opts, done) => {
      registerAttachmentRoutes(scope, { db, storage, device, fail, limits: uploadLimits, uploadRoute: limited(limits.upload) });
      done();
    });
    // Expired partial uploads go, and every stored file is re-hashed, on timers the hub's close stops.
    const timers: NodeJS.Timeout[] = [];
    const every = (ms: number, job: () => Promise<unknown>): void => {
      if (ms <= 0) return;
      let running = false;
      const t = setInterval(() => {
        if (running) return;
        running = true;
        // A failed run (the database away) is simply tried again at the next tick.
        void job()
          .catch(() => undefined)
          .finally(() => (running = false));
      }, ms);
      t.unref();
      timers.push(t);
    };
    app.addHook('onReady', (done) => {
      every(options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS, () => sweepPartialUploads(db, storage, uploadLimits.partialTtlMs));
      every(options.scrubIntervalMs ?? DEFAULT_SCRUB_INTERVAL_MS, () => storage.scrub());
      done();
    });
    app.addHook('preClose', (done) => {
      for (const t of timers) clearInterval(t);
      done();
    });
  }

  app.get('/v1/health', () => ({ ok: true }));

  // Version negotiation (sync.md §4.4): a device too old for this hub gets 426 and a message the
  // clerk can act on, before its body is read against schemas it would fail in confusing ways.
  const minProtocol = options.minProtocol ?? MIN_PROTOCOL_VERSION;
  app.addHook('preHandler', async (req, reply) => {
    if (!req.url.startsWith('/v1/') || /^\/v1\/(admin|portal|health)(\/|\?|$)/.test(req.url)) return;
    const header = Number(req.headers[PROTOCOL_HEADER]);
    const inBody = (req.body as { protocol?: unknown } | undefined)?.protocol;
    const spoken = Number.isFinite(header) && req.headers[PROTOCOL_HEADER] !== undefined ? header : typeof inBody === 'number' ? inBody : undefined;
    if (spoken !== undefined && spoken < minProtocol) {
      return fail(
        reply,
        426,
        'upgrade-required',
        `Phiên bản phần mềm trên máy này đã cũ (giao thức ${spoken}); máy chủ thành phố cần giao thức ${minProtocol} trở lên. Hãy cập nhật Motcua Desk; hồ sơ vẫn được giữ trên máy và sẽ gửi sau khi cập nhật.`,
        `This PC's application is too old (protocol ${spoken}); the city hub needs protocol ${minProtocol} or later. Update Motcua Desk; dossiers are kept on this PC and will be sent after the update.`,
      );
    }
  });

  // In a plugin scope loaded after the rate-limit plugin, so its onRoute hook sees their `config.rateLimit`.
  void app.register((scope, _opts, done) => {
    scope.post('/v1/enrol', limited(limits.enrol), async (req, reply) => {
      const body = enrolRequest.parse(req.body);
      if (!isDevicePublicKey(body.publicKey)) return fail(reply, 400, 'device-key-invalid', 'Khoá công khai của máy không hợp lệ.', "The PC's public key is not valid.");
      const enrolled = await enrolDevice(db, body.code, body.deviceName, body.publicKey, body.startAfterSeq, await identity());
      if (enrolled === undefined) return fail(reply, 403, 'enrol-code-invalid', 'Mã đăng ký không đúng, đã dùng hoặc đã hết hạn.', 'The enrolment code is wrong, used or expired.');
      return enrolled;
    });

    // Asked by a PC before it applies a package (when the hub answers): no credential, it names only a package id.
    scope.post('/v1/provision/status', limited(limits.enrol), async (req) => provisionStatus(db, provisionStatusRequest.parse(req.body).packageId));

    const deviceRefused = (reply: FastifyReply): FastifyReply =>
      fail(reply, 401, 'device-unknown', 'Máy này chưa được đăng ký với máy chủ hoặc đã bị thu hồi.', 'This PC is not enrolled with the hub or was revoked.');

    // Challenges live in the database, not in memory: any hub node can answer the token request.
    scope.post('/v1/challenge', limited(limits.auth), async (req, reply) => {
      const body = challengeRequest.parse(req.body);
      const nonce = newNonce();
      await db.query("DELETE FROM auth_challenges WHERE expires_at < now() - interval '1 minute'");
      const made = await db.query(
        `INSERT INTO auth_challenges (nonce, device_id, expires_at) SELECT $1, id, now() + make_interval(secs => $3) FROM devices WHERE id = $2 AND NOT revoked RETURNING nonce`,
        [nonce, body.deviceId, CHALLENGE_TTL_S],
      );
      if (made.length === 0) return deviceRefused(reply);
      return { nonce, expiresInS: CHALLENGE_TTL_S } satisfies ChallengeResponse;
    });

    scope.post('/v1/token', limited(limits.auth), async (req, reply) => {
      const body = tokenRequest.parse(req.body);
      // Spending the nonce first makes it single-use even when the signature turns out wrong.
      const [spent] = await db.query('DELETE FROM auth_challenges WHERE nonce = $1 AND device_id = $2 AND expires_at > now() RETURNING nonce', [body.nonce, body.deviceId]);
      const [row] = await db.query('SELECT commune_id, public_key, revoked, last_applied_seq FROM devices WHERE id = $1', [body.deviceId]);
      if (spent === undefined || row === undefined || row.revoked === true || typeof row.public_key !== 'string' || !verifyDeviceSignature(row.public_key, body.deviceId, body.nonce, body.signature)) {
        return deviceRefused(reply);
      }
      const token = signer.issue({ deviceId: body.deviceId, communeId: String(row.commune_id) });
      return { token, expiresInS: TOKEN_TTL_S, lastAppliedSeq: num(row.last_applied_seq) } satisfies TokenResponse;
    });
    done();
  });

  app.post('/v1/push', async (req, reply) => {
    const claims = await device(req, reply);
    if (claims === undefined) return reply;
    const body = pushRequest.parse(req.body);
    if (body.deviceId !== claims.deviceId) return fail(reply, 403, 'forbidden', 'Máy chỉ được gửi dữ liệu của chính mình.', 'A device may push only its own changes.');
    try {
      return await applyPush(db, claims.deviceId, claims.communeId, body.mutations);
    } catch (error) {
      if (error instanceof SeqGapError) return reply.code(409).send({ error: 'seq-gap', appliedThrough: error.appliedThrough });
      throw error;
    }
  });

  app.get('/v1/pull', async (req, reply) => {
    const claims = await device(req, reply);
    if (claims === undefined) return reply;
    const q = pullQuery.parse(req.query);
    if (q.wait === 0) return readPull(db, claims.communeId, q.cursor, q.limit);
    const gone = new AbortController();
    reply.raw.once('close', () => gone.abort());
    const page = await readPullWaiting(db, notifier, { communeId: claims.communeId, cursor: q.cursor, limit: q.limit, waitS: q.wait }, gone.signal);
    // Released by a closing hub: a kept-alive socket would hold the close open until it timed out.
    if (notifier.closed) void reply.header('connection', 'close');
    return page;
  });

  app.post('/v1/admin/communes', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    const body = msg.createCommune.parse(req.body);
    let created: boolean;
    try {
      created = await createCommune(db, body.id, body.name, { agencyCode: body.agencyCode, province: body.province });
    } catch (error) {
      if (!(error instanceof AgencyCodeTakenError)) throw error;
      return fail(reply, 409, 'agency-code-taken', `Mã đơn vị ${error.agencyCode} đã thuộc một xã khác trên máy chủ.`, `The agency code ${error.agencyCode} already belongs to another commune on the hub.`);
    }
    return reply.code(created ? 201 : 200).send({ id: body.id, created });
  });

  // The hub's public key (SPKI DER, base64): what every package names; the private half never leaves the database.
  app.get('/v1/admin/hub-key', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    return { publicKey: (await identity()).publicKey };
  });

  app.post('/v1/admin/communes/:id/provision-packages', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    const { id } = z.object({ id: z.string() }).parse(req.params);
    const body = msg.provisionPackage.parse(req.body);
    if (checkHubUrl(body.hubUrl) !== undefined) {
      return fail(
        reply,
        400,
        'hub-url-invalid',
        'Địa chỉ máy chủ trong gói cài đặt phải dùng https (http chỉ được dùng cho máy chủ trên chính máy này).',
        'The hub address in a package must use https (plain http only for a hub on the same machine).',
      );
    }
    const issued = await issueProvisionPackage(db, await identity(), id, body);
    if (typeof issued === 'string') return packageRefused(reply, issued);
    return reply.code(201).send(issued);
  });

  app.post('/v1/admin/communes/:id/enrol-codes', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    const { id } = z.object({ id: z.string() }).parse(req.params);
    const issued = await issueEnrolCode(db, id, msg.createEnrolCode.parse(req.body ?? {}).ttlHours);
    if (issued === undefined) return fail(reply, 404, 'commune-unknown', 'Không có xã này trên máy chủ.', 'No such commune on the hub.');
    return reply.code(201).send(issued);
  });

  app.post('/v1/admin/devices/:id/revoke', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    const { id } = z.object({ id: z.string() }).parse(req.params);
    if (!(await revokeDevice(db, id))) return fail(reply, 404, 'device-unknown', 'Không có máy này trên máy chủ.', 'No such device on the hub.');
    return reply.code(204).send();
  });

  app.put('/v1/admin/admin-units', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    return { changed: await publishAdminUnits(db, msg.publishAdminUnits.parse(req.body).units) };
  });

  app.put('/v1/admin/communes/:id/accounts/:accountId', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    const { id, accountId } = z.object({ id: z.string(), accountId: z.string().min(1).max(64) }).parse(req.params);
    const outcome = await putAccount(db, id, accountId, msg.putAccount.parse(req.body));
    if (outcome === 'no-commune') return fail(reply, 404, 'commune-unknown', 'Không có xã này trên máy chủ.', 'No such commune on the hub.');
    if (outcome === 'username-taken') return fail(reply, 409, 'username-taken', 'Tên đăng nhập này đã có tài khoản khác dùng.', 'Another account already uses this user name.');
    return reply.code(204).send();
  });

  app.patch('/v1/admin/communes/:id/accounts/:accountId', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    const { id, accountId } = z.object({ id: z.string(), accountId: z.string().min(1).max(64) }).parse(req.params);
    const outcome = await patchAccount(db, id, accountId, msg.patchAccount.parse(req.body));
    if (outcome === 'not-found') return fail(reply, 404, 'account-unknown', 'Không có tài khoản này của xã trên máy chủ.', 'No such account of this commune on the hub.');
    // The temporary password is in this answer only; the hub keeps its hash.
    return outcome.temporaryPassword === undefined ? reply.code(204).send() : outcome;
  });

  app.get('/v1/admin/conflicts', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    const q = msg.conflictsQuery.parse(req.query);
    return { conflicts: await listHubConflicts(db, { communeId: q.commune, all: q.all === 'true', limit: q.limit }) };
  });

  app.get('/v1/admin/stats', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    const q = msg.statsQuery.parse(req.query);
    return { from: q.from, to: q.to, communes: await cityStats(db, q.from, q.to) };
  });

  app.put('/v1/admin/holidays/:year', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    const { year } = z.object({ year: z.coerce.number().int().min(1900).max(2100) }).parse(req.params);
    await publishHolidays(db, year, msg.publishHolidays.parse(req.body).overlay);
    return reply.code(204).send();
  });

  app.post('/v1/admin/procedures', async (req, reply) => {
    if (!admin(req, reply)) return reply;
    await publishProcedure(db, msg.publishProcedure.parse(req.body));
    return reply.code(204).send();
  });

  app.post('/v1/portal/dossiers', async (req, reply) => {
    if (!portal(req, reply)) return reply;
    const outcome = await intakePortalDossier(db, msg.portalDossier.parse(req.body));
    if (outcome === 'no-commune') return fail(reply, 404, 'commune-unknown', 'Không có xã này trên máy chủ.', 'No such commune on the hub.');
    return reply.code(outcome === 'created' ? 201 : 200).send({ outcome });
  });

  return app;
}
