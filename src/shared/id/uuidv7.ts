/*
 * UUIDv7 (RFC 9562 §5.7) for rows created on a PC: 48 bits of Unix milliseconds, then random
 * bits, so ids sort by creation time and two PCs never collide without asking the hub.
 * The clock is the caller's: pass `nowMs`; tests pass the random bytes too.
 */

const MAX_MS = 2 ** 48 - 1;
/** rand_a (12 bits) and rand_b (62 bits) fit in 10 bytes. */
export const UUIDV7_RANDOM_BYTES = 10;

/*
 * Random bytes are drawn from crypto in blocks and handed out ten at a time: one
 * getRandomValues call costs about as much as filling 4 KB, and a bulk import makes three ids
 * per dossier. (Node's own randomUUID keeps the same kind of cache.) Only ever read forward,
 * so no two ids share bytes.
 */
const POOL_BYTES = 4096;
let pool = new Uint8Array(0);
let poolOffset = 0;

function freshRandom(): Uint8Array {
  if (poolOffset + UUIDV7_RANDOM_BYTES > pool.length) {
    pool = globalThis.crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + UUIDV7_RANDOM_BYTES);
  poolOffset += UUIDV7_RANDOM_BYTES;
  return bytes;
}

const hex = (bytes: Uint8Array, from: number, to: number): string => {
  let out = '';
  for (let i = from; i < to; i++) out += (bytes[i] ?? 0).toString(16).padStart(2, '0');
  return out;
};

/**
 * A UUIDv7 string such as `0195c1a2-7b3e-7c4d-9e8f-0123456789ab`. `random` must hold at least
 * 10 bytes; without it, `globalThis.crypto.getRandomValues` supplies them (through the pool).
 * Throws RangeError for a time outside 0 … 2^48−1 ms or too few random bytes (programmer errors).
 */
export function uuidv7(nowMs: number, random?: Uint8Array): string {
  if (!Number.isInteger(nowMs) || nowMs < 0 || nowMs > MAX_MS) throw new RangeError(`uuidv7: time out of range: ${nowMs}`);
  const rand = random ?? freshRandom();
  if (rand.length < UUIDV7_RANDOM_BYTES) throw new RangeError(`uuidv7: needs ${UUIDV7_RANDOM_BYTES} random bytes, got ${rand.length}`);

  const bytes = new Uint8Array(16);
  // 48-bit big-endian timestamp; split because bitwise operators work on 32 bits.
  const high = Math.floor(nowMs / 2 ** 16);
  const low = nowMs % 2 ** 16;
  bytes[0] = (high >>> 24) & 0xff;
  bytes[1] = (high >>> 16) & 0xff;
  bytes[2] = (high >>> 8) & 0xff;
  bytes[3] = high & 0xff;
  bytes[4] = (low >>> 8) & 0xff;
  bytes[5] = low & 0xff;
  bytes.set(rand.subarray(0, UUIDV7_RANDOM_BYTES), 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);

  return `${hex(bytes, 0, 4)}-${hex(bytes, 4, 6)}-${hex(bytes, 6, 8)}-${hex(bytes, 8, 10)}-${hex(bytes, 10, 16)}`;
}

const UUIDV7_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u;

/** True for a lower-case UUIDv7 string as `uuidv7` writes it. */
export function isUuidv7(text: string): boolean {
  return UUIDV7_SHAPE.test(text);
}

/** The creation time, in Unix milliseconds, written into a UUIDv7. */
export function uuidv7Time(id: string): number {
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
