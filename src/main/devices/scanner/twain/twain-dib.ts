/**
 * A device-independent bitmap (what TWAIN native transfer and BMP file transfer give): a
 * BITMAPINFOHEADER, a palette for 8-bit images, then rows padded to 4 bytes, bottom-up when the
 * height is positive, BGR for 24-bit. Turned into the pipeline's rows: top-down, no padding, RGB
 * or one gray channel.
 */
import { AppError } from '../../../../shared/api/errors';

export interface DibLayout {
  readonly width: number;
  readonly height: number;
  readonly bitCount: number;
  /** Where the pixels start (after header and palette) and the whole DIB's length. */
  readonly pixelsAt: number;
  readonly stride: number;
  readonly length: number;
}

/** The layout from the header alone (its first 40 bytes), so the caller copies only what it needs. */
export function dibLayout(header: Buffer): DibLayout {
  const size = header.readUInt32LE(0);
  const width = header.readInt32LE(4);
  const height = header.readInt32LE(8);
  const bitCount = header.readUInt16LE(14);
  const compression = header.readUInt32LE(16);
  const colorsUsed = header.readUInt32LE(32);
  if (compression !== 0 || (bitCount !== 8 && bitCount !== 24) || width <= 0 || height === 0) {
    throw new AppError('scanner.unsupported', { option: `DIB ${bitCount} bit, compression ${compression}` });
  }
  const palette = bitCount === 8 ? (colorsUsed === 0 ? 256 : colorsUsed) * 4 : 0;
  const stride = Math.ceil((width * bitCount) / 32) * 4;
  return { width, height, bitCount, pixelsAt: size + palette, stride, length: size + palette + stride * Math.abs(height) };
}

/**
 * The DIB's pixels as chunks of top-down rows. An 8-bit DIB maps through its palette's red
 * (TWAIN gray images carry a gray ramp); a 24-bit one swaps BGR to RGB.
 */
export function dibRows(dib: Buffer, layout: DibLayout, rowsPerChunk = 64): { channels: 1 | 3; chunks: Uint8Array[] } {
  const { width, height, bitCount, pixelsAt, stride } = layout;
  const rows = Math.abs(height);
  const channels = bitCount === 24 ? 3 : 1;
  const paletteAt = dib.readUInt32LE(0);
  const chunks: Uint8Array[] = [];
  for (let first = 0; first < rows; first += rowsPerChunk) {
    const count = Math.min(rowsPerChunk, rows - first);
    const out = new Uint8Array(count * width * channels);
    for (let r = 0; r < count; r++) {
      const y = first + r;
      const from = pixelsAt + (height > 0 ? rows - 1 - y : y) * stride;
      const to = r * width * channels;
      for (let x = 0; x < width; x++) {
        if (channels === 3) {
          out[to + x * 3] = dib[from + x * 3 + 2] ?? 0;
          out[to + x * 3 + 1] = dib[from + x * 3 + 1] ?? 0;
          out[to + x * 3 + 2] = dib[from + x * 3] ?? 0;
        } else {
          out[to + x] = dib[paletteAt + (dib[from + x] ?? 0) * 4 + 2] ?? 0;
        }
      }
    }
    chunks.push(out);
  }
  return { channels, chunks };
}
