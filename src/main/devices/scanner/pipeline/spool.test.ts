import { mkdtempSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ScannedPage } from '../scanner';
import { incomingDir } from './page-files';
import { completeSpoolFile, leftoverSpool, spoolRawPage } from './spool';

const width = 64;
const rowsOf = (count: number, channels: 1 | 3) => Uint8Array.from({ length: width * channels * count }, (_, i) => (i * 7) % 256);

function rawPage(channels: 1 | 3, rows: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Extract<ScannedPage, { kind: 'raw' }> {
  return { kind: 'raw', index: 0, header: { width, height: -1, channels, dpi: 150 }, rows };
}

describe('the incoming spool (libvips file format, complete only once the last row is written)', () => {
  it('writes a page sharp opens as it is, with the pixels, resolution and owner kept', async () => {
    const pagesDir = mkdtempSync(join(tmpdir(), 'motcua-spool-'));
    const pixels = rowsOf(30, 3);
    const spool = await spoolRawPage(rawPage(3, [pixels.subarray(0, width * 3 * 10), pixels.subarray(width * 3 * 10)]), pagesDir, 'color', { jobId: 'j1', documentId: 'd1' });
    expect([spool.width, spool.height, spool.channels]).toEqual([width, 30, 3]);
    const { data, info } = await sharp(spool.path).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([width, 30, 3]);
    expect(Buffer.compare(data, Buffer.from(pixels))).toBe(0);
    expect((await sharp(spool.path).metadata()).density).toBe(150);
    expect(leftoverSpool(pagesDir)).toEqual({ pages: [{ path: spool.path, complete: true, colorMode: 'color', owner: { jobId: 'j1', documentId: 'd1' } }], strays: [] });
  });

  it('counts a page cut off mid-transfer as incomplete, and a truncated file too', async () => {
    const pagesDir = mkdtempSync(join(tmpdir(), 'motcua-spool-'));
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    async function* slowRows() {
      yield rowsOf(5, 1);
      await held;
      yield rowsOf(5, 1);
    }
    const writing = spoolRawPage(rawPage(1, slowRows()), pagesDir, 'gray');
    // While the scanner is still sending, the header's height is 0: a crash now leaves an incomplete page.
    let inFlight: string[] = [];
    while (inFlight.length === 0 || statSync(join(incomingDir(pagesDir), inFlight[0]!)).size < 64 + width * 5) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight = readdirSync(incomingDir(pagesDir)).filter((n) => n.endsWith('.v'));
    }
    expect(completeSpoolFile(join(incomingDir(pagesDir), inFlight[0]!))).toBeUndefined();
    release();
    const spool = await writing;
    expect(completeSpoolFile(spool.path)?.height).toBe(10);
    truncateSync(spool.path, statSync(spool.path).size - 1);
    expect(completeSpoolFile(spool.path)).toBeUndefined();
  });

  it('removes the partial file when the transfer fails, and reports files that are not pages', async () => {
    const pagesDir = mkdtempSync(join(tmpdir(), 'motcua-spool-'));
    function* jam() {
      yield rowsOf(3, 1);
      throw new Error('jam');
    }
    await expect(spoolRawPage(rawPage(1, jam()), pagesDir, 'gray')).rejects.toThrow('jam');
    expect(readdirSync(incomingDir(pagesDir))).toEqual([]);
    writeFileSync(join(incomingDir(pagesDir), 'old.raw'), 'x');
    expect(leftoverSpool(pagesDir)).toEqual({ pages: [], strays: [join(incomingDir(pagesDir), 'old.raw')] });
  });
});
