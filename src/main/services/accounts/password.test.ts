import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword, withinBounds } from './password';

const hashAt = (password: string, N: number, r = 8, p = 1): string => {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, { N, r, p, maxmem: 300 * 1024 * 1024 });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
};

describe('password hashes (issue 13)', () => {
  it('makes new hashes at N = 2^17 and still verifies hashes made at 2^14', async () => {
    const hash = await hashPassword('Mật-khẩu-thử-2026');
    expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', '131072', '8', '1']);
    expect(await verifyPassword('Mật-khẩu-thử-2026', hash)).toBe(true);
    expect(await verifyPassword('mật-khẩu-thử-2026', hash)).toBe(false);
    expect(await verifyPassword('Cu-2024-thu', hashAt('Cu-2024-thu', 2 ** 14))).toBe(true);
  });

  it('does not spend time on a hash (from the hub, say) that asks for more than the bounds', async () => {
    for (const [N, r, p] of [[2 ** 20, 8, 1], [2 ** 17, 64, 1], [2 ** 17, 8, 32], [100_000, 8, 1], [0, 8, 1]] as const) expect(withinBounds(N, r, p)).toBe(false);
    expect(withinBounds(2 ** 17, 8, 1)).toBe(true);
    expect(await verifyPassword('x', `scrypt$${2 ** 24}$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`)).toBe(false);
  });
});
