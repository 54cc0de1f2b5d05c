/**
 * One scanned page from the driver to a stored JPEG. Raw rows go to disk as they arrive (an A4
 * page at 300 dpi is ~26 MB raw, and a 50-page batch must never sit in memory), then sharp makes
 * a real one-channel gray JPEG or a 4:2:0 colour JPEG at the highest quality that meets the size
 * target, a WebP thumbnail, and a blank-page guess. sharp runs single-threaded with no cache so
 * the counter PC's UI stays responsive (tech notes §5.3).
 */
import { open, readFile, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { ColorMode, ScannedPage } from '../scanner';
import { incomingDir, storePageFiles } from './page-files';

sharp.cache(false);
sharp.concurrency(1);

export interface PipelineOptions {
  readonly pagesDir: string;
  readonly colorMode: ColorMode;
  /** Per-page size target in bytes; quality steps down until the JPEG fits (or the floor is hit). */
  readonly targetBytes?: number;
}

export interface ProcessedPage {
  readonly sha256: string;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly quality: number;
  readonly blank: boolean;
}

/** 400 KB per page keeps a 10-page dossier under the portal's usual upload limits [tunable]. */
export const DEFAULT_TARGET_BYTES = 400 * 1024;
const START_QUALITY: Record<ColorMode, number> = { color: 75, gray: 70, bw: 70 };
const MIN_QUALITY = 40;
const THUMB_WIDTH = 200;

/** Writes a raw page's rows to a file as they come; returns the file and its pixel geometry. */
async function spoolRaw(page: Extract<ScannedPage, { kind: 'raw' }>, pagesDir: string) {
  const path = join(incomingDir(pagesDir), `${randomUUID()}.raw`);
  const file = await open(path, 'w');
  let bytes = 0;
  try {
    for await (const rows of page.rows) {
      await file.write(rows);
      bytes += rows.length;
    }
  } catch (error) {
    await file.close();
    await rm(path, { force: true });
    throw error;
  }
  await file.close();
  const { width, channels } = page.header;
  return { path, width, height: Math.floor(bytes / (width * channels)), channels };
}

/** The page as a sharp image of 8-bit samples, 1 or 3 channels. */
async function decode(page: ScannedPage, pagesDir: string): Promise<{ image: Sharp; cleanup: () => Promise<void> }> {
  if (page.kind === 'encoded') return { image: sharp(page.bytes), cleanup: () => Promise.resolve() };
  const raw = await spoolRaw(page, pagesDir);
  if (raw.height === 0) {
    await rm(raw.path, { force: true });
    throw new RangeError('The scanner sent an empty page');
  }
  const pixels = await readFile(raw.path);
  return {
    image: sharp(pixels, { raw: { width: raw.width, height: raw.height, channels: raw.channels } }),
    cleanup: () => rm(raw.path, { force: true }),
  };
}

async function encode(image: Sharp, mode: ColorMode, quality: number): Promise<Buffer> {
  if (mode === 'color') return image.clone().toColourspace('srgb').jpeg({ quality, chromaSubsampling: '4:2:0' }).toBuffer();
  // toColourspace('b-w') is what makes the JPEG one channel; grayscale() alone keeps three.
  const gray = image.clone().toColourspace('b-w');
  return (mode === 'bw' ? gray.threshold(140) : gray).jpeg({ quality }).toBuffer();
}

/**
 * A page is blank when a small gray copy is nearly uniform and light. Thresholds are a first
 * guess to be tuned on real scans; the page is only flagged, never dropped. The small copy comes
 * from the decoded pixels (decoding the JPEG again cost 150–300 ms per A4 page).
 */
async function thumbAndBlank(image: Sharp): Promise<{ thumb: Buffer; blank: boolean }> {
  // One small copy serves both; shrinking the full page twice cost ~40 ms on colour pages.
  const small = await image.clone().resize({ width: 256 }).raw().toBuffer({ resolveWithObject: true });
  const raw = () => sharp(small.data, { raw: { width: small.info.width, height: small.info.height, channels: small.info.channels } });
  const stats = await raw().toColourspace('b-w').stats();
  const thumb = await raw().resize({ width: THUMB_WIDTH }).webp({ quality: 60 }).toBuffer();
  const c = stats.channels[0];
  return { thumb, blank: c !== undefined && c.mean > 200 && c.stdev < 8 };
}

/** Runs one page through the pipeline and stores its files; the caller links the hash to a document. */
export async function processPage(page: ScannedPage, options: PipelineOptions): Promise<ProcessedPage> {
  const { image, cleanup } = await decode(page, options.pagesDir);
  try {
    const target = options.targetBytes ?? DEFAULT_TARGET_BYTES;
    let quality = START_QUALITY[options.colorMode];
    let jpeg = await encode(image, options.colorMode, quality);
    // Size falls faster than linearly with quality; each retry aims a little under the target.
    for (let tries = 0; jpeg.length > target && quality > MIN_QUALITY && tries < 2; tries++) {
      const next = Math.floor(quality * Math.max(0.45, Math.min(0.9, (target / jpeg.length) ** 0.7)));
      quality = Math.max(MIN_QUALITY, next);
      jpeg = await encode(image, options.colorMode, quality);
    }
    const { width, height } = await image.metadata();
    const { thumb, blank } = await thumbAndBlank(image);
    const sha256 = storePageFiles(options.pagesDir, jpeg, thumb);
    return { sha256, bytes: jpeg.length, width, height, channels: options.colorMode === 'color' ? 3 : 1, quality, blank };
  } finally {
    await cleanup();
  }
}
