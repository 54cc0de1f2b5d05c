/**
 * The SANE driver: libsane called directly (never `scanimage`). libsane has process-wide state
 * between sane_init and sane_exit, so the driver counts its users and calls sane_exit when the
 * last listing or session is done. All calls on one handle are strictly sequential; start and
 * read run on koffi's worker threads so a slow lamp or feeder never blocks the event loop.
 */
import { AppError } from '../../../../shared/api/errors';
import {
  commonResolutions,
  fittingPageSizes,
  throwIfCancelled,
  type ColorMode,
  type RawPageHeader,
  type ScanDevice,
  type ScannedPage,
  type ScanOptions,
  type Scanner,
  type ScannerCapabilities,
  type ScanSession,
  type ScanSource,
} from '../scanner';
import { SaneStatus, type SaneHandle, type SaneLibrary } from './sane-ffi';
import { acquireSane, releaseSane, saneError } from './sane-runtime';
import { numericValues, SaneOptions } from './sane-options';
import { unpackRow } from './sane-rows';

const READ_CHUNK = 256 * 1024;
const SOURCE_NAMES: Record<ScanSource, readonly string[]> = {
  flatbed: ['Flatbed', 'FlatBed', 'Normal'],
  adf: ['Automatic Document Feeder', 'ADF', 'ADF Front', 'Document Feeder'],
  'adf-duplex': ['ADF Duplex', 'Duplex'],
};
const MODE_NAMES: Record<ColorMode, readonly string[]> = { color: ['Color'], gray: ['Gray'], bw: ['Gray', 'Lineart'] };

/** Runs `fn` as a promise, so a throw becomes a rejection like any async driver's. */
const later = <T>(fn: () => T): Promise<T> => new Promise((resolve) => resolve(fn()));

/** The SANE driver; instances share libsane's process-wide state. */
export class SaneScanner implements Scanner {
  readonly driver = 'sane' as const;

  private acquire(): Promise<SaneLibrary> {
    return acquireSane();
  }

  private release(): void {
    releaseSane();
  }

  async listDevices(): Promise<ScanDevice[]> {
    const lib = await this.acquire();
    try {
      const { status, devices } = lib.getDevices();
      if (status !== SaneStatus.GOOD) throw saneError(status, lib);
      return devices.map((d) => ({
        id: `sane:${d.name}`,
        driver: 'sane',
        label: `${d.vendor} ${d.model} (SANE)`.trim(),
        vendor: d.vendor,
        model: d.model,
      }));
    } finally {
      this.release();
    }
  }

  async open(deviceId: string): Promise<ScanSession> {
    const name = deviceId.startsWith('sane:') ? deviceId.slice(5) : deviceId;
    const lib = await this.acquire();
    try {
      const { status, handle } = lib.open(name);
      if (status === SaneStatus.INVAL || status === SaneStatus.UNSUPPORTED) throw new AppError('scanner.no-device', { device: name });
      if (status !== SaneStatus.GOOD || handle === 0n) throw saneError(status, lib);
      const device: ScanDevice = { id: `sane:${name}`, driver: 'sane', label: `${name} (SANE)`, vendor: '', model: '' };
      return new SaneSession(lib, handle, device, () => this.release());
    } catch (error) {
      this.release();
      throw error;
    }
  }
}

class SaneSession implements ScanSession {
  private closed = false;
  private readonly options: SaneOptions;

  constructor(
    private readonly lib: SaneLibrary,
    private readonly handle: SaneHandle,
    readonly device: ScanDevice,
    private readonly onClose: () => void,
  ) {
    try {
      this.options = new SaneOptions(lib, handle);
    } catch (error) {
      this.dispose();
      throw error;
    }
  }

  capabilities(): Promise<ScannerCapabilities> {
    return later(() => this.capabilitiesNow());
  }

  private capabilitiesNow(): ScannerCapabilities {
    const o = this.options;
    const sources = (Object.keys(SOURCE_NAMES) as ScanSource[]).filter((s) => o.pick('source', SOURCE_NAMES[s]) !== undefined);
    const res = numericValues(o.get('resolution'));
    const resolutions = res === undefined ? [] : (res.list ?? commonResolutions(res.min, res.max));
    const colorModes = (['color', 'gray'] as const).filter((m) => o.pick('mode', MODE_NAMES[m]) !== undefined);
    const maxWidthMm = numericValues(o.get('br-x'))?.max ?? 0;
    const maxHeightMm = numericValues(o.get('br-y'))?.max ?? 0;
    return {
      sources: sources.length > 0 ? sources : ['flatbed'],
      resolutions,
      colorModes,
      pageSizes: fittingPageSizes(maxWidthMm, maxHeightMm),
      maxWidthMm,
      maxHeightMm,
    };
  }

  private configure(options: ScanOptions): void {
    const o = this.options;
    const source = o.pick('source', SOURCE_NAMES[options.source]);
    if (source !== undefined) o.set('source', source);
    else if (options.source !== 'flatbed') throw new AppError('scanner.unsupported', { option: options.source });
    const mode = o.pick('mode', MODE_NAMES[options.colorMode]);
    if (mode !== undefined) o.set('mode', mode);
    o.set('depth', 8);
    o.set('resolution', options.resolution);
    // Geometry last: a mode or source change may reset it. Backends clamp to their area.
    o.set('tl-x', 0);
    o.set('tl-y', 0);
    o.set('br-x', options.pageSize.widthMm);
    o.set('br-y', options.pageSize.heightMm);
    for (const [name, value] of Object.entries(options.extra ?? {})) {
      if (!o.set(name, value)) throw new AppError('scanner.unsupported', { option: name });
    }
  }

  async *scan(options: ScanOptions, signal?: AbortSignal): AsyncGenerator<ScannedPage> {
    if (this.closed) throw new AppError('scanner.no-device', { device: this.device.id });
    throwIfCancelled(signal);
    this.configure(options);
    const limit = options.source === 'flatbed' ? 1 : (options.maxPages ?? Number.POSITIVE_INFINITY);
    try {
      for (let index = 0; index < limit; index++) {
        throwIfCancelled(signal);
        const status = await this.lib.start(this.handle);
        if (status === SaneStatus.NO_DOCS && index > 0) return;
        if (status !== SaneStatus.GOOD) throw saneError(status, this.lib);
        const { status: ps, params } = this.lib.parameters(this.handle);
        if (ps !== SaneStatus.GOOD) throw saneError(ps, this.lib);
        if (params.format > 1 || !params.lastFrame) throw new AppError('scanner.unsupported', { option: 'three-pass' });
        const header: RawPageHeader = { width: params.pixelsPerLine, height: params.lines, channels: params.format === 1 ? 3 : 1, dpi: options.resolution };
        const rows = this.readRows(header, params.bytesPerLine, params.depth, signal);
        yield { kind: 'raw', index, header, rows };
        // The consumer may have stopped early; finish the page so the next start is valid.
        for await (const _ of rows) void _;
      }
    } finally {
      // Always, as scanimage does after a batch: ends the feeder's job and frees the device.
      if (!this.closed) this.lib.cancel(this.handle);
    }
  }

  /** Reads one page as chunks of whole rows, 8 bits per sample, padding removed. */
  private async *readRows(header: RawPageHeader, bytesPerLine: number, depth: number, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
    const rowOut = header.width * header.channels;
    const buffer = Buffer.alloc(Math.max(READ_CHUNK, bytesPerLine));
    let pending = Buffer.alloc(0);
    for (;;) {
      if (signal?.aborted === true) {
        this.lib.cancel(this.handle);
        throw new AppError('scanner.cancelled');
      }
      const { status, length } = await this.lib.read(this.handle, buffer);
      if (status === SaneStatus.EOF) break;
      if (status !== SaneStatus.GOOD) throw saneError(status, this.lib);
      // `data` may be the read buffer itself: everything is copied out of it before the next read.
      const data = pending.length === 0 ? buffer.subarray(0, length) : Buffer.concat([pending, buffer.subarray(0, length)]);
      const whole = Math.floor(data.length / bytesPerLine);
      pending = Buffer.from(data.subarray(whole * bytesPerLine));
      if (whole === 0) continue;
      const out = new Uint8Array(whole * rowOut);
      for (let r = 0; r < whole; r++) unpackRow(data, r * bytesPerLine, depth, out, r * rowOut, rowOut);
      yield out;
    }
  }

  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.lib.close(this.handle);
    } finally {
      this.onClose();
    }
  }

  [Symbol.asyncDispose](): Promise<void> {
    return later(() => this.dispose());
  }
}
