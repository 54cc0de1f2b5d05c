/**
 * libsane through koffi: the C structs and functions of sane.h, and nothing else. The logic
 * (options by name, the batch loop, errors) is in sane-scanner.ts. koffi 3 returns pointers as
 * BigInt, so `const T *` results are declared `void *` and decoded here. koffi itself is loaded on
 * the first call (a dynamic import), so a core that never scans never loads the native module.
 */
import type Koffi from 'koffi';
import { promisify } from 'node:util';

export const SaneStatus = {
  GOOD: 0,
  UNSUPPORTED: 1,
  CANCELLED: 2,
  DEVICE_BUSY: 3,
  INVAL: 4,
  EOF: 5,
  JAMMED: 6,
  NO_DOCS: 7,
  COVER_OPEN: 8,
  IO_ERROR: 9,
  NO_MEM: 10,
  ACCESS_DENIED: 11,
} as const;

export const SaneType = { BOOL: 0, INT: 1, FIXED: 2, STRING: 3, BUTTON: 4, GROUP: 5 } as const;
export const SaneConstraint = { NONE: 0, RANGE: 1, WORD_LIST: 2, STRING_LIST: 3 } as const;
export const SaneCap = { SOFT_SELECT: 1, INACTIVE: 0x20 } as const;
export const SaneInfo = { INEXACT: 1, RELOAD_OPTIONS: 2, RELOAD_PARAMS: 4 } as const;
const ACTION_GET = 0;
const ACTION_SET = 1;

/** A native SANE_Handle: a BigInt address owned by libsane until `close`. */
export type SaneHandle = bigint;

export interface SaneDeviceInfo {
  readonly name: string;
  readonly vendor: string;
  readonly model: string;
  readonly type: string;
}

export interface SaneOptionDescriptor {
  readonly index: number;
  readonly name: string;
  readonly type: number;
  readonly size: number;
  readonly cap: number;
  /** Range (min, max, quant) as raw words, a word list, or a string list, by constraint type. */
  readonly range?: { readonly min: number; readonly max: number; readonly quant: number };
  readonly words?: readonly number[];
  readonly strings?: readonly string[];
}

export interface SaneParameters {
  readonly format: number;
  readonly lastFrame: boolean;
  readonly bytesPerLine: number;
  readonly pixelsPerLine: number;
  readonly lines: number;
  readonly depth: number;
}

/** The structs of sane.h, declared once per process (koffi's type names are global). */
function saneStructs(koffi: typeof Koffi) {
  const SANE_Device = koffi.struct('SANE_Device', { name: 'const char *', vendor: 'const char *', model: 'const char *', type: 'const char *' });
  const SANE_Option_Descriptor = koffi.struct('SANE_Option_Descriptor', {
    name: 'const char *',
    title: 'const char *',
    desc: 'const char *',
    type: 'int',
    unit: 'int',
    size: 'int',
    cap: 'int',
    constraint_type: 'int',
    constraint: 'void *',
  });
  const SANE_Range = koffi.struct('SANE_Range', { min: 'int', max: 'int', quant: 'int' });
  const SANE_Parameters = koffi.struct('SANE_Parameters', {
    format: 'int',
    last_frame: 'int',
    bytes_per_line: 'int',
    pixels_per_line: 'int',
    lines: 'int',
    depth: 'int',
  });
  return { SANE_Device, SANE_Option_Descriptor, SANE_Range, SANE_Parameters };
}

/** The bound library; loaded once per process (libsane keeps global state between init and exit). */
export interface SaneLibrary {
  init(): number;
  exit(): void;
  getDevices(): { status: number; devices: SaneDeviceInfo[] };
  open(name: string): { status: number; handle: SaneHandle };
  close(handle: SaneHandle): void;
  optionCount(handle: SaneHandle): number;
  describe(handle: SaneHandle, index: number): SaneOptionDescriptor | undefined;
  /** Sets an option from a Buffer already holding the C value; returns status and info bits. */
  setOption(handle: SaneHandle, index: number, value: Buffer): { status: number; info: number };
  parameters(handle: SaneHandle): { status: number; params: SaneParameters };
  /** sane_start on a worker thread: a real scanner may take seconds to warm its lamp. */
  start(handle: SaneHandle): Promise<number>;
  /** sane_read on a worker thread into `buffer`; `length` is what arrived. */
  read(handle: SaneHandle, buffer: Buffer): Promise<{ status: number; length: number }>;
  cancel(handle: SaneHandle): void;
  strstatus(status: number): string;
}

let loaded: SaneLibrary | undefined;

/** libsane once loaded (after the first `loadSane`), for the calls that must stay synchronous. */
export function loadedSane(): SaneLibrary | undefined {
  return loaded;
}

/** Loads koffi and libsane (throws if libsane is not installed: the driver says "no device"). */
export async function loadSane(): Promise<SaneLibrary> {
  if (loaded !== undefined) return loaded;
  const koffi = (await import('koffi')).default;
  if (loaded !== undefined) return loaded;
  const { SANE_Device, SANE_Option_Descriptor, SANE_Range, SANE_Parameters } = saneStructs(koffi);
  const lib = koffi.load(process.platform === 'darwin' ? 'libsane.1.dylib' : 'libsane.so.1');
  const sane_init = lib.func('int sane_init(_Out_ int *version, void *auth)');
  const sane_exit = lib.func('void sane_exit(void)');
  const sane_get_devices = lib.func('int sane_get_devices(_Out_ void **list, int local_only)');
  const sane_open = lib.func('int sane_open(const char *name, _Out_ void **h)');
  const sane_close = lib.func('void sane_close(void *h)');
  const sane_get_option_descriptor = lib.func('const void *sane_get_option_descriptor(void *h, int n)');
  const sane_control_option = lib.func('int sane_control_option(void *h, int n, int action, void *value, _Out_ int *info)');
  const sane_get_parameters = lib.func('sane_get_parameters', 'int', ['void *', koffi.out(koffi.pointer(SANE_Parameters))]);
  const sane_start = lib.func('int sane_start(void *h)');
  const sane_read = lib.func('int sane_read(void *h, void *data, int max, _Out_ int *len)');
  const sane_cancel = lib.func('void sane_cancel(void *h)');
  const sane_strstatus = lib.func('const char *sane_strstatus(int s)');
  const startAsync = promisify(sane_start.async) as (h: bigint) => Promise<number>;
  const readAsync = promisify(sane_read.async) as (h: bigint, b: Buffer, n: number, out: number[]) => Promise<number>;

  const str = (p: unknown): string => (typeof p === 'string' ? p : '');
  loaded = {
    init: () => sane_init([0], null) as number,
    exit: () => {
      sane_exit();
    },
    getDevices() {
      const out: [bigint | null] = [null];
      const status = sane_get_devices(out, 1) as number;
      const devices: SaneDeviceInfo[] = [];
      const list = out[0];
      if (status !== SaneStatus.GOOD || list === null || list === 0n) return { status, devices };
      for (let i = 0; ; i++) {
        const entry = (koffi.decode(list, i * koffi.sizeof('void *'), 'void *') as bigint | null) ?? 0n;
        if (entry === 0n) break;
        const d = koffi.decode(entry, SANE_Device) as Record<string, unknown>;
        devices.push({ name: str(d.name), vendor: str(d.vendor), model: str(d.model), type: str(d.type) });
      }
      return { status, devices };
    },
    open(name) {
      const out: [bigint | null] = [null];
      const status = sane_open(name, out) as number;
      return { status, handle: out[0] ?? 0n };
    },
    close: (h) => {
      sane_close(h);
    },
    optionCount(h) {
      const value = Buffer.alloc(4);
      const status = sane_control_option(h, 0, ACTION_GET, value, [0]) as number;
      return status === SaneStatus.GOOD ? value.readInt32LE(0) : 0;
    },
    describe(h, index) {
      const p = sane_get_option_descriptor(h, index) as bigint | null;
      if (p === null || p === 0n) return undefined;
      const d = koffi.decode(p, SANE_Option_Descriptor) as Record<string, unknown>;
      const c = (d.constraint as bigint | null) ?? 0n;
      const base = { index, name: str(d.name), type: Number(d.type), size: Number(d.size), cap: Number(d.cap) };
      if (c === 0n) return base;
      if (d.constraint_type === SaneConstraint.RANGE) {
        const r = koffi.decode(c, SANE_Range) as { min: number; max: number; quant: number };
        return { ...base, range: { min: r.min, max: r.max, quant: r.quant } };
      }
      if (d.constraint_type === SaneConstraint.WORD_LIST) {
        const count = koffi.decode(c, 'int') as number;
        return { ...base, words: Array.from(koffi.decode(c, 4, 'int', count) as ArrayLike<number>) };
      }
      if (d.constraint_type === SaneConstraint.STRING_LIST) {
        const strings: string[] = [];
        for (let i = 0; ; i++) {
          const s = koffi.decode(c, i * koffi.sizeof('void *'), 'const char *') as string | null;
          if (s === null) break;
          strings.push(s);
        }
        return { ...base, strings };
      }
      return base;
    },
    setOption(h, index, value) {
      const info: [number] = [0];
      const status = sane_control_option(h, index, ACTION_SET, value, info) as number;
      return { status, info: info[0] };
    },
    parameters(h) {
      const out: [Record<string, number>] = [{}];
      const status = sane_get_parameters(h, out) as number;
      const p = out[0];
      return {
        status,
        params: {
          format: p.format ?? 0,
          lastFrame: p.last_frame !== 0,
          bytesPerLine: p.bytes_per_line ?? 0,
          pixelsPerLine: p.pixels_per_line ?? 0,
          lines: p.lines ?? -1,
          depth: p.depth ?? 8,
        },
      };
    },
    start: (h) => startAsync(h),
    async read(h, buffer) {
      const len: [number] = [0];
      const status = await readAsync(h, buffer, buffer.length, len);
      return { status, length: len[0] };
    },
    cancel: (h) => {
      sane_cancel(h);
    },
    strstatus: (s) => str(sane_strstatus(s)),
  };
  return loaded;
}
