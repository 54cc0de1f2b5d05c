/**
 * SANE rows into the pipeline's form: 8-bit samples, no padding. Backends send 1, 8 or 16 bits
 * per sample with `bytes_per_line` possibly padded; sharp wants neither.
 */

/** One row into 8-bit samples: 8-bit copies, 16-bit (host order) keeps the high byte, 1-bit (1 = black) expands. */
export function unpackRow(src: Buffer, at: number, depth: number, out: Uint8Array, to: number, samples: number): void {
  if (depth === 8) {
    out.set(src.subarray(at, at + samples), to);
  } else if (depth === 16) {
    for (let i = 0; i < samples; i++) out[to + i] = src[at + i * 2 + 1] ?? 0;
  } else {
    for (let i = 0; i < samples; i++) out[to + i] = (((src[at + (i >> 3)] ?? 0) >> (7 - (i & 7))) & 1) === 1 ? 0 : 255;
  }
}
