/**
 * The sync protocol between a commune PC and the city hub (sync.md §4), version 1. Both sides
 * parse every body with these schemas, so a field one side does not know is a loud error, not
 * a silent loss. Cursors are the hub's per-commune change counter, never a clock (§4.5).
 */
import { z } from 'zod';
import { roles } from '../../shared/dossier/roles';

/** Bumped on any incompatible change; it is also the `/v1` in every path. */
export const PROTOCOL_VERSION = 1;

/** The oldest protocol the hub still serves: an older client gets 426 and a Vietnamese message. */
export const MIN_PROTOCOL_VERSION = 1;

/** Every device request names its protocol version in this header, GETs included. */
export const PROTOCOL_HEADER = 'x-motcua-protocol';

/** A message a clerk may read, Vietnamese first. */
export const localizedText = z.object({ vi: z.string(), en: z.string() });

/** POST /v1/enrol: a one-time code issued by the hub for one commune, and the PC's public key. */
export const enrolRequest = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  code: z.string().min(6).max(64),
  deviceName: z.string().min(1).max(120),
  /** The PC's Ed25519 public key, SPKI DER in base64 (sync.md §4.3); its private half never leaves the PC. */
  publicKey: z.string().min(40).max(200),
  /** The PC's last outbox seq already settled elsewhere (a re-enrolled PC): pushes continue after it. */
  startAfterSeq: z.number().int().nonnegative().default(0),
});
export type EnrolRequest = z.infer<typeof enrolRequest>;

/**
 * The device's identity on the hub; no secret travels, the PC proves itself by signing. The hub
 * signs its answer with its Ed25519 key (`enrolAnswerMessage`): a PC provisioned by a package
 * accepts only an answer signed by the key that package names (issue 12).
 */
export const enrolResponse = z.object({
  deviceId: z.string(),
  communeId: z.string(),
  /** The slot of the package the code came from; null for a code issued without a package. */
  slot: z.number().int().min(0).max(9).nullable().default(null),
  /** base64 Ed25519 signature over `enrolAnswerMessage(...)`. */
  signature: z.string().min(1).max(200),
});
export type EnrolResponse = z.infer<typeof enrolResponse>;

/** What the hub signs in its enrolment answer: bound to the PC's own public key, so it cannot be replayed to another PC. */
export const enrolAnswerMessage = (a: { deviceId: string; communeId: string; publicKey: string }): string =>
  `motcua-enrol-v${PROTOCOL_VERSION}\n${a.deviceId}\n${a.communeId}\n${a.publicKey}`;

/** POST /v1/provision/status: whether a package's enrolment code is still unspent (asked before applying it, when the hub answers). */
export const provisionStatusRequest = z.object({ protocol: z.literal(PROTOCOL_VERSION), packageId: z.string().min(8).max(64) });
export const provisionStatusResponse = z.object({ state: z.enum(['unused', 'used', 'expired', 'withdrawn', 'unknown']) });
export type ProvisionStatusResponse = z.infer<typeof provisionStatusResponse>;

/** POST /v1/challenge: a nonce for the device to sign (single use, short-lived, kept by the hub). */
export const challengeRequest = z.object({ protocol: z.literal(PROTOCOL_VERSION), deviceId: z.string() });
export const challengeResponse = z.object({ nonce: z.string().min(32), expiresInS: z.number().int().positive() });
export type ChallengeResponse = z.infer<typeof challengeResponse>;

/** What the device signs: the nonce bound to its id and this protocol, never a clock. */
export const challengeMessage = (deviceId: string, nonce: string): string => `motcua-sync-v${PROTOCOL_VERSION}\n${deviceId}\n${nonce}`;

/** POST /v1/token: the device's Ed25519 signature (base64) over `challengeMessage` buys a short-lived bearer token. */
export const tokenRequest = z.object({ protocol: z.literal(PROTOCOL_VERSION), deviceId: z.string(), nonce: z.string(), signature: z.string().min(1).max(200) });
export type TokenRequest = z.infer<typeof tokenRequest>;
export const tokenResponse = z.object({ token: z.string(), expiresInS: z.number().int().positive(), lastAppliedSeq: z.number().int().nonnegative() });
export type TokenResponse = z.infer<typeof tokenResponse>;

/** One outbox row as sent: `seq` is gap-free per device, `key` its UUIDv7 idempotency key. */
export const mutation = z.object({
  seq: z.number().int().positive(),
  key: z.string().min(1),
  kind: z.string().min(1),
  entityId: z.string().min(1),
  payload: z.unknown(),
});
export type Mutation = z.infer<typeof mutation>;

/** POST /v1/push. */
export const pushRequest = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  deviceId: z.string(),
  mutations: z.array(mutation).min(1).max(500),
});
export type PushRequest = z.infer<typeof pushRequest>;

/** A mutation the hub will never apply; it is recorded on both sides and skipped (Replicache rule). */
export const rejection = z.object({ seq: z.number().int().positive(), code: z.string(), message: localizedText });
export type Rejection = z.infer<typeof rejection>;

/**
 * Everything up to `appliedThrough` is settled (applied or rejected); the client may mark those
 * rows sent. A `rejected` entry may repeat on a retry: the hub returns what it recorded.
 */
export const pushResponse = z.object({ appliedThrough: z.number().int().nonnegative(), rejected: z.array(rejection) });
export type PushResponse = z.infer<typeof pushResponse>;

/** 409 on push: the batch does not start right after the hub's last applied seq. */
export const seqGapResponse = z.object({ error: z.literal('seq-gap'), appliedThrough: z.number().int().nonnegative() });

/** The longest long-poll: below common proxy idle timeouts (30–60 s). */
export const MAX_PULL_WAIT_S = 25;

/** GET /v1/pull?cursor=&limit=&wait= : a change counter issued by this hub for this commune. */
export const pullQuery = z.object({
  cursor: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  /** Long-poll (§4.5): with nothing after `cursor`, the hub holds the answer up to this many seconds. */
  wait: z.coerce.number().int().min(0).max(MAX_PULL_WAIT_S).default(0),
});
export type PullQuery = z.infer<typeof pullQuery>;

/** A dossier as the hub holds it: the latest snapshot sent by a PC or created by the portal. */
export const dossierItem = z.object({
  type: z.literal('dossier'),
  version: z.number().int().positive(),
  id: z.string(),
  rowVersion: z.number().int().positive(),
  status: z.string(),
  snapshot: z.record(z.string(), z.unknown()),
});
/** A year's holiday overlay as published. */
export const holidayItem = z.object({ type: z.literal('holidays'), version: z.number().int().positive(), year: z.number().int(), overlay: z.unknown() });
/** A procedure catalogue version as published. */
export const procedureItem = z.object({
  type: z.literal('procedure'),
  version: z.number().int().positive(),
  code: z.string(),
  procedureVersion: z.number().int().positive(),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  name: z.string(),
  definition: z.unknown(),
});
/** An administrative unit (tỉnh, xã; huyện only in old data), published by the city to every commune. */
export const adminUnitItem = z.object({
  type: z.literal('admin-unit'),
  version: z.number().int().positive(),
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'district', 'commune']),
  parentCode: z.string().nullable(),
});
/**
 * A staff account of this commune, created on the hub: it arrives with its password hash (the
 * PC's scrypt format), never a password. Roles as on the PC.
 */
export const accountItem = z.object({
  type: z.literal('account'),
  version: z.number().int().positive(),
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  passwordHash: z.string(),
  active: z.boolean(),
  /** The person must choose a new password at the next sign-in (a reset, a setup code). */
  mustChangePassword: z.boolean().default(false),
});
export const pullItem = z.discriminatedUnion('type', [dossierItem, holidayItem, procedureItem, adminUnitItem, accountItem]);
export type PullItem = z.infer<typeof pullItem>;

/** A page of changes after `cursor`, latest state per row (§4.5), in counter order. */
export const pullPage = z.object({ kind: z.literal('page'), items: z.array(pullItem), cursor: z.number().int().nonnegative(), hasMore: z.boolean() });
/** The cursor is not one this hub issued for this commune: drop it and pull from the start. */
export const resyncRequired = z.object({ kind: z.literal('resync-required'), message: localizedText });
export const pullResponse = z.discriminatedUnion('kind', [pullPage, resyncRequired]);
export type PullResponse = z.infer<typeof pullResponse>;

/** Every non-2xx body: a stable code and a message for the clerk. */
export const errorResponse = z.object({ error: z.string(), message: localizedText });
export type ErrorResponse = z.infer<typeof errorResponse>;
