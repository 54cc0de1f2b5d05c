/**
 * Ids and hashes that become part of a file name (`exports/<document id>.pdf`,
 * `pages/<sha256>.jpg`, `slips/<sha256>.pdf`) may have come from the hub, so each is checked for
 * its shape before it touches a path: a UUID for ids, 64 lower-case hex digits for SHA-256 names.
 * Anything else (`../`, a drive letter, a separator) is refused with `store.bad-id`, never joined.
 */
import { AppError } from '../../../shared/api/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;
const SHA256 = /^[0-9a-f]{64}$/u;

/** True for a UUID in its canonical lower-case form (any version). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** True for a lower-case hex SHA-256. */
export const isSha256 = (value: unknown): value is string => typeof value === 'string' && SHA256.test(value);

/** Returns `id` when it is a UUID; throws AppError 'store.bad-id' naming only the entity, never the value. */
export function pathSafeId(id: unknown, entity: string): string {
  if (!isUuid(id)) throw new AppError('store.bad-id', { kind: 'uuid', entity });
  return id;
}

/** Returns `sha256` when it is 64 lower-case hex digits; throws AppError 'store.bad-id' otherwise. */
export function pathSafeSha256(sha256: unknown, entity: string): string {
  if (!isSha256(sha256)) throw new AppError('store.bad-id', { kind: 'sha256', entity });
  return sha256;
}
