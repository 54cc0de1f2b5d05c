/**
 * The messages between the core and the TWAIN worker process, over Node's IPC channel with its
 * default JSON serialisation (so a 32-bit node.exe of another Node version can be the worker).
 * Every request has an id; the worker answers each with exactly one `reply`. A scan also sends
 * one `page` per page (the page itself is a spool file on disk, named in the message) and waits
 * for `next` before it ends that page's transfer, so at most one page waits on disk.
 */
import type { ScanDevice, ScanOptions, SpooledImage } from '../../scanner';

export type WorkerRequest =
  | { readonly id: number; readonly op: 'list' }
  | { readonly id: number; readonly op: 'open'; readonly deviceId: string }
  | { readonly id: number; readonly op: 'capabilities'; readonly session: number }
  | { readonly id: number; readonly op: 'scan'; readonly session: number; readonly options: ScanOptions }
  | { readonly id: number; readonly op: 'close'; readonly session: number };

/** Control messages for a running scan (by the scan request's id); they get no reply of their own. */
export type WorkerControl = { readonly op: 'next'; readonly scan: number } | { readonly op: 'cancel'; readonly scan: number };

/** An error as it crosses the process boundary: the AppError's code and params. */
export interface WorkerError {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export type WorkerReply =
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'reply'; readonly id: number; readonly ok: false; readonly error: WorkerError }
  | { readonly type: 'page'; readonly id: number; readonly index: number; readonly file: SpooledImage };

export interface OpenReply {
  readonly session: number;
  readonly device: ScanDevice;
}

/** argv of the worker: `--dsm <path> --spool <dir>`. */
export function workerArgs(dsmPath: string, spoolDir: string): string[] {
  return ['--dsm', dsmPath, '--spool', spoolDir];
}
