/**
 * One scanned page from the driver to a stored JPEG. Raw rows go to the spool file as they
 * arrive (an A4 page at 300 dpi is ~26 MB raw, and a 50-page batch must never sit in memory);
 * sharp then reads that file itself, so the pixels are never copied into a JS buffer. It makes a
 * real one-channel gray JPEG or a 4:2:0 colour JPEG at the highest quality that meets the size
 * target, a WebP thumbnail, and a blank-page guess. sharp is loaded on the first page (not at
 * core start) and runs single-threaded with no cache so the counter PC's UI stays responsive
 * (tech notes §5.3).
 */
import type SharpFactory from 'sharp';
import { PAGE_TARGET_BYTES } from '../../../../shared/api/scanning';
import type { ColorMode, ScannedPage } from '../scanner';
import { storePageFiles } from './page-files';
import { removeSpooled, spoolRawPage, type SpoolFile, type SpoolOwner } from './spool';

type Sharp = ReturnType<typeof SharpFactory>;

export interface PipelineOptions {
  readonly pagesDir: string;
  readonly colorMode: ColorMode;
  /** Per-page size target in bytes; quality steps down until the JPEG fits (or the floor is hit). */
  readonly targetBytes?: number;
  /** Kept beside the spooled page so a restart after a crash knows whose page it was. */
  readonly owner?: SpoolOwner;
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

export const DEFAULT_TARGET_BYTES = PAGE_TARGET_BYTES;
const START_QUALITY: Record<ColorMode, number> = { color: 75, gray: 70, bw: 70 };
const MIN_QUALITY = 40;
const THUMB_WIDTH = 200;
/** How size falls with libjpeg's table scale before a page has shown its own (size ∝ scale^-k). */
const FIRST_SLOPE = 0.8;

let loading: Promise<typeof SharpFactory> | undefined;

/** sharp's native part costs ~50 ms to load: only a process that scans pays it, once. */
function loadSharp(): Promise<typeof SharpFactory> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    sharp.concurrency(1);
    return sharp;
  });
  return loading;
}

/**
 * Huffman optimisation is off: it made the JPEG ~4 % smaller but tripled the encode time of a
 * colour A4 page (25 → 80 ms), and the quality search may encode up to three times.
 */
function encode(image: Sharp, mode: ColorMode, quality: number): Promise<Buffer> {
  if (mode === 'color') return image.toColourspace('srgb').jpeg({ quality, chromaSubsampling: '4:2:0', optimiseCoding: false }).toBuffer();
  // toColourspace('b-w') is what makes the JPEG one channel; grayscale() alone keeps three.
  const gray = image.toColourspace('b-w');
  return (mode === 'bw' ? gray.threshold(140) : gray).jpeg({ quality, optimiseCoding: false }).toBuffer();
}

/** libjpeg's quality → the percentage its quantisation tables are scaled by, and back. */
const tableScale = (q: number) => (q < 50 ? 5000 / q : 200 - 2 * q);
const qualityOf = (scale: number) => (scale <= 100 ? (200 - scale) / 2 : 5000 / scale);

/**
 * The highest quality under `target`, in at most three encodes: the first encode's size gives
 * the next quality from a model of how size falls with quality, and two encodes give the page's
 * own slope for a last correction. A page still over the target at the floor is kept as it is.
 */
async function encodeToTarget(source: () => Sharp, mode: ColorMode, target: number): Promise<{ jpeg: Buffer; quality: number }> {
  let quality = START_QUALITY[mode];
  let jpeg = await encode(source(), mode, quality);
  let slope = FIRST_SLOPE;
  for (let tries = 0; jpeg.length > target && quality > MIN_QUALITY && tries < 2; tries++) {
    const scale = tableScale(quality) * (jpeg.length / (target * 0.95)) ** (1 / slope);
    const next = Math.max(MIN_QUALITY, Math.min(quality - 1, Math.floor(qualityOf(scale))));
    const smaller = await encode(source(), mode, next);
    const measured = Math.log(jpeg.length / smaller.length) / Math.log(tableScale(next) / tableScale(quality));
    if (Number.isFinite(measured) && measured > 0.1) slope = measured;
    quality = next;
    jpeg = smaller;
  }
  return { jpeg, quality };
}

/**
 * A page is blank when a small gray copy is nearly uniform and light. Thresholds are a first
 * guess to be tuned on real scans; the page is only flagged, never dropped. One small copy of
 * the decoded pixels serves both the thumbnail and the check (decoding the JPEG again cost
 * 150–300 ms per A4 page; shrinking the full page twice ~40 ms).
 */
async function thumbAndBlank(sharp: typeof SharpFactory, source: () => Sharp): Promise<{ thumb: Buffer; blank: boolean }> {
  const small = await source().resize({ width: 256 }).raw().toBuffer({ resolveWithObject: true });
  const raw = () => sharp(small.data, { raw: { width: small.info.width, height: small.info.height, channels: small.info.channels } });
  const stats = await raw().toColourspace('b-w').stats();
  const thumb = await raw().resize({ width: THUMB_WIDTH }).webp({ quality: 60 }).toBuffer();
  const c = stats.channels[0];
  return { thumb, blank: c !== undefined && c.mean > 200 && c.stdev < 8 };
}

async function finish(source: () => Sharp, size: { width: number; height: number }, options: PipelineOptions): Promise<ProcessedPage> {
  const sharp = await loadSharp();
  const { jpeg, quality } = await encodeToTarget(source, options.colorMode, options.targetBytes ?? DEFAULT_TARGET_BYTES);
  const { thumb, blank } = await thumbAndBlank(sharp, source);
  const sha256 = storePageFiles(options.pagesDir, jpeg, thumb);
  return { sha256, bytes: jpeg.length, width: size.width, height: size.height, channels: options.colorMode === 'color' ? 3 : 1, quality, blank };
}

/**
 * Finishes a complete spooled page (one just scanned, or one a crash left behind) and removes
 * the spool file once the page's files are stored.
 */
export async function processSpooled(spool: SpoolFile, options: PipelineOptions): Promise<ProcessedPage> {
  const sharp = await loadSharp();
  try {
    return await finish(() => sharp(spool.path), spool, options);
  } finally {
    await removeSpooled(spool.path);
  }
}

/** Runs one page through the pipeline and stores its files; the caller links the hash to a document. */
export async function processPage(page: ScannedPage, options: PipelineOptions): Promise<ProcessedPage> {
  if (page.kind === 'raw') return processSpooled(await spoolRawPage(page, options.pagesDir, options.colorMode, options.owner), options);
  if (page.kind === 'spooled') return processSpooled(page.file, options);
  const sharp = await loadSharp();
  const source = () => sharp(page.bytes);
  const { width, height } = await source().metadata();
  return finish(source, { width, height }, options);
}
