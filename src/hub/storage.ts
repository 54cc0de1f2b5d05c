/**
 * Where the hub keeps attachment bytes (sync.md §5.1): an interface so the files-on-disk default
 * (`storage-fs.ts`) can give way to S3 later without touching the routes. Files are named by
 * their SHA-256; a partial upload grows chunk by chunk at the offset it reports, and becomes the
 * file only after its whole hash matches. A file whose bytes no longer match its name is never
 * served.
 */
import type { Readable } from 'node:stream';

/** How much of a file the storage holds. */
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

/** See the file comment. */
export interface BlobStorage {
  status(sha256: string): Promise<StoredStatus>;
  /** Appends `bytes` at `offset` (which must equal the bytes held); returns the new count. */
  append(sha256: string, offset: number, bytes: Uint8Array): Promise<number>;
  /** Whether the partial (or the file) already holds exactly `bytes` at `offset`: a retried chunk. */
  holds(sha256: string, offset: number, bytes: Uint8Array): Promise<boolean>;
  /** Hashes the partial: on a match it becomes the file (true); otherwise it is discarded (false). */
  complete(sha256: string): Promise<boolean>;
  /** Bytes `start`…`end` (inclusive) of a whole, verified file; undefined when absent or corrupt. */
  read(sha256: string, start?: number, end?: number): Promise<{ readonly size: number; readonly stream: Readable } | undefined>;
}
