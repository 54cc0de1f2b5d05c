import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { OffsetMismatchError } from './storage';
import { FsBlobStorage } from './storage-fs';

const tempDir = useTempDirs();
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const text = async (s: NodeJS.ReadableStream): Promise<string> => {
  let out = '';
  for await (const c of s) out += String(c);
  return out;
};

describe('FsBlobStorage (real files)', () => {
  it('grows a partial at its offset only, recognises a retried chunk, and keeps the file once its hash matches', async () => {
    const root = tempDir();
    const storage = new FsBlobStorage(root);
    const file = Buffer.from('0123456789');
    const h = sha(file);
    expect(await storage.append(h, 0, file.subarray(0, 4))).toBe(4);
    await expect(storage.append(h, 2, file.subarray(2, 6))).rejects.toEqual(new OffsetMismatchError(4));
    expect(await storage.holds(h, 0, file.subarray(0, 4))).toBe(true);
    expect(await storage.holds(h, 0, Buffer.from('abcd'))).toBe(false);
    expect(await storage.append(h, 4, file.subarray(4))).toBe(10);
    expect(await storage.status(h)).toEqual({ received: 10, complete: false });
    expect(await storage.complete(h)).toBe(true);
    expect(await storage.status(h)).toEqual({ received: 10, complete: true });
    const part = await storage.read(h, 3, 5);
    expect(await text(part!.stream)).toBe('345');
  });

  it('discards a partial whose bytes do not match its name', async () => {
    const storage = new FsBlobStorage(tempDir());
    const h = sha(Buffer.from('the real bytes'));
    await storage.append(h, 0, Buffer.from('other bytes!!!'));
    expect(await storage.complete(h)).toBe(false);
    expect(await storage.status(h)).toEqual({ received: 0, complete: false });
  });

  it('never serves a file damaged on disk: it is moved aside and reported absent', async () => {
    const root = tempDir();
    const storage = new FsBlobStorage(root);
    const file = Buffer.from('a scanned page');
    const h = sha(file);
    await storage.append(h, 0, file);
    await storage.complete(h);
    writeFileSync(join(root, 'blobs', h.slice(0, 2), h.slice(2, 4), h), 'a scanned pagX');
    expect(await storage.read(h)).toBeUndefined();
    expect(readdirSync(join(root, 'corrupt'))).toHaveLength(1);
    expect(await storage.status(h)).toEqual({ received: 0, complete: false });
  });
});
