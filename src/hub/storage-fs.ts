/**
 * Files on disk under one root: `blobs/ab/cd/<sha256>` for whole files, `partial/<scope>/<sha256>`
 * while an upload grows (`<scope>` is a hash of the uploading commune's id, so ids never become
 * paths). Each chunk is written and fsynced before it counts; a whole file is hashed, fsynced and
 * renamed into place (tmp + rename), so a crash leaves either the partial or the file. A partial
 * for a file already stored is hashed too and then dropped (the commune proved it holds the bytes).
 * A file once verified (whole hash matched) carries a fixed modification time, `VERIFIED_MTIME`:
 * a read only `stat`s it (a Range read of a 25 MB scan used to hash it whole every time), and a
 * file changed on disk since (rewritten, restored without its times) has another mtime and is
 * hashed again at its next read. Damage that leaves the mtime alone (bit rot) is found by
 * `scrub()`, which the hub runs periodically over every file. A damaged file is moved to
 * `corrupt/`, reported absent and never sent. Chunks of one upload are serialised per process; several
 * hub nodes would need a shared lock.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { OffsetMismatchError, type BlobStorage, type ScrubReport } from './storage';

const SHA = /^[0-9a-f]{64}$/;

/** The modification time a file gets once its bytes were checked against its name. */
export const VERIFIED_MTIME = new Date('2000-01-01T00:00:00Z');
const markVerified = (path: string): Promise<void> => utimes(path, new Date(), VERIFIED_MTIME);

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

const listDir = async (path: string): Promise<string[]> => readdir(path).catch(() => []);

async function syncDir(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
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

  #partial(scope: string, sha: string): string {
    if (!SHA.test(sha)) throw new RangeError('not a sha256');
    return join(this.#root, 'partial', createHash('sha256').update(scope).digest('hex').slice(0, 32), sha);
  }

  /** Runs `fn` after every earlier call for the same key. */
  #serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.#locks.get(key) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.#locks.set(key, tail);
    void tail.then(() => {
      if (this.#locks.get(key) === tail) this.#locks.delete(key);
    });
    return run;
  }

  whole(sha256: string): Promise<number | undefined> {
    return sizeOf(this.#file(sha256));
  }

  async partial(scope: string, sha256: string): Promise<number> {
    return (await sizeOf(this.#partial(scope, sha256))) ?? 0;
  }

  append(scope: string, sha256: string, offset: number, bytes: Uint8Array): Promise<number> {
    const path = this.#partial(scope, sha256);
    return this.#serial(path, async () => {
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

  async holds(scope: string, sha256: string, offset: number, bytes: Uint8Array): Promise<boolean> {
    const handle = await open(this.#partial(scope, sha256), 'r').catch(() => undefined);
    if (handle === undefined) return false;
    try {
      const held = Buffer.alloc(bytes.length);
      const { bytesRead } = await handle.read(held, 0, bytes.length, offset);
      return bytesRead === bytes.length && held.equals(bytes);
    } finally {
      await handle.close();
    }
  }

  complete(scope: string, sha256: string): Promise<boolean> {
    const partial = this.#partial(scope, sha256);
    return this.#serial(partial, () =>
      this.#serial(sha256, async () => {
        if ((await sizeOf(partial)) === undefined || (await hashFile(partial)) !== sha256) {
          await rm(partial, { force: true });
          return false;
        }
        const target = this.#file(sha256);
        if ((await sizeOf(target)) !== undefined) {
          await rm(partial, { force: true });
          return true;
        }
        await markVerified(partial);
        await mkdir(dirname(target), { recursive: true });
        await rename(partial, target);
        await syncDir(dirname(target));
        return true;
      }),
    );
  }

  async discard(scope: string, sha256: string): Promise<void> {
    const path = this.#partial(scope, sha256);
    await this.#serial(path, () => rm(path, { force: true }));
  }

  async sweepPartials(olderThanMs: number): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    const root = join(this.#root, 'partial');
    for (const scope of await listDir(root)) {
      for (const name of await listDir(join(root, scope))) {
        const path = join(root, scope, name);
        await this.#serial(path, async () => {
          const st = await stat(path).catch(() => undefined);
          if (st === undefined || st.mtimeMs > cutoff) return;
          await rm(path, { force: true });
          removed += 1;
        });
      }
    }
    return removed;
  }

  async scrub(): Promise<ScrubReport> {
    let checked = 0;
    const corrupt: string[] = [];
    const root = join(this.#root, 'blobs');
    for (const a of await listDir(root)) {
      for (const b of await listDir(join(root, a))) {
        for (const sha of await listDir(join(root, a, b))) {
          if (!SHA.test(sha)) continue;
          await this.#serial(sha, async () => {
            if ((await sizeOf(this.#file(sha))) === undefined) return;
            checked += 1;
            if (!(await this.#verify(sha))) corrupt.push(sha);
          });
        }
      }
    }
    return { checked, corrupt };
  }

  /** Hashes the file: a match marks it verified (true); otherwise it is moved to `corrupt/` (false). */
  async #verify(sha: string): Promise<boolean> {
    const path = this.#file(sha);
    if ((await hashFile(path)) === sha) {
      await markVerified(path);
      return true;
    }
    const quarantine = join(this.#root, 'corrupt', `${sha}.${Date.now()}`);
    await mkdir(dirname(quarantine), { recursive: true });
    await rename(path, quarantine);
    return false;
  }

  async read(sha256: string, start = 0, end?: number): Promise<{ size: number; stream: ReturnType<typeof createReadStream> } | undefined> {
    const path = this.#file(sha256);
    const st = await stat(path).catch(() => undefined);
    if (st === undefined) return undefined;
    // Changed on disk since it was verified: hashed once more before a byte is sent.
    if (st.mtimeMs !== VERIFIED_MTIME.getTime() && !(await this.#serial(sha256, () => this.#verify(sha256).catch(() => false)))) return undefined;
    return { size: st.size, stream: createReadStream(path, { start, end: end ?? Math.max(0, st.size - 1) }) };
  }
}
