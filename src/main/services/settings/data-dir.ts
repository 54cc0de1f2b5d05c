import { homedir } from 'node:os';
import { join } from 'node:path';

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
