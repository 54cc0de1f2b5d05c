/**
 * The PC's own Ed25519 key pair (sync.md §4.3). It is made on this PC at enrolment; only the
 * public half is sent to the hub, and tokens are bought by signing the hub's single-use nonce, so
 * no shared secret ever travels or sits on the hub. The private key (PKCS#8 PEM) is kept in the
 * store for now; moving it to the OS key store (DPAPI through Electron safeStorage on Windows) is
 * noted in docs/architecture.md.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { challengeMessage } from './protocol/messages';

/** A fresh key pair: the public key as the hub wants it, the private key as the PC keeps it. */
export interface DeviceKeyPair {
  /** SPKI DER, base64. */
  readonly publicKey: string;
  /** PKCS#8 PEM. */
  readonly privateKey: string;
}

/** Generates the PC's key pair. */
export function newDeviceKeyPair(): DeviceKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

/** The signature (base64) over the hub's nonce; undefined when `privateKey` is not a usable key. */
export function signChallenge(privateKey: string, deviceId: string, nonce: string): string | undefined {
  let key;
  try {
    key = createPrivateKey(privateKey);
  } catch {
    return undefined;
  }
  if (key.asymmetricKeyType !== 'ed25519') return undefined;
  return sign(null, Buffer.from(challengeMessage(deviceId, nonce), 'utf8'), key).toString('base64');
}

/** True when `signature` (base64) is the hub key's (SPKI base64) Ed25519 signature over `message`; false for any malformed input. */
export function verifyHubSignature(hubPublicKey: string, message: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(hubPublicKey, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
