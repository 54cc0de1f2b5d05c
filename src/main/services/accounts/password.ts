/**
 * Password hashes: scrypt from node:crypto, self-describing so the cost can rise later without
 * a migration: `scrypt$N$r$p$salt$hash` (base64url). New hashes use N = 2^17, r = 8 (128 MiB,
 * about 0.3 s on a 2-core commune PC, issue 13): a stolen database costs an attacker that much
 * per guess. Hashes made earlier at 2^14 still verify; they are replaced when the person next
 * chooses a password. A hash read from the hub is only tried within bounds, so a crafted one
 * cannot make a sign-in eat the PC's memory or CPU.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const defaults = { N: 2 ** 17, r: 8, p: 1 };
const keyLength = 32;
/** The most a hash may ask for: N ≤ 2^18, r ≤ 16, p ≤ 4, and 128·N·r within `maxmem`. */
const bounds = { maxN: 2 ** 18, maxR: 16, maxP: 4 };
const maxmem = 288 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** True when scrypt parameters are ones this version will spend time on. */
export function withinBounds(N: number, r: number, p: number): boolean {
  const powerOfTwo = Number.isInteger(N) && N >= 2 && (N & (N - 1)) === 0;
  return powerOfTwo && N <= bounds.maxN && Number.isInteger(r) && r >= 1 && r <= bounds.maxR && Number.isInteger(p) && p >= 1 && p <= bounds.maxP && 128 * N * r <= maxmem;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, defaults);
  return ['scrypt', defaults.N, defaults.r, defaults.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** False for a wrong password and for a hash this version cannot read; never throws on input. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  if (!withinBounds(Number(n), Number(r), Number(p))) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
