import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * Where dossiers live when no folder is given: the same folder Electron's `userData` resolves to
 * for "Motcua Desk", so the app and the browser host on one PC open the same database.
 * MOTCUA_DATA_DIR overrides it (support staff, tests).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.MOTCUA_DATA_DIR) return env.MOTCUA_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Motcua Desk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Motcua Desk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Motcua Desk');
}

/** Only the account the app runs as may list, read or enter the data folder (POSIX). */
export const PRIVATE_DIR_MODE = 0o700;

/** The subfolders of a data folder that hold citizens' data (and the sandbox, which has the same). */
export const DATA_SUBFOLDERS = ['pages', 'pages/thumbs', 'pages/incoming', 'slips', 'backups', 'exports', 'training'] as const;

/**
 * Removes group and other permissions from `dir` if it has any (POSIX only; Windows folders
 * under %APPDATA% inherit the user's own ACL). Returns true when it changed something.
 */
export function tightenDir(dir: string, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'win32' || !existsSync(dir)) return false;
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o077) === 0) return false;
  chmodSync(dir, mode & PRIVATE_DIR_MODE);
  return true;
}

/** Creates `dir` (and missing parents) with mode 0700, and tightens it if it already existed wider. */
export function makePrivateDir(dir: string, platform: NodeJS.Platform = process.platform): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tightenDir(dir, platform);
}

/**
 * At start: the data folder and those of its subfolders that exist lose any group or other
 * permission (POSIX). For the training sandbox (`<root>/training`) the root is tightened too.
 */
export function tightenDataFolder(dataDir: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') return;
  const roots = basename(dataDir) === 'training' ? [dirname(dataDir), dataDir] : [dataDir];
  for (const root of roots) {
    tightenDir(root, platform);
    for (const sub of DATA_SUBFOLDERS) tightenDir(join(root, sub), platform);
  }
}
