/**
 * Files on disk under one root: `blobs/ab/cd/<sha256>` for whole files, `partial/<sha256>` while
 * an upload grows. Each chunk is written and fsynced before it counts; a whole file is hashed,
 * fsynced and renamed into place (tmp + rename), so a crash leaves either the partial or the file.
 * Before every read the file's hash is checked again (a cache by size and mtime would miss bit
 * rot): a file damaged on disk is moved to `corrupt/` and reported absent, never sent.
 * Chunks of one file are serialised per process; several hub nodes would need a shared lock.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { OffsetMismatchError, type BlobStorage, type StoredStatus } from './storage';

const SHA = /^[0-9a-f]{64}$/;

/** Hashes a file on disk as a stream (a 20 MB scan never sits in memory). */
async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

/** See the file comment. */
export class FsBlobStorage implements BlobStorage {
  readonly #root: string;
  readonly #locks = new Map<string, Promise<unknown>>();

  constructor(root: string) {
    this.#root = root;
  }

  #file(sha: string): string {
    if (!SHA.test(sha)) throw new RangeError('not a sha256');
    return join(this.#root, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha);
  }

  #partial(sha: string): string {
    return join(this.#root, 'partial', sha);
  }

  /** Runs `fn` after every earlier call for the same file. */
  #serial<T>(sha: string, fn: () => Promise<T>): Promise<T> {
    const before = this.#locks.get(sha) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.#locks.set(sha, tail);
    void tail.then(() => {
      if (this.#locks.get(sha) === tail) this.#locks.delete(sha);
    });
    return run;
  }

  async status(sha256: string): Promise<StoredStatus> {
    const whole = await sizeOf(this.#file(sha256));
    if (whole !== undefined) return { received: whole, complete: true };
    return { received: (await sizeOf(this.#partial(sha256))) ?? 0, complete: false };
  }

  append(sha256: string, offset: number, bytes: Uint8Array): Promise<number> {
    return this.#serial(sha256, async () => {
      const path = this.#partial(sha256);
      await mkdir(dirname(path), { recursive: true });
      const handle = await open(path, 'a');
      try {
        const held = (await handle.stat()).size;
        if (held !== offset) throw new OffsetMismatchError(held);
        await handle.write(bytes, 0, bytes.length, offset);
        await handle.sync();
        return held + bytes.length;
      } finally {
        await handle.close();
      }
    });
  }

  async holds(sha256: string, offset: number, bytes: Uint8Array): Promise<boolean> {
    const st = await this.status(sha256);
    if (offset + bytes.length > st.received) return false;
    const handle = await open(st.complete ? this.#file(sha256) : this.#partial(sha256), 'r').catch(() => undefined);
    if (handle === undefined) return false;
    try {
      const held = Buffer.alloc(bytes.length);
      const { bytesRead } = await handle.read(held, 0, bytes.length, offset);
      return bytesRead === bytes.length && held.equals(bytes);
    } finally {
      await handle.close();
    }
  }

  complete(sha256: string): Promise<boolean> {
    return this.#serial(sha256, async () => {
      const partial = this.#partial(sha256);
      if ((await sizeOf(this.#file(sha256))) !== undefined) {
        await rm(partial, { force: true });
        return true;
      }
      if ((await sizeOf(partial)) === undefined || (await hashFile(partial)) !== sha256) {
        await rm(partial, { force: true });
        return false;
      }
      const target = this.#file(sha256);
      await mkdir(dirname(target), { recursive: true });
      await rename(partial, target);
      const dir = await open(dirname(target), 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
      return true;
    });
  }

  async read(sha256: string, start = 0, end?: number): Promise<{ size: number; stream: ReturnType<typeof createReadStream> } | undefined> {
    const path = this.#file(sha256);
    let st;
    try {
      st = await stat(path);
    } catch {
      return undefined;
    }
    if ((await hashFile(path)) !== sha256) {
      const quarantine = join(this.#root, 'corrupt', `${sha256}.${Date.now()}`);
      await mkdir(dirname(quarantine), { recursive: true });
      await rename(path, quarantine).catch(() => undefined);
      return undefined;
    }
    return { size: st.size, stream: createReadStream(path, { start, end: end ?? Math.max(0, st.size - 1) }) };
  }
}
