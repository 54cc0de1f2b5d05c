import { createHash } from 'node:crypto';
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { OffsetMismatchError } from './storage';
import { FsBlobStorage, VERIFIED_MTIME } from './storage-fs';

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
    expect(await storage.append('c1', h, 0, file.subarray(0, 4))).toBe(4);
    await expect(storage.append('c1', h, 2, file.subarray(2, 6))).rejects.toEqual(new OffsetMismatchError(4));
    expect(await storage.holds('c1', h, 0, file.subarray(0, 4))).toBe(true);
    expect(await storage.holds('c1', h, 0, Buffer.from('abcd'))).toBe(false);
    expect(await storage.append('c1', h, 4, file.subarray(4))).toBe(10);
    expect(await storage.partial('c1', h)).toBe(10);
    expect(await storage.partial('c2', h)).toBe(0);
    expect(await storage.whole(h)).toBeUndefined();
    expect(await storage.complete('c1', h)).toBe(true);
    expect(await storage.whole(h)).toBe(10);
    expect(await storage.partial('c1', h)).toBe(0);
    const part = await storage.read(h, 3, 5);
    expect(await text(part!.stream)).toBe('345');
  });

  it('discards a partial whose bytes do not match its name', async () => {
    const storage = new FsBlobStorage(tempDir());
    const h = sha(Buffer.from('the real bytes'));
    await storage.append('c1', h, 0, Buffer.from('other bytes!!!'));
    expect(await storage.complete('c1', h)).toBe(false);
    expect(await storage.partial('c1', h)).toBe(0);
    expect(await storage.whole(h)).toBeUndefined();
  });

  it('confirms a file already stored only after a second scope sent all of its bytes', async () => {
    const storage = new FsBlobStorage(tempDir());
    const file = Buffer.from('one scanned page');
    const h = sha(file);
    await storage.append('c1', h, 0, file);
    expect(await storage.complete('c1', h)).toBe(true);
    // Another scope's partial of other bytes under the same name is discarded, the file kept.
    await storage.append('c2', h, 0, Buffer.from('not the same bytes'));
    expect(await storage.complete('c2', h)).toBe(false);
    expect(await storage.whole(h)).toBe(file.length);
    await storage.append('c2', h, 0, file);
    expect(await storage.complete('c2', h)).toBe(true);
    expect(await storage.partial('c2', h)).toBe(0);
  });

  it('sweeps partial uploads untouched for longer than asked', async () => {
    const root = tempDir();
    const storage = new FsBlobStorage(root);
    const h = sha(Buffer.from('never finished'));
    await storage.append('c1', h, 0, Buffer.from('never'));
    expect(await storage.sweepPartials(60_000)).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(await storage.sweepPartials(1)).toBe(1);
    expect(await storage.partial('c1', h)).toBe(0);
  });

  it('re-hashes a file rewritten on disk at its next read, and never serves it', async () => {
    const root = tempDir();
    const storage = new FsBlobStorage(root);
    const file = Buffer.from('a scanned page');
    const h = sha(file);
    await storage.append('c1', h, 0, file);
    await storage.complete('c1', h);
    const path = join(root, 'blobs', h.slice(0, 2), h.slice(2, 4), h);
    expect(statSync(path).mtimeMs).toBe(VERIFIED_MTIME.getTime());
    writeFileSync(path, 'a scanned pagX');
    expect(await storage.read(h, 0, 1)).toBeUndefined();
    expect(readdirSync(join(root, 'corrupt'))).toHaveLength(1);
    expect(await storage.whole(h)).toBeUndefined();
  });

  it('does not re-hash a verified file on read; the scrub finds bit rot, moves the file aside and it is no longer served', async () => {
    const root = tempDir();
    const storage = new FsBlobStorage(root);
    const file = Buffer.from('a scanned page');
    const h = sha(file);
    await storage.append('c1', h, 0, file);
    await storage.complete('c1', h);
    // Bit rot: the bytes change, the file's times do not.
    const path = join(root, 'blobs', h.slice(0, 2), h.slice(2, 4), h);
    writeFileSync(path, 'a scanned pagX');
    utimesSync(path, VERIFIED_MTIME, VERIFIED_MTIME);
    const part = await storage.read(h, 0, 1);
    expect(await text(part!.stream)).toBe('a ');
    expect(await storage.scrub()).toEqual({ checked: 1, corrupt: [h] });
    expect(await storage.read(h)).toBeUndefined();
    expect(readdirSync(join(root, 'corrupt'))).toHaveLength(1);
    expect(await storage.whole(h)).toBeUndefined();
    expect(await storage.scrub()).toEqual({ checked: 0, corrupt: [] });
  });
});
