/**
 * Where the hub keeps attachment bytes (sync.md §5.1): an interface so the files-on-disk default
 * (`storage-fs.ts`) can give way to S3 later without touching the routes. Whole files are named
 * by their SHA-256 and stored once. An upload grows as a partial of its own scope (the uploading
 * commune, issue 13: one commune never adds to or completes another's upload, and a file another
 * commune already holds must still be sent whole before it counts) at the offset it reports, and
 * becomes (or, if already stored, confirms) the file only after its whole hash matches. Integrity
 * of stored files is checked by `scrub` (run periodically), not on every read: a file whose bytes
 * no longer match its name is moved aside and never served again.
 */
import type { Readable } from 'node:stream';

/** How much of a file an upload holds. */
export interface StoredStatus {
  readonly received: number;
  readonly complete: boolean;
}

/** A chunk arrived for an offset other than where the partial stands. */
export class OffsetMismatchError extends Error {
  constructor(readonly received: number) {
    super(`offset mismatch: storage holds ${received} bytes`);
  }
}

/** What `scrub` found. */
export interface ScrubReport {
  readonly checked: number;
  /** Hashes of files whose bytes no longer matched: moved aside, no longer served. */
  readonly corrupt: readonly string[];
}

/** See the file comment. `scope` names the upload's owner (a commune id). */
export interface BlobStorage {
  /** The whole file's size, or undefined when it is not stored (or was found damaged). */
  whole(sha256: string): Promise<number | undefined>;
  /** Bytes held by `scope`'s partial upload of the file (0 when none). */
  partial(scope: string, sha256: string): Promise<number>;
  /** Appends `bytes` at `offset` (which must equal the bytes held); returns the new count. */
  append(scope: string, sha256: string, offset: number, bytes: Uint8Array): Promise<number>;
  /** Whether the partial already holds exactly `bytes` at `offset`: a retried chunk. */
  holds(scope: string, sha256: string, offset: number, bytes: Uint8Array): Promise<boolean>;
  /** Hashes the partial: on a match it becomes (or confirms) the file (true); otherwise it is discarded (false). */
  complete(scope: string, sha256: string): Promise<boolean>;
  /** Removes `scope`'s partial upload of the file, if any. */
  discard(scope: string, sha256: string): Promise<void>;
  /** Removes partial uploads whose last chunk is older than `olderThanMs` ago (left by a crash or a vanished PC); returns how many. */
  sweepPartials(olderThanMs: number): Promise<number>;
  /** Hashes every stored file; a damaged one is moved aside and no longer served. */
  scrub(): Promise<ScrubReport>;
  /** Bytes `start`…`end` (inclusive) of a whole file; undefined when absent. Not re-hashed (see `scrub`). */
  read(sha256: string, start?: number, end?: number): Promise<{ readonly size: number; readonly stream: Readable } | undefined>;
}
