/**
 * Where each kind of data lives under the root data folder (issue 12):
 * - `motcua.sqlite` (+ pages/, slips/, backups/): the commune's real data, made only by applying
 *   a provisioning package, so a production folder never holds an account the data centre did
 *   not provide for;
 * - `training/`: the sandbox with the fictitious demo commune and demo accounts, never synced;
 * - `desk.json`: which of the two is open. Its absence with no database means a first start.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const databaseFileName = 'motcua.sqlite';
export const trainingFolderName = 'training';
const deskFileName = 'desk.json';

export type Profile = 'production' | 'training';

const DeskFile = z.object({ active: z.enum(['production', 'training']) });

export function folderOf(root: string, profile: Profile): string {
  return profile === 'production' ? root : join(root, trainingFolderName);
}

export function hasDatabase(root: string, profile: Profile): boolean {
  return existsSync(join(folderOf(root, profile), databaseFileName));
}

/** The folder last opened, or undefined on a first start (or an unreadable file). */
export function readActiveProfile(root: string): Profile | undefined {
  try {
    const parsed = DeskFile.safeParse(JSON.parse(readFileSync(join(root, deskFileName), 'utf8')));
    return parsed.success ? parsed.data.active : undefined;
  } catch {
    return undefined;
  }
}

/** Written through a temporary file and a rename, so a power cut leaves the old or the new choice. */
export function writeActiveProfile(root: string, profile: Profile): void {
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const path = join(root, deskFileName);
  writeFileSync(`${path}.tmp`, `${JSON.stringify({ active: profile })}\n`);
  renameSync(`${path}.tmp`, path);
}
