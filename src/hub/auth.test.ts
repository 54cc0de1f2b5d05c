import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newEnrolCode, sameDigest, sha256Hex, TOKEN_TTL_S, TokenSigner } from './auth';

describe('device tokens', () => {
  const key = randomBytes(32);
  const claims = { deviceId: 'dev-1', communeId: '000.00.00.X99' };

  it('round-trips the claims until the token expires, by the hub clock', () => {
    let now = 1_000_000;
    const signer = new TokenSigner(key, () => now);
    const token = signer.issue(claims);
    expect(signer.verify(token)).toEqual(claims);
    now += TOKEN_TTL_S * 1000 - 1;
    expect(signer.verify(token)).toEqual(claims);
    now += 1;
    expect(signer.verify(token)).toBeUndefined();
  });

  it('refuses a token signed with another key, altered, or malformed', () => {
    const signer = new TokenSigner(key);
    const token = signer.issue(claims);
    expect(new TokenSigner(randomBytes(32)).verify(token)).toBeUndefined();
    const [body, sig] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ d: 'dev-1', c: '000.00.00.X98', e: Date.now() + 60_000 })).toString('base64url');
    expect(signer.verify(`${forged}.${sig}`)).toBeUndefined();
    expect(signer.verify(`${body}.${sig}.x`)).toBeUndefined();
    expect(signer.verify('')).toBeUndefined();
  });

  it('makes typeable one-time codes and compares digests exactly', () => {
    expect(newEnrolCode()).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    expect(sameDigest(sha256Hex('a'), sha256Hex('a'))).toBe(true);
    expect(sameDigest(sha256Hex('a'), sha256Hex('b'))).toBe(false);
    expect(sameDigest('short', sha256Hex('a'))).toBe(false);
  });
});
