import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { SaneScanner } from '../sane/sane-scanner';
import { useSaneTestBackend } from '../sane/sane-test-config';
import { A4, type ColorMode, type ScanOptions } from '../scanner';
import { pageFilePath, sha256Hex, thumbFilePath } from './page-files';
import { processPage, type ProcessedPage } from './page-pipeline';

async function scanThrough(pagesDir: string, options: ScanOptions, targetBytes?: number): Promise<ProcessedPage[]> {
  const scanner = new SaneScanner();
  const session = await scanner.open('sane:test:0');
  const out: ProcessedPage[] = [];
  try {
    for await (const page of session.scan(options)) {
      out.push(await processPage(page, { pagesDir, colorMode: options.colorMode, ...(targetBytes === undefined ? {} : { targetBytes }) }));
    }
  } finally {
    await session[Symbol.asyncDispose]();
  }
  return out;
}

const opts = (colorMode: ColorMode, picture: string): ScanOptions => ({
  source: 'flatbed',
  resolution: 150,
  colorMode,
  pageSize: A4,
  extra: { 'test-picture': picture },
});

describe('image pipeline on pages from the real SANE test backend', () => {
  let pagesDir = '';
  beforeAll(() => {
    useSaneTestBackend();
    pagesDir = mkdtempSync(join(tmpdir(), 'motcua-pages-'));
  });

  it('makes a real one-channel gray JPEG, named by its SHA-256, with a thumbnail', async () => {
    const [page] = await scanThrough(pagesDir, opts('gray', 'Grid'));
    const bytes = readFileSync(pageFilePath(pagesDir, page!.sha256));
    expect(sha256Hex(bytes)).toBe(page!.sha256);
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.channels, meta.space]).toEqual(['jpeg', 1, 'b-w']);
    expect(page!.blank).toBe(false);
    expect((await sharp(readFileSync(thumbFilePath(pagesDir, page!.sha256))).metadata()).width).toBe(200);
    // The raw spool file is gone once the page is stored.
    expect(readdirSync(join(pagesDir, 'incoming'))).toEqual([]);
  });

  it('makes a three-channel colour JPEG', async () => {
    const [page] = await scanThrough(pagesDir, opts('color', 'Color pattern'));
    const meta = await sharp(readFileSync(pageFilePath(pagesDir, page!.sha256))).metadata();
    expect([meta.format, meta.channels]).toEqual(['jpeg', 3]);
    expect(page!.channels).toBe(3);
  });

  it('lowers the quality until the page meets its size target', async () => {
    const [loose] = await scanThrough(pagesDir, opts('color', 'Color pattern'));
    const [tight] = await scanThrough(pagesDir, opts('color', 'Color pattern'), Math.floor(loose!.bytes / 2));
    expect(tight!.quality).toBeLessThan(loose!.quality);
    expect(tight!.bytes).toBeLessThan(loose!.bytes);
  });

  it('flags a white page as blank without dropping it, and a black one as not blank', async () => {
    const [white] = await scanThrough(pagesDir, opts('gray', 'Solid white'));
    const [black] = await scanThrough(pagesDir, opts('gray', 'Solid black'));
    expect(white!.blank).toBe(true);
    expect(black!.blank).toBe(false);
  });

  it('re-encodes an already encoded page (eSCL/TWAIN) to the gray target', async () => {
    const png = await sharp({ create: { width: 400, height: 500, channels: 3, background: '#808080' } }).png().toBuffer();
    const page = await processPage({ kind: 'encoded', index: 0, dpi: 100, bytes: png }, { pagesDir, colorMode: 'gray' });
    const meta = await sharp(readFileSync(pageFilePath(pagesDir, page.sha256))).metadata();
    expect([meta.format, meta.channels, meta.width, meta.height]).toEqual(['jpeg', 1, 400, 500]);
  });
});
