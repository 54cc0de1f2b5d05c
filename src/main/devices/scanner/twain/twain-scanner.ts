/**
 * The TWAIN driver logic over a DSM (twain-ffi.ts): sources by name, capability negotiation,
 * memory transfer in strips, page after page until PENDINGXFERS says none, and the step-down
 * (RESET, DISABLEDS, CLOSEDS, CLOSEDSM) on every path. It runs inside the TWAIN worker process
 * (worker/), never in the core: on Windows the worker pumps the Win32 message loop and this
 * session offers each message to the source until it says XFERREADY.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { AppError } from '../../../../shared/api/errors';
import { commonResolutions, fittingPageSizes, throwIfCancelled, type ScanDevice, type ScannedPage, type ScanOptions, type Scanner, type ScannerCapabilities, type ScanSession } from '../scanner';
import { parseContainer, type CapabilityValue } from './twain-containers';
import { dibLayout, dibRows } from './twain-dib';
import {
  addressOf,
  copyBytes,
  dsmMemory,
  encodeAt,
  loadDsm,
  readStruct,
  structBuffer,
  TW,
  TW_CAPABILITY,
  TW_ENTRYPOINT,
  TW_ENTRYPOINT_SIZE,
  TW_EVENT,
  TW_IDENTITY,
  TW_IMAGEMEMXFER,
  TW_ONEVALUE,
  TW_ONEVALUE_SIZE,
  TW_PENDINGXFERS,
  TW_SETUPFILEXFER,
  TW_SETUPMEMXFER,
  TW_STATUS,
  TW_USERINTERFACE,
  type TwainDsm,
  type TwainMemory,
} from './twain-ffi';

/**
 * The worker's Win32 message loop (worker/message-loop-ffi.ts): a hidden parent window, and a
 * pump that offers each queued message to `filter` first and dispatches only what it declines.
 */
export interface TwainMessageLoop {
  readonly window: bigint;
  /** Starts offering messages to `filter`; the returned function stops it. */
  pump(filter: (msg: Buffer) => boolean): () => void;
}

/** BITMAPFILEHEADER: "BM", file size, two reserved words, offset of the pixels. */
const BMP_FILE_HEADER = 14;

interface Identity {
  readonly Id: number;
  readonly ProductName: string;
  readonly Manufacturer: string;
}

const appIdentity = () =>
  structBuffer(TW_IDENTITY, {
    Id: 0,
    Version: { MajorNum: 1, MinorNum: 0, Language: 113, Country: 84, Info: 'Motcua Desk' },
    ProtocolMajor: 2,
    ProtocolMinor: 4,
    SupportedGroups: TW.DF_APP2 | TW.DG_CONTROL | TW.DG_IMAGE,
    Manufacturer: 'Motcua',
    ProductFamily: 'Motcua Desk',
    ProductName: 'Motcua Desk',
  });

/** The TWAIN session's error as the clerk's error, from the source's condition code. */
function twainError(dsm: TwainDsm, app: Buffer, src: Buffer | null, rc: number): AppError {
  if (rc === TW.RC_CANCEL) return new AppError('scanner.cancelled');
  const status = structBuffer(TW_STATUS, {});
  dsm.entry(app, src, TW.DG_CONTROL, TW.DAT_STATUS, TW.MSG_GET, status);
  const cc = readStruct<{ ConditionCode: number }>(status, TW_STATUS).ConditionCode;
  if (cc === TW.CC_PAPERJAM || cc === TW.CC_PAPERDOUBLEFEED) return new AppError('scanner.paper-jam');
  if (cc === TW.CC_NOMEDIA) return new AppError('scanner.no-paper');
  return new AppError('scanner.failed', { reason: `TWAIN ${rc}/${cc}` });
}

/** The sources the DSM knows (DAT_IDENTITY GETFIRST/GETNEXT; valid in states 3 to 7). */
function listSources(dsm: TwainDsm, app: Buffer): Buffer[] {
  const found: Buffer[] = [];
  for (let msg: number = TW.MSG_GETFIRST; ; msg = TW.MSG_GETNEXT) {
    const id = structBuffer(TW_IDENTITY, {});
    if (dsm.entry(app, null, TW.DG_CONTROL, TW.DAT_IDENTITY, msg, id) !== TW.RC_SUCCESS) return found;
    found.push(id);
  }
}

export class TwainScanner implements Scanner {
  readonly driver = 'twain' as const;

  /** Without a message loop (Linux, the fake DSM) a source is ready to transfer once enabled. */
  constructor(
    private readonly dsmPath: string,
    private readonly loop?: TwainMessageLoop,
  ) {}

  private parentWindow(): Buffer {
    const hwnd = Buffer.alloc(8);
    hwnd.writeBigUInt64LE(this.loop?.window ?? 0n);
    return hwnd;
  }

  /** Opens the DSM (state 3), runs `fn`, closes it again on every path. */
  private withDsm<T>(fn: (dsm: TwainDsm, app: Buffer, memory: TwainMemory | undefined) => T): T {
    let dsm: TwainDsm;
    try {
      dsm = loadDsm(this.dsmPath);
    } catch {
      throw new AppError('scanner.no-device', { device: 'TWAIN' });
    }
    const app = appIdentity();
    const hwnd = this.parentWindow();
    const rc = dsm.entry(app, null, TW.DG_CONTROL, TW.DAT_PARENT, TW.MSG_OPENDSM, hwnd);
    if (rc !== TW.RC_SUCCESS) throw twainError(dsm, app, null, rc);
    // Read after OPENDSM: a TWAIN 2 DSM sets DF_DSM2 in our identity when it has entry points.
    const memory = TwainScanner.memoryOf(dsm, app);
    let keepOpen = false;
    try {
      const result = fn(dsm, app, memory);
      keepOpen = result instanceof TwainSession;
      return result;
    } finally {
      if (!keepOpen) dsm.entry(app, null, TW.DG_CONTROL, TW.DAT_PARENT, TW.MSG_CLOSEDSM, hwnd);
    }
  }

  /** The DSM's memory functions, or none from a TWAIN 1.x DSM (capabilities then fall back to defaults). */
  private static memoryOf(dsm: TwainDsm, app: Buffer): TwainMemory | undefined {
    if ((readStruct<{ SupportedGroups: number }>(app, TW_IDENTITY).SupportedGroups & TW.DF_DSM2) === 0) return undefined;
    const entrypoint = structBuffer(TW_ENTRYPOINT, { Size: TW_ENTRYPOINT_SIZE });
    if (dsm.entry(app, null, TW.DG_CONTROL, TW.DAT_ENTRYPOINT, TW.MSG_GET, entrypoint) !== TW.RC_SUCCESS) return undefined;
    return dsmMemory(entrypoint);
  }

  /** Sessions still open: the DSM is open once per application, so listing then goes through one. */
  private readonly sessions = new Set<TwainSession>();

  listDevices(): Promise<ScanDevice[]> {
    const describe = (b: Buffer): ScanDevice => {
      const id = readStruct<Identity>(b, TW_IDENTITY);
      return { id: `twain:${id.ProductName}`, driver: 'twain', label: `${id.ProductName} (TWAIN)`, vendor: id.Manufacturer, model: id.ProductName };
    };
    return new Promise((resolve) => {
      const open = this.sessions.values().next().value;
      resolve((open === undefined ? this.withDsm((dsm, app) => listSources(dsm, app)) : open.sources()).map(describe));
    });
  }

  open(deviceId: string): Promise<ScanSession> {
    const name = deviceId.replace(/^twain:/u, '');
    return new Promise((resolve) =>
      resolve(
        this.withDsm((dsm, app, memory) => {
          const src = listSources(dsm, app).find((b) => readStruct<Identity>(b, TW_IDENTITY).ProductName === name);
          if (src === undefined) throw new AppError('scanner.no-device', { device: name });
          const rc = dsm.entry(app, null, TW.DG_CONTROL, TW.DAT_IDENTITY, TW.MSG_OPENDS, src);
          if (rc !== TW.RC_SUCCESS) throw twainError(dsm, app, null, rc);
          const session = new TwainSession(dsm, app, src, { id: `twain:${name}`, driver: 'twain', label: `${name} (TWAIN)`, vendor: '', model: name }, {
            loop: this.loop,
            hwnd: this.parentWindow(),
            memory,
            onClose: () => this.sessions.delete(session),
          });
          this.sessions.add(session);
          return session;
        }),
      ),
    );
  }
}

class TwainSession implements ScanSession {
  private enabled = false;
  private closed = false;

  constructor(
    private readonly dsm: TwainDsm,
    private readonly app: Buffer,
    private readonly src: Buffer,
    readonly device: ScanDevice,
    private readonly host: { readonly loop: TwainMessageLoop | undefined; readonly hwnd: Buffer; readonly memory: TwainMemory | undefined; readonly onClose: () => void },
  ) {}

  /** The DSM's sources, listed through this session's open DSM (valid in states 3 to 7). */
  sources(): Buffer[] {
    return listSources(this.dsm, this.app);
  }

  private get loop(): TwainMessageLoop | undefined {
    return this.host.loop;
  }

  /** MSG_GET of one capability; undefined when the source does not have it. The container is freed here. */
  private getCap(cap: number): CapabilityValue | undefined {
    const memory = this.host.memory;
    if (memory === undefined) return undefined;
    const capability = structBuffer(TW_CAPABILITY, { Cap: cap, ConType: TW.TWON_DONTCARE16, hContainer: 0n });
    const rc = this.call(TW.DG_CONTROL, TW.DAT_CAPABILITY, TW.MSG_GET, capability);
    if (rc !== TW.RC_SUCCESS) {
      this.call(TW.DG_CONTROL, TW.DAT_STATUS, TW.MSG_GET, structBuffer(TW_STATUS, {}));
      return undefined;
    }
    const { ConType, hContainer } = readStruct<{ ConType: number; hContainer: bigint | null }>(capability, TW_CAPABILITY);
    if (hContainer === null || hContainer === 0n) return undefined;
    try {
      return memory.locked(hContainer, (pointer) => parseContainer(ConType, (length) => copyBytes(pointer, length)));
    } finally {
      memory.free(hContainer);
    }
  }

  /**
   * What the source says it can do (resolution, pixel types, feeder, duplex, bed size in
   * inches, the default unit); without a TWAIN 2 DSM, a flatbed-and-feeder guess.
   */
  capabilities(): Promise<ScannerCapabilities> {
    return new Promise((resolve) => {
      const res = this.getCap(TW.ICAP_XRESOLUTION);
      const resolutions = res === undefined ? commonResolutions(75, 600) : res.kind === 'range' ? commonResolutions(res.min, res.max) : [...new Set(res.values.map(Math.round))].sort((a, b) => a - b);
      const pixel = this.getCap(TW.ICAP_PIXELTYPE);
      const modes = { color: TW.TWPT_RGB, gray: TW.TWPT_GRAY, bw: TW.TWPT_BW } as const;
      const colorModes = pixel?.kind === 'list' ? (['color', 'gray', 'bw'] as const).filter((m) => pixel.values.includes(modes[m])) : (['color', 'gray'] as const);
      const feeder = this.host.memory === undefined || this.getCap(TW.CAP_FEEDERENABLED) !== undefined;
      const duplex = this.getCap(TW.CAP_DUPLEXENABLED) !== undefined;
      const inches = (cap: number, fallback: number) => {
        const v = this.getCap(cap);
        return v?.kind === 'list' && v.values[0] !== undefined ? v.values[0] : fallback;
      };
      const maxWidthMm = Math.round(inches(TW.ICAP_PHYSICALWIDTH, 8.5) * 254) / 10;
      const maxHeightMm = Math.round(inches(TW.ICAP_PHYSICALHEIGHT, 14) * 254) / 10;
      resolve({
        sources: ['flatbed', ...(feeder ? (['adf'] as const) : []), ...(duplex ? (['adf-duplex'] as const) : [])],
        resolutions,
        colorModes: [...colorModes],
        pageSizes: fittingPageSizes(maxWidthMm, maxHeightMm),
        maxWidthMm,
        maxHeightMm,
      });
    });
  }

  private call(dg: number, dat: number, msg: number, data: Buffer | null): number {
    return this.dsm.entry(this.app, this.src, dg, dat, msg, data);
  }

  private check(rc: number, ok: readonly number[] = [TW.RC_SUCCESS]): number {
    if (!ok.includes(rc)) throw twainError(this.dsm, this.app, this.src, rc);
    return rc;
  }

  /**
   * MSG_SET of a ONEVALUE. The container comes from the DSM's allocator (an HGLOBAL on Windows)
   * and is freed here after the call; a TWAIN 1.x DSM gets a Buffer kept alive for the call.
   */
  private setCap(cap: number, itemType: number, item: number): void {
    const memory = this.host.memory;
    const value = { ItemType: itemType, Item: item };
    if (memory === undefined) {
      const container = structBuffer(TW_ONEVALUE, value);
      const capability = structBuffer(TW_CAPABILITY, { Cap: cap, ConType: TW.TWON_ONEVALUE, hContainer: addressOf(container) });
      this.check(this.call(TW.DG_CONTROL, TW.DAT_CAPABILITY, TW.MSG_SET, capability));
      return;
    }
    const handle = memory.allocate(TW_ONEVALUE_SIZE);
    try {
      memory.locked(handle, (pointer) => encodeAt(pointer, TW_ONEVALUE, value));
      const capability = structBuffer(TW_CAPABILITY, { Cap: cap, ConType: TW.TWON_ONEVALUE, hContainer: handle });
      this.check(this.call(TW.DG_CONTROL, TW.DAT_CAPABILITY, TW.MSG_SET, capability));
    } finally {
      memory.free(handle);
    }
  }

  /**
   * One page by memory transfer, strip after strip into `strip`. The strips are gathered before
   * the page is handed on: a memory transfer cannot pause.
   */
  private async memoryPage(strip: Buffer, channels: 1 | 3): Promise<{ width: number; chunks: Uint8Array[] }> {
    const chunks: Uint8Array[] = [];
    let width = 0;
    for (let rc = 0; rc !== TW.RC_XFERDONE; ) {
      const xfer = structBuffer(TW_IMAGEMEMXFER, { Memory: { Flags: TW.TWMF_APPOWNS_POINTER, Length: strip.length, TheMem: addressOf(strip) } });
      // DSM calls are synchronous: let the message pump and the UI run between strips.
      await yieldToLoop();
      rc = this.check(this.call(TW.DG_IMAGE, TW.DAT_IMAGEMEMXFER, TW.MSG_GET, xfer), [TW.RC_SUCCESS, TW.RC_XFERDONE]);
      const x = readStruct<{ BytesPerRow: number; Columns: number; Rows: number }>(xfer, TW_IMAGEMEMXFER);
      width = x.Columns;
      for (let r = 0; r < x.Rows; r++) chunks.push(Uint8Array.from(strip.subarray(r * x.BytesPerRow, r * x.BytesPerRow + x.Columns * channels)));
    }
    return { width, chunks };
  }

  /**
   * One page by native transfer: the source hands over a DIB handle, copied out (header first,
   * to know the length) and freed here on every path.
   */
  private nativePage(): { width: number; channels: 1 | 3; chunks: Uint8Array[] } {
    const memory = this.host.memory;
    if (memory === undefined) throw new AppError('scanner.unsupported', { option: 'TWAIN native transfer without a TWAIN 2 DSM' });
    const handleOut = Buffer.alloc(8);
    this.check(this.call(TW.DG_IMAGE, TW.DAT_IMAGENATIVEXFER, TW.MSG_GET, handleOut), [TW.RC_XFERDONE]);
    const handle = process.arch === 'ia32' ? BigInt(handleOut.readUInt32LE(0)) : handleOut.readBigUInt64LE(0);
    try {
      const dib = memory.locked(handle, (pointer) => copyBytes(pointer, dibLayout(copyBytes(pointer, 40)).length));
      const layout = dibLayout(dib);
      return { width: layout.width, ...dibRows(dib, layout) };
    } finally {
      memory.free(handle);
    }
  }

  /**
   * One page by file transfer: the source writes a BMP to the file we name (ASCII: TW_STR255 is
   * `char`), read back as a DIB after the BITMAPFILEHEADER and removed on every path.
   */
  private filePage(index: number): { width: number; channels: 1 | 3; chunks: Uint8Array[] } {
    const path = join(tmpdir(), `motcua-twain-${process.pid}-${index}.bmp`);
    const setup = structBuffer(TW_SETUPFILEXFER, { FileName: path, Format: TW.TWFF_BMP, VRefNum: 0 });
    this.check(this.call(TW.DG_CONTROL, TW.DAT_SETUPFILEXFER, TW.MSG_SET, setup));
    try {
      this.check(this.call(TW.DG_IMAGE, TW.DAT_IMAGEFILEXFER, TW.MSG_GET, null), [TW.RC_XFERDONE]);
      const dib = readFileSync(path).subarray(BMP_FILE_HEADER);
      const layout = dibLayout(dib);
      return { width: layout.width, ...dibRows(dib, layout) };
    } finally {
      rmSync(path, { force: true });
    }
  }

  /**
   * Scans a batch by memory transfer, or by native or file transfer when `extra.transfer` says
   * 'native' (every source supports it; the page comes whole, as a DIB) or 'file' (a BMP).
   */
  async *scan(options: ScanOptions, signal?: AbortSignal): AsyncGenerator<ScannedPage> {
    throwIfCancelled(signal);
    const transfer = options.extra?.transfer === 'native' || options.extra?.transfer === 'file' ? options.extra.transfer : 'memory';
    const channels: 1 | 3 = options.colorMode === 'color' ? 3 : 1;
    this.setCap(TW.ICAP_XFERMECH, TW.TWTY_UINT16, { memory: TW.TWSX_MEMORY, native: TW.TWSX_NATIVE, file: TW.TWSX_FILE }[transfer]);
    this.setCap(TW.ICAP_PIXELTYPE, TW.TWTY_UINT16, channels === 3 ? TW.TWPT_RGB : TW.TWPT_GRAY);
    this.setCap(TW.ICAP_XRESOLUTION, TW.TWTY_FIX32, options.resolution);
    this.setCap(TW.ICAP_YRESOLUTION, TW.TWTY_FIX32, options.resolution);
    this.setCap(TW.CAP_FEEDERENABLED, TW.TWTY_BOOL, options.source === 'flatbed' ? 0 : 1);
    this.check(this.call(TW.DG_CONTROL, TW.DAT_USERINTERFACE, TW.MSG_ENABLEDS, structBuffer(TW_USERINTERFACE, { ShowUI: 0, ModalUI: 1, hParent: this.loop?.window ?? 0n })));
    this.enabled = true;
    try {
      await this.transferReady(signal);
      let strip = Buffer.alloc(0);
      if (transfer === 'memory') {
        const setup = structBuffer(TW_SETUPMEMXFER, {});
        this.check(this.call(TW.DG_CONTROL, TW.DAT_SETUPMEMXFER, TW.MSG_GET, setup));
        strip = Buffer.alloc(Math.max(readStruct<{ Preferred: number }>(setup, TW_SETUPMEMXFER).Preferred, 64 * 1024));
      }
      for (let index = 0; ; index++) {
        throwIfCancelled(signal);
        await yieldToLoop();
        const page = transfer === 'native' ? this.nativePage() : transfer === 'file' ? this.filePage(index) : { channels, ...(await this.memoryPage(strip, channels)) };
        yield { kind: 'raw', index, header: { width: page.width, height: -1, channels: page.channels, dpi: options.resolution }, rows: page.chunks };
        const pending = structBuffer(TW_PENDINGXFERS, {});
        this.check(this.call(TW.DG_CONTROL, TW.DAT_PENDINGXFERS, TW.MSG_ENDXFER, pending));
        if (readStruct<{ Count: number }>(pending, TW_PENDINGXFERS).Count === 0 || options.source === 'flatbed') break;
      }
    } finally {
      this.stepDown();
    }
  }

  /**
   * Waits for the source's XFERREADY, which on Windows arrives as a window message: every
   * message goes to DAT_EVENT/MSG_PROCESSEVENT first, and only those the source does not claim
   * are dispatched. CLOSEDSREQ (the clerk closed the driver's own window) cancels the batch.
   */
  private transferReady(signal?: AbortSignal): Promise<void> {
    const loop = this.loop;
    if (loop === undefined) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const finish = (error?: AppError) => {
        stop();
        signal?.removeEventListener('abort', onAbort);
        if (error === undefined) resolve();
        else reject(error);
      };
      const onAbort = () => finish(new AppError('scanner.cancelled'));
      const stop = loop.pump((msg) => {
        const event = structBuffer(TW_EVENT, { pEvent: addressOf(msg), TWMessage: 0 });
        if (this.call(TW.DG_CONTROL, TW.DAT_EVENT, TW.MSG_PROCESSEVENT, event) !== TW.RC_DSEVENT) return false;
        const message = readStruct<{ TWMessage: number }>(event, TW_EVENT).TWMessage;
        if (message === TW.MSG_XFERREADY) finish();
        else if (message === TW.MSG_CLOSEDSREQ || message === TW.MSG_CLOSEDSOK) finish(new AppError('scanner.cancelled'));
        return true;
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** From any state above 4 back to 4: reset pending transfers, disable the source. */
  private stepDown(): void {
    if (!this.enabled) return;
    this.enabled = false;
    this.call(TW.DG_CONTROL, TW.DAT_PENDINGXFERS, TW.MSG_RESET, structBuffer(TW_PENDINGXFERS, {}));
    this.call(TW.DG_CONTROL, TW.DAT_USERINTERFACE, TW.MSG_DISABLEDS, structBuffer(TW_USERINTERFACE, { ShowUI: 0, ModalUI: 1, hParent: this.loop?.window ?? 0n }));
  }

  [Symbol.asyncDispose](): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.stepDown();
      this.dsm.entry(this.app, null, TW.DG_CONTROL, TW.DAT_IDENTITY, TW.MSG_CLOSEDS, this.src);
      this.dsm.entry(this.app, null, TW.DG_CONTROL, TW.DAT_PARENT, TW.MSG_CLOSEDSM, this.host.hwnd);
      this.host.onClose();
    }
    return Promise.resolve();
  }
}
