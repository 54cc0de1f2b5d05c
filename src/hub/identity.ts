/**
 * The hub's own Ed25519 key pair (issue 12). It signs provisioning packages and enrolment
 * answers; a provisioned PC trusts only the key its package names. The pair is made once, by the
 * first hub process on this database, and kept in `hub_identity`, so every hub node (and a
 * restarted one) signs with the same key. The private key stays inside `HubIdentity`: it is
 * never logged, never returned by a route, and never serialised (`toJSON` shows the public half).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Queryable } from './db/db';

/** The hub's signing identity; holds the private key and gives out only signatures. */
export class HubIdentity {
  /** SPKI DER, base64: what packages carry as `hub.publicKey`. */
  readonly publicKey: string;
  readonly #privateKey: KeyObject;

  constructor(publicKey: string, privateKey: KeyObject) {
    this.publicKey = publicKey;
    this.#privateKey = privateKey;
  }

  /** base64 Ed25519 signature over `bytes`. */
  sign(bytes: Buffer): string {
    return sign(null, bytes, this.#privateKey).toString('base64');
  }

  /** base64 Ed25519 signature over the UTF-8 of `text`. */
  signText(text: string): string {
    return this.sign(Buffer.from(text, 'utf8'));
  }

  toJSON(): { publicKey: string } {
    return { publicKey: this.publicKey };
  }
}

/**
 * Reads the hub's key pair, making it first if this database has none. Two processes starting
 * together both try to insert; the row's key admits one and both read that one back.
 */
export async function loadHubIdentity(db: Queryable): Promise<HubIdentity> {
  let [row] = await db.query<{ public_key: string; private_key: string }>('SELECT public_key, private_key FROM hub_identity WHERE id = 1');
  if (row === undefined) {
    const pair = generateKeyPairSync('ed25519');
    await db.query('INSERT INTO hub_identity (id, public_key, private_key) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [
      pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
      pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    ]);
    [row] = await db.query<{ public_key: string; private_key: string }>('SELECT public_key, private_key FROM hub_identity WHERE id = 1');
    if (row === undefined) throw new Error('hub_identity row missing after insert');
  }
  const privateKey = createPrivateKey({ key: Buffer.from(row.private_key, 'base64'), format: 'der', type: 'pkcs8' });
  // The stored public half must be the private key's own: a mismatch would make every package unverifiable.
  const derived = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64');
  if (privateKey.asymmetricKeyType !== 'ed25519' || derived !== row.public_key) throw new Error('hub_identity holds an inconsistent key pair');
  return new HubIdentity(row.public_key, privateKey);
}

/** The hub's public key (SPKI DER, base64), making the pair if there is none yet. */
export async function hubPublicKey(db: Queryable): Promise<string> {
  return (await loadHubIdentity(db)).publicKey;
}

/** True when `signature` (base64) is the Ed25519 signature by `publicKey` (SPKI DER base64) over `bytes`; false for malformed input. */
export function verifyHubSignature(publicKey: string, bytes: Buffer, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && verify(null, bytes, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
