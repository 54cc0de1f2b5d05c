/**
 * Liberation Serif (metric-compatible with Times New Roman, the font NĐ 30/2020 asks for), shipped
 * in resources/fonts with its licence. Found next to the packaged app (process.resourcesPath) or,
 * in development and tests, by walking up from this file to the project root.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The three faces the forms use. */
export type FontFace = 'regular' | 'bold' | 'italic';

const FILES: Readonly<Record<FontFace, string>> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
};

let cachedDir: string | undefined;
const cachedBytes = new Map<FontFace, Uint8Array>();

/** The folder holding the TTFs; throws with the places looked at when it is missing. */
export function fontsDir(): string {
  if (cachedDir !== undefined) return cachedDir;
  const tried: string[] = [];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath !== undefined) tried.push(join(resourcesPath, 'fonts'));
  let dir = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (let i = 0; i < 8; i += 1) {
    tried.push(join(dir, 'resources', 'fonts'));
    dir = dirname(dir);
  }
  tried.push(join(process.cwd(), 'resources', 'fonts'));
  const found = tried.find((d) => existsSync(join(d, FILES.regular)));
  if (found === undefined) throw new Error(`Liberation Serif not found; looked in: ${tried.join(', ')}`);
  cachedDir = found;
  return found;
}

/** The TTF bytes of a face, read once per process (a warm receipt must not touch the disk). */
export function fontBytes(face: FontFace): Uint8Array {
  const hit = cachedBytes.get(face);
  if (hit !== undefined) return hit;
  const bytes = new Uint8Array(readFileSync(join(fontsDir(), FILES[face])));
  cachedBytes.set(face, bytes);
  return bytes;
}
