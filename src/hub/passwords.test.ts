import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPasswordForPc, newTemporaryPassword } from './passwords';
import { vietnamDay } from './provisioning';

describe('temporary passwords in the PC format', () => {
  it('makes 12 typeable characters without look-alikes, different each time', () => {
    const made = Array.from({ length: 50 }, newTemporaryPassword);
    for (const p of made) expect(p).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    expect(new Set(made).size).toBe(50);
  });

  it('hashes with scrypt N=2^17 r=8 p=1 over the NFC form, salt and 32-byte key in base64url', async () => {
    const decomposed = 'Thử'.normalize('NFD');
    const stored = await hashPasswordForPc(decomposed);
    const [scheme, n, r, p, salt, key] = stored.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '131072', '8', '1']);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64url')).toHaveLength(32);
    const again = scryptSync('Thử'.normalize('NFC'), Buffer.from(salt!, 'base64url'), 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 288 * 1024 * 1024 });
    expect(again.toString('base64url')).toBe(key);
    expect(await hashPasswordForPc(decomposed)).not.toBe(stored);
  });
});

describe('cut-over day', () => {
  it('is the Vietnam (UTC+7) date of the instant', () => {
    expect(vietnamDay(new Date('2026-03-31T16:59:59.999Z'))).toBe('2026-03-31');
    expect(vietnamDay(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04-01');
  });
});
