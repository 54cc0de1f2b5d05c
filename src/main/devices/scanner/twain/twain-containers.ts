/**
 * TWAIN capability containers as numbers (twain.h, pack 2): ONEVALUE {ItemType, Item},
 * ENUMERATION {ItemType, NumItems, CurrentIndex, DefaultIndex, ItemList[]}, ARRAY {ItemType,
 * NumItems, ItemList[]} and RANGE {ItemType, Min, Max, Step, Default, Current}. Reading the
 * bytes is the caller's (a locked container through koffi); this file only parses them.
 */
import { TW } from './twain-ffi';

export type CapabilityValue =
  | { readonly kind: 'list'; readonly values: readonly number[] }
  | { readonly kind: 'range'; readonly min: number; readonly max: number; readonly step: number };

/** Bytes per item by TWTY_ type: INT8, INT16, INT32, UINT8, UINT16, UINT32, BOOL, FIX32. */
const ITEM_BYTES = [1, 2, 4, 1, 2, 4, 2, 4] as const;

function item(bytes: Buffer, at: number, type: number): number {
  switch (type) {
    case 0:
      return bytes.readInt8(at);
    case 1:
      return bytes.readInt16LE(at);
    case 2:
      return bytes.readInt32LE(at);
    case 3:
      return bytes.readUInt8(at);
    case 5:
      return bytes.readUInt32LE(at);
    case TW.TWTY_FIX32:
      // TW_FIX32 {int16 Whole; uint16 Frac}
      return bytes.readInt16LE(at) + bytes.readUInt16LE(at + 2) / 65536;
    default:
      return bytes.readUInt16LE(at);
  }
}

/**
 * Parses a container of type `conType`; `read(n)` returns its first n bytes. Undefined for a
 * container type or item type this driver does not know (strings, frames).
 */
export function parseContainer(conType: number, read: (length: number) => Buffer): CapabilityValue | undefined {
  const type = read(2).readUInt16LE(0);
  const size = ITEM_BYTES[type as 0];
  if (size === undefined) return undefined;
  if (conType === TW.TWON_ONEVALUE) return { kind: 'list', values: [item(read(6), 2, type)] };
  if (conType === TW.TWON_RANGE) {
    const b = read(22);
    return { kind: 'range', min: item(b, 2, type), max: item(b, 6, type), step: item(b, 10, type) };
  }
  const header = conType === TW.TWON_ENUMERATION ? 14 : conType === TW.TWON_ARRAY ? 6 : 0;
  if (header === 0) return undefined;
  const count = read(6).readUInt32LE(2);
  const b = read(header + count * size);
  return { kind: 'list', values: Array.from({ length: count }, (_, i) => item(b, header + i * size, type)) };
}
