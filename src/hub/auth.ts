/**
 * Device credentials and bearer tokens. A device holds a random secret issued at enrolment (the
 * hub keeps only its SHA-256: the secret has 256 bits of entropy, so a slow hash adds nothing);
 * it trades the secret for a token signed with the hub's HMAC key, valid 15 minutes. A token
 * names the device and its commune, and every route scopes its reads and writes by them.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a valid token proves. */
export interface DeviceClaims {
  readonly deviceId: string;
  readonly communeId: string;
}

/** Token lifetime: short, so revoking a device takes effect within minutes. */
export const TOKEN_TTL_S = 15 * 60;

/** SHA-256 hex of a secret or enrol code. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** A fresh random secret for a device (base64url, 256 bits). */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** A one-time enrol code a person can type: 12 characters without look-alikes. */
export function newEnrolCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
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
