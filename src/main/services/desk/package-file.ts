/**
 * Reads a provisioning package and checks it before anything is written: the file's shape, the
 * hub's Ed25519 signature over the payload (an altered byte fails it), the expiry against this
 * PC's clock, and that the hub is reached over https (or loopback). Every refusal is a
 * Vietnamese message that says what to ask the data centre for.
 */
import { createPublicKey, verify } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import { formatVietnameseDateTime, localDateTimeFromEpochMs } from '../../../shared/deadline';
import { checkHubUrl, ProvisionFile, ProvisionPayload } from '../../../shared/provisioning/package';

export function readProvisionPackage(text: string, now: Date): ProvisionPayload {
  const payload = verifiedPayload(text);
  if (checkHubUrl(payload.hub.url) !== undefined) throw new AppError('provision.hub-url');
  if (Date.parse(payload.expiresAt) <= now.getTime()) {
    throw new AppError('provision.expired', { at: formatVietnameseDateTime(localDateTimeFromEpochMs(Date.parse(payload.expiresAt))) });
  }
  return payload;
}

function verifiedPayload(text: string): ProvisionPayload {
  let file: ProvisionFile;
  try {
    file = ProvisionFile.parse(JSON.parse(text.replace(/^\uFEFF/u, '')));
  } catch {
    throw new AppError('provision.invalid');
  }
  const bytes = Buffer.from(file.payload, 'base64');
  let payload: ProvisionPayload;
  try {
    payload = ProvisionPayload.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    throw new AppError('provision.invalid');
  }
  if (!signedBy(payload.hub.publicKey, bytes, file.signature)) throw new AppError('provision.invalid');
  return payload;
}

function signedBy(publicKey: string, bytes: Buffer, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && verify(null, bytes, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
