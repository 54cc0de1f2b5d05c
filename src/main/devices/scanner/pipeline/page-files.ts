/**
 * Content-addressed page files: `<pages dir>/<sha256>.jpg` and `<pages dir>/thumbs/<sha256>.webp`.
 * The same image is stored once however many pages point at it; a write goes to a temporary
 * name and is renamed into place, so a power cut never leaves half a page under a real name.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folder of page images inside the data folder. */
export function pagesDirOf(dataDir: string): string {
  return join(dataDir, 'pages');
}

export function pageFilePath(pagesDir: string, sha256: string): string {
  return join(pagesDir, `${sha256}.jpg`);
}

export function thumbFilePath(pagesDir: string, sha256: string): string {
  return join(pagesDir, 'thumbs', `${sha256}.webp`);
}

/** Where raw pages land while they arrive; one file per page being scanned. */
export function incomingDir(pagesDir: string): string {
  const dir = join(pagesDir, 'incoming');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function writeOnce(path: string, bytes: Uint8Array): void {
  if (existsSync(path)) return;
  const tmp = `${path}.${randomUUID()}.part`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Stores a page image and its thumbnail under the image's hash; returns the hash. */
export function storePageFiles(pagesDir: string, jpeg: Uint8Array, thumb: Uint8Array): string {
  const sha = sha256Hex(jpeg);
  mkdirSync(join(pagesDir, 'thumbs'), { recursive: true, mode: 0o700 });
  writeOnce(pageFilePath(pagesDir, sha), jpeg);
  writeOnce(thumbFilePath(pagesDir, sha), thumb);
  return sha;
}

/** Removes a page's files once no page row references the hash any more. */
export function removePageFiles(pagesDir: string, sha256: string): void {
  rmSync(pageFilePath(pagesDir, sha256), { force: true });
  rmSync(thumbFilePath(pagesDir, sha256), { force: true });
}
