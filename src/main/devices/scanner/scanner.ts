/**
 * One scanner interface over every driver (SANE, eSCL, TWAIN). A driver lists devices and opens
 * a session; a session reads capabilities and scans batches, each page handed over as raw rows
 * the moment it arrives so the pipeline can stream it to disk. Sessions are Disposable: every
 * native handle is released on every path, including errors and cancellation.
 */
import { AppError } from '../../../shared/api/errors';

export type ScanDriverName = 'sane' | 'escl' | 'twain';
export type ScanSource = 'flatbed' | 'adf' | 'adf-duplex';
export type ColorMode = 'color' | 'gray' | 'bw';

/** A device as a driver sees it; `id` is `<driver>:<driver's own name>` and unique across drivers. */
export interface ScanDevice {
  readonly id: string;
  readonly driver: ScanDriverName;
  /** What the clerk reads in the picker, e.g. "Canon LiDE 300 (SANE)". */
  readonly label: string;
  readonly vendor: string;
  readonly model: string;
}

export interface PageSize {
  readonly name: string;
  readonly widthMm: number;
  readonly heightMm: number;
}

export const A4: PageSize = { name: 'A4', widthMm: 210, heightMm: 297 };
export const A5: PageSize = { name: 'A5', widthMm: 148, heightMm: 210 };

export interface ScannerCapabilities {
  readonly sources: readonly ScanSource[];
  /** Discrete resolutions the device offers (a range is reduced to common values within it). */
  readonly resolutions: readonly number[];
  readonly colorModes: readonly ColorMode[];
  /** Standard sizes that fit the device's maximum area. */
  readonly pageSizes: readonly PageSize[];
  readonly maxWidthMm: number;
  readonly maxHeightMm: number;
}

export interface ScanOptions {
  readonly source: ScanSource;
  readonly resolution: number;
  readonly colorMode: ColorMode;
  readonly pageSize: PageSize;
  /** At most this many pages (the ADF stops on its own when empty). */
  readonly maxPages?: number;
  /** Driver-specific settings by name (SANE option names), for support staff and tests. */
  readonly extra?: Readonly<Record<string, string | number>>;
}

/**
 * How a page's pixels arrive: 8-bit samples, 1 (gray) or 3 (RGB) channels, `width` pixels per
 * row and no padding. `height` is known at the start except for hand scanners (-1).
 */
export interface RawPageHeader {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly dpi: number;
}

/**
 * A raw page already on disk in the pipeline's spool format (pipeline/spool.ts): what the TWAIN
 * worker process hands over, so a page crosses the process boundary as a file name.
 */
export interface SpooledImage {
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly dpi: number;
}

/**
 * A page as it arrives. Raw pages come as chunks of whole rows (the pipeline writes them to disk
 * as they come); encoded pages (eSCL, TWAIN native/file transfer) come as one JPEG or PNG;
 * spooled pages are raw pages another process already wrote to disk.
 */
export type ScannedPage =
  | { readonly kind: 'raw'; readonly index: number; readonly header: RawPageHeader; readonly rows: AsyncIterable<Uint8Array> | Iterable<Uint8Array> }
  | { readonly kind: 'encoded'; readonly index: number; readonly dpi: number; readonly bytes: Uint8Array }
  | { readonly kind: 'spooled'; readonly index: number; readonly file: SpooledImage };

/** One open device. Scan batches are sequential; `[Symbol.asyncDispose]` closes the device. */
export interface ScanSession extends AsyncDisposable {
  readonly device: ScanDevice;
  capabilities(): Promise<ScannerCapabilities>;
  /**
   * Scans a batch: yields each page as it comes; the consumer must drain a page's rows before
   * asking for the next page. Ends when the feeder is empty (after at least one page) or after
   * one page on the flatbed. Aborting `signal` cancels at the device and throws
   * `scanner.cancelled`; breaking out of the loop cancels too.
   */
  scan(options: ScanOptions, signal?: AbortSignal): AsyncIterable<ScannedPage>;
}

/** A driver: how devices of one kind are found and opened. */
export interface Scanner {
  readonly driver: ScanDriverName;
  listDevices(): Promise<ScanDevice[]>;
  /** Opens a device by its `id` (as listed); throws `scanner.no-device` or `scanner.busy`. */
  open(deviceId: string): Promise<ScanSession>;
}

/** Splits `sane:test:0` into the driver and the driver's own name. */
export function parseDeviceId(id: string): { driver: string; name: string } {
  const colon = id.indexOf(':');
  if (colon < 0) throw new AppError('scanner.no-device', { device: id });
  return { driver: id.slice(0, colon), name: id.slice(colon + 1) };
}

/** Throws `scanner.cancelled` if the signal has fired: called between every device step. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new AppError('scanner.cancelled');
}

/** The standard sizes that fit within a device's area. */
export function fittingPageSizes(maxWidthMm: number, maxHeightMm: number): PageSize[] {
  const letter: PageSize = { name: 'Letter', widthMm: 215.9, heightMm: 279.4 };
  return [A4, A5, letter].filter((s) => s.widthMm <= maxWidthMm + 0.5 && s.heightMm <= maxHeightMm + 0.5);
}

/** Resolutions a clerk picks from, reduced to what a device's range allows. */
export function commonResolutions(min: number, max: number): number[] {
  return [75, 100, 150, 200, 300, 400, 600].filter((r) => r >= min && r <= max);
}
