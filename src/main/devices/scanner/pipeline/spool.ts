/**
 * The incoming spool: a raw page goes to `<pages>/incoming/<id>.v` row by row as the scanner
 * sends it, in libvips' own file format (a 64-byte header, then the pixels), so sharp opens the
 * file directly and libvips maps it instead of the page being read back into a 26 MB buffer.
 * The header's height stays 0 until the last row is on disk: a file with a real height and the
 * matching length is a complete page, anything else was cut off by a crash. A small JSON file
 * beside it says how the page was to be processed and for whom, so a restart can finish it.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { open, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ColorMode, ScannedPage, SpooledImage } from '../scanner';
import { incomingDir } from './page-files';

const HEADER_BYTES = 64;
/** VIPS_MAGIC_INTEL read big-endian: the header fields and pixels that follow are little-endian. */
const VIPS_MAGIC_INTEL = 0xb6a6f208;
const VIPS_FORMAT_UCHAR = 0;
const VIPS_CODING_NONE = 0;
const VIPS_INTERPRETATION = { 1: 1 /* B_W */, 3: 22 /* sRGB */ } as const;

/** Who a spooled page belongs to (the scan job and document); opaque to the pipeline. */
export type SpoolOwner = Readonly<Record<string, string | number>>;

export type SpoolFile = SpooledImage;

/** What a spooled page's JSON says, and whether its pixels are all there. */
export interface SpooledPage {
  readonly path: string;
  readonly complete: boolean;
  readonly colorMode: ColorMode | null;
  readonly owner: SpoolOwner | null;
}

function vipsHeader(width: number, height: number, channels: 1 | 3, dpi: number): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  h.writeUInt32BE(VIPS_MAGIC_INTEL, 0);
  h.writeInt32LE(width, 4);
  h.writeInt32LE(height, 8);
  h.writeInt32LE(channels, 12);
  h.writeInt32LE(8, 16); // bits per band (legacy field)
  h.writeInt32LE(VIPS_FORMAT_UCHAR, 20);
  h.writeInt32LE(VIPS_CODING_NONE, 24);
  h.writeInt32LE(VIPS_INTERPRETATION[channels], 28);
  // Resolution in pixels per millimetre.
  h.writeFloatLE(dpi / 25.4, 32);
  h.writeFloatLE(dpi / 25.4, 36);
  return h;
}

const sidecarOf = (path: string) => path.replace(/\.v$/u, '.json');

/**
 * Writes a raw page's rows to the spool as they come; one chunk of rows in memory at a time.
 * On any failure the partial file is removed and the error passes on.
 */
export async function spoolRawPage(page: Extract<ScannedPage, { kind: 'raw' }>, pagesDir: string, colorMode: ColorMode, owner?: SpoolOwner): Promise<SpoolFile> {
  const { width, channels, dpi } = page.header;
  const path = join(incomingDir(pagesDir), `${randomUUID()}.v`);
  await writeFile(sidecarOf(path), JSON.stringify({ colorMode, owner: owner ?? null }));
  const file = await open(path, 'w');
  let bytes = 0;
  let closed = false;
  try {
    await file.write(vipsHeader(width, 0, channels, dpi), 0, HEADER_BYTES, 0);
    for await (const rows of page.rows) {
      await file.write(rows, 0, rows.length, HEADER_BYTES + bytes);
      bytes += rows.length;
    }
    const height = Math.floor(bytes / (width * channels));
    if (height === 0) throw new RangeError('The scanner sent an empty page');
    // The real height last: only now does the file count as a complete page.
    await file.write(vipsHeader(width, height, channels, dpi), 0, HEADER_BYTES, 0);
    await file.close();
    closed = true;
    return { path, width, height, channels, dpi };
  } catch (error) {
    if (!closed) await file.close();
    await removeSpooled(path);
    throw error;
  }
}

/** Removes a spooled page and its JSON. */
export async function removeSpooled(path: string): Promise<void> {
  await rm(path, { force: true });
  await rm(sidecarOf(path), { force: true });
}

function readSidecar(path: string): { colorMode: ColorMode | null; owner: SpoolOwner | null } {
  try {
    const json = JSON.parse(readFileSync(sidecarOf(path), 'utf8')) as { colorMode?: unknown; owner?: unknown };
    const colorMode = json.colorMode === 'color' || json.colorMode === 'gray' || json.colorMode === 'bw' ? json.colorMode : null;
    const owner = typeof json.owner === 'object' && json.owner !== null ? (json.owner as SpoolOwner) : null;
    return { colorMode, owner };
  } catch {
    return { colorMode: null, owner: null };
  }
}

/** The geometry in a spool file's header, if the file is a complete page. */
export function completeSpoolFile(path: string): SpoolFile | undefined {
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(path, 'r');
  try {
    const bytesRead = readSync(fd, header, 0, HEADER_BYTES, 0);
    if (bytesRead < HEADER_BYTES || header.readUInt32BE(0) !== VIPS_MAGIC_INTEL) return undefined;
    const width = header.readInt32LE(4);
    const height = header.readInt32LE(8);
    const channels = header.readInt32LE(12);
    if (width <= 0 || height <= 0 || (channels !== 1 && channels !== 3)) return undefined;
    if (statSync(path).size !== HEADER_BYTES + width * height * channels) return undefined;
    return { path, width, height, channels, dpi: Math.round(header.readFloatLE(32) * 25.4) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Every page left in the spool (by a crash: a finished page's spool file is always removed),
 * and any file there that is not a page at all, so the caller can finish or remove them.
 * Synchronous on purpose: called before any new scan starts, it sees only what was there.
 */
export function leftoverSpool(pagesDir: string): { pages: SpooledPage[]; strays: string[] } {
  const dir = incomingDir(pagesDir);
  const names = readdirSync(dir);
  const pages: SpooledPage[] = [];
  const strays: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (name.endsWith('.v')) {
      pages.push({ path, complete: completeSpoolFile(path) !== undefined, ...readSidecar(path) });
    } else if (!(name.endsWith('.json') && names.includes(name.replace(/\.json$/u, '.v')))) {
      strays.push(path);
    }
  }
  return { pages, strays };
}
