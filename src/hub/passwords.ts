/**
 * Temporary passwords for accounts an administrator resets on the hub (issue 12). The hub keeps
 * only the hash, in the PC's own format (`src/main/services/accounts/password.ts`, which the hub
 * may not import): `scrypt$131072$8$1$<salt b64url>$<32-byte key b64url>`, scrypt over the
 * NFC-normalised password (N = 2^17 as the PC's, issue 13), so the PC signs in with it offline. The password
 * itself is returned once to the administrator and never stored or logged.
 */
import { randomBytes, scrypt } from 'node:crypto';
import { newTypeableCode } from './auth';

const N = 2 ** 17;
const r = 8;
const p = 1;
const KEY_LENGTH = 32;

/** A password a person can read out and type: 12 characters without look-alikes. */
export const newTemporaryPassword = (): string => newTypeableCode(12);

/** The PC-format scrypt hash of `password`. */
export async function hashPasswordForPc(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 288 * 1024 * 1024 }, (error, derived) => (error ? reject(error) : resolve(derived))),
  );
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}
