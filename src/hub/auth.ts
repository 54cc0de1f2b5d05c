/**
 * Device credentials and bearer tokens. A device is known by the Ed25519 public key it sent at
 * enrolment (sync.md §4.3); it buys a token by signing a single-use nonce the hub issued, and the
 * token is signed with the hub's HMAC key, valid 15 minutes. A token names the device and its
 * commune, and every route scopes its reads and writes by them. Revocation is checked when a
 * token is issued, so it takes effect within one token lifetime.
 */
import { createHash, createHmac, createPublicKey, randomBytes, timingSafeEqual, verify } from 'node:crypto';
import { challengeMessage } from '../sync/protocol/messages';

/** What a valid token proves. */
export interface DeviceClaims {
  readonly deviceId: string;
  readonly communeId: string;
}

/** Token lifetime: short, so revoking a device takes effect within minutes. */
export const TOKEN_TTL_S = 15 * 60;

/** SHA-256 hex of a secret or enrol code. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** How long a challenge nonce may be answered. */
export const CHALLENGE_TTL_S = 60;

/** A fresh challenge nonce (base64url, 256 bits). */
export const newNonce = (): string => randomBytes(32).toString('base64url');

/** True when `signature` (base64) is the device's Ed25519 signature over the nonce; false for any malformed input. */
export function verifyDeviceSignature(publicKey: string, deviceId: string, nonce: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, Buffer.from(challengeMessage(deviceId, nonce), 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** True when `publicKey` is an Ed25519 SPKI key the hub can verify with. */
export function isDevicePublicKey(publicKey: string): boolean {
  try {
    return createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/** `length` characters a person can read out and type: no look-alikes (0/O, 1/I). The alphabet has 32 letters, so bytes map without bias. */
export function newTypeableCode(length: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** A one-time enrol code a person can type: 12 characters without look-alikes. */
export function newEnrolCode(): string {
  return newTypeableCode(12);
}

/** Equal-time comparison of two hex or text digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Signs and checks tokens with one key (per hub process unless configured). */
export class TokenSigner {
  readonly #key: Buffer;
  readonly #now: () => number;

  constructor(key: Buffer, now: () => number = Date.now) {
    this.#key = key;
    this.#now = now;
  }

  /** A token for `claims`, expiring TOKEN_TTL_S from now (the hub's clock, never the PC's). */
  issue(claims: DeviceClaims): string {
    const body = Buffer.from(JSON.stringify({ d: claims.deviceId, c: claims.communeId, e: this.#now() + TOKEN_TTL_S * 1000 })).toString('base64url');
    return `${body}.${this.#sign(body)}`;
  }

  /** The claims of a valid, unexpired token; undefined otherwise. */
  verify(token: string): DeviceClaims | undefined {
    const [body, sig, extra] = token.split('.');
    if (body === undefined || sig === undefined || extra !== undefined || !sameDigest(sig, this.#sign(body))) return undefined;
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { d?: unknown; c?: unknown; e?: unknown };
    if (typeof parsed.d !== 'string' || typeof parsed.c !== 'string' || typeof parsed.e !== 'number' || parsed.e <= this.#now()) return undefined;
    return { deviceId: parsed.d, communeId: parsed.c };
  }

  #sign(body: string): string {
    return createHmac('sha256', this.#key).update(body).digest('base64url');
  }
}
