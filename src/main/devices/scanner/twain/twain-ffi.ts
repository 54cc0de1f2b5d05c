/**
 * The TWAIN DSM through koffi: DSM_Entry and the pack(2) structs of twain.h (tech notes §1.2;
 * koffi.pack gives exactly that layout because every member is even-sized). The session logic
 * is in twain-session.ts. DSM_Entry is called synchronously only: sources are not thread-safe.
 */
import koffi from 'koffi';

export const TW = {
  DG_CONTROL: 0x1,
  DG_IMAGE: 0x2,
  DF_APP2: 0x20000000,
  DF_DSM2: 0x10000000,
  DAT_ENTRYPOINT: 0x403,
  DAT_CAPABILITY: 1,
  DAT_EVENT: 2,
  DAT_IDENTITY: 3,
  DAT_PARENT: 4,
  DAT_PENDINGXFERS: 5,
  DAT_SETUPMEMXFER: 6,
  DAT_SETUPFILEXFER: 7,
  DAT_STATUS: 8,
  DAT_USERINTERFACE: 9,
  DAT_IMAGEMEMXFER: 0x103,
  DAT_IMAGENATIVEXFER: 0x104,
  DAT_IMAGEFILEXFER: 0x105,
  MSG_GET: 1,
  MSG_GETFIRST: 4,
  MSG_GETNEXT: 5,
  MSG_SET: 6,
  MSG_RESET: 7,
  MSG_OPENDSM: 0x301,
  MSG_CLOSEDSM: 0x302,
  MSG_OPENDS: 0x401,
  MSG_CLOSEDS: 0x402,
  MSG_DISABLEDS: 0x501,
  MSG_ENABLEDS: 0x502,
  MSG_ENDXFER: 0x701,
  MSG_XFERREADY: 0x101,
  MSG_CLOSEDSREQ: 0x102,
  MSG_CLOSEDSOK: 0x103,
  MSG_PROCESSEVENT: 0x601,
  RC_SUCCESS: 0,
  RC_FAILURE: 1,
  RC_CANCEL: 3,
  RC_DSEVENT: 4,
  RC_XFERDONE: 6,
  RC_ENDOFLIST: 7,
  CC_PAPERJAM: 20,
  CC_PAPERDOUBLEFEED: 21,
  CC_NOMEDIA: 29,
  CC_SEQERROR: 11,
  CAP_FEEDERENABLED: 0x1002,
  CAP_DUPLEXENABLED: 0x1013,
  ICAP_PHYSICALWIDTH: 0x1111,
  ICAP_PHYSICALHEIGHT: 0x1112,
  TWON_DONTCARE16: 0xffff,
  TWON_ARRAY: 3,
  TWON_ENUMERATION: 4,
  TWON_RANGE: 6,
  ICAP_PIXELTYPE: 0x0101,
  ICAP_XFERMECH: 0x0103,
  ICAP_XRESOLUTION: 0x1118,
  ICAP_YRESOLUTION: 0x1119,
  TWON_ONEVALUE: 5,
  TWTY_UINT16: 4,
  TWTY_BOOL: 6,
  TWTY_FIX32: 7,
  TWSX_NATIVE: 0,
  TWSX_FILE: 1,
  TWFF_BMP: 2,
  TWSX_MEMORY: 2,
  TWPT_BW: 0,
  TWPT_GRAY: 1,
  TWPT_RGB: 2,
  TWMF_APPOWNS_POINTER: 9,
} as const;

const STR32 = koffi.array('char', 34);
const TW_VERSION = koffi.pack('TW_VERSION', { MajorNum: 'uint16', MinorNum: 'uint16', Language: 'uint16', Country: 'uint16', Info: STR32 });
export const TW_IDENTITY = koffi.pack('TW_IDENTITY', {
  Id: 'uint32',
  Version: TW_VERSION,
  ProtocolMajor: 'uint16',
  ProtocolMinor: 'uint16',
  SupportedGroups: 'uint32',
  Manufacturer: STR32,
  ProductFamily: STR32,
  ProductName: STR32,
});
export const TW_CAPABILITY = koffi.pack('TW_CAPABILITY', { Cap: 'uint16', ConType: 'uint16', hContainer: 'void *' });
export const TW_ONEVALUE = koffi.pack('TW_ONEVALUE', { ItemType: 'uint16', Item: 'uint32' });
export const TW_USERINTERFACE = koffi.pack('TW_USERINTERFACE', { ShowUI: 'uint16', ModalUI: 'uint16', hParent: 'void *' });
export const TW_SETUPMEMXFER = koffi.pack('TW_SETUPMEMXFER', { MinBufSize: 'uint32', MaxBufSize: 'uint32', Preferred: 'uint32' });
const TW_MEMORY = koffi.pack('TW_MEMORY', { Flags: 'uint32', Length: 'uint32', TheMem: 'void *' });
export const TW_IMAGEMEMXFER = koffi.pack('TW_IMAGEMEMXFER', {
  Compression: 'uint16',
  BytesPerRow: 'uint32',
  Columns: 'uint32',
  Rows: 'uint32',
  XOffset: 'uint32',
  YOffset: 'uint32',
  BytesWritten: 'uint32',
  Memory: TW_MEMORY,
});
/** FileName is TW_STR255 of `char`: the path must be ASCII (tech notes §1.6). */
export const TW_SETUPFILEXFER = koffi.pack('TW_SETUPFILEXFER', { FileName: koffi.array('char', 256), Format: 'uint16', VRefNum: 'int16' });
export const TW_PENDINGXFERS = koffi.pack('TW_PENDINGXFERS', { Count: 'uint16', EOJ: 'uint32' });
export const TW_STATUS = koffi.pack('TW_STATUS', { ConditionCode: 'uint16', Data: 'uint16' });
export const TW_ENTRYPOINT = koffi.pack('TW_ENTRYPOINT', {
  Size: 'uint32',
  DSM_Entry: 'void *',
  DSM_MemAllocate: 'void *',
  DSM_MemFree: 'void *',
  DSM_MemLock: 'void *',
  DSM_MemUnlock: 'void *',
});
export const TW_ENTRYPOINT_SIZE = koffi.sizeof(TW_ENTRYPOINT);
export const TW_ONEVALUE_SIZE = koffi.sizeof(TW_ONEVALUE);
/** pEvent points at a Win32 MSG the message loop took from the queue. */
export const TW_EVENT = koffi.pack('TW_EVENT', { pEvent: 'void *', TWMessage: 'uint16' });

export type TwainType = typeof TW_IDENTITY;

/** Sizes in bytes of the structs as bound, for the pack(2) layout test. */
export function structSizes(): Record<string, number> {
  const types = { TW_IDENTITY, TW_CAPABILITY, TW_ONEVALUE, TW_USERINTERFACE, TW_IMAGEMEMXFER, TW_PENDINGXFERS, TW_EVENT, TW_ENTRYPOINT };
  return Object.fromEntries(Object.entries(types).map(([name, type]) => [name, koffi.sizeof(type)]));
}

/** A struct in a Node Buffer, so its memory lives as long as the JS object (no manual free). */
export function structBuffer(type: TwainType, value: Record<string, unknown>): Buffer {
  const buffer = Buffer.alloc(koffi.sizeof(type));
  koffi.encode(koffi.address(buffer), type, value);
  return buffer;
}

export function readStruct<T>(buffer: Buffer, type: TwainType): T {
  return koffi.decode(koffi.address(buffer), type) as T;
}

/** The address of a Buffer, for struct members such as TheMem and hContainer. */
export const addressOf = (buffer: Buffer): bigint => koffi.address(buffer);

/**
 * A TWAIN 2 DSM's memory functions (from DAT_ENTRYPOINT): capability containers are handles
 * the DSM allocates, so they work on Windows (HGLOBAL) and elsewhere alike.
 */
export interface TwainMemory {
  allocate(size: number): bigint;
  free(handle: bigint): void;
  /** Locks the handle, hands its pointer to `use`, unlocks on every path. */
  locked<T>(handle: bigint, use: (pointer: bigint) => T): T;
}

const MemAllocate = koffi.proto('__stdcall', 'TwMemAllocate', 'void *', ['uint32']);
const MemHandle = koffi.proto('__stdcall', 'TwMemHandle', 'void *', ['void *']);
const MemFree = koffi.proto('__stdcall', 'TwMemFree', 'void', ['void *']);

export function dsmMemory(entrypoint: Buffer): TwainMemory {
  const ep = readStruct<Record<'DSM_MemAllocate' | 'DSM_MemFree' | 'DSM_MemLock' | 'DSM_MemUnlock', bigint>>(entrypoint, TW_ENTRYPOINT);
  return {
    allocate: (size) => (koffi.call(ep.DSM_MemAllocate, MemAllocate, size) as bigint | null) ?? 0n,
    free: (handle) => void koffi.call(ep.DSM_MemFree, MemFree, handle),
    locked(handle, use) {
      const pointer = (koffi.call(ep.DSM_MemLock, MemHandle, handle) as bigint | null) ?? 0n;
      try {
        return use(pointer);
      } finally {
        koffi.call(ep.DSM_MemUnlock, MemHandle, handle);
      }
    },
  };
}

/** Copies `length` bytes from native memory (a locked container) into a Buffer. */
export const copyBytes = (pointer: bigint, length: number): Buffer => Buffer.from(koffi.decode(pointer, 'uint8_t', length) as Uint8Array);

/** Writes a struct into native memory (a locked container). */
export const encodeAt = (pointer: bigint, type: TwainType, value: Record<string, unknown>): void => koffi.encode(pointer, type, value);

export interface TwainDsm {
  /** DSM_Entry(origin, dest, DG, DAT, MSG, data): the TWAIN return code. */
  entry(origin: Buffer, dest: Buffer | null, dg: number, dat: number, msg: number, data: Buffer | null): number;
}

/** Loads a DSM (TWAINDSM.dll on Windows; in tests, the fake DSM the test compiles). */
export function loadDsm(path: string): TwainDsm {
  const lib = koffi.load(path);
  const DSM_Entry = lib.func('__stdcall', 'DSM_Entry', 'uint16', ['void *', 'void *', 'uint32', 'uint16', 'uint16', 'void *']);
  return { entry: (origin, dest, dg, dat, msg, data) => DSM_Entry(origin, dest, dg, dat, msg, data) as number };
}
