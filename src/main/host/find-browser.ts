import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Chromium-family browsers that offer an app-mode window, most preferred first. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const candidates =
    platform === 'win32'
      ? [
          join(env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
          join(env.PROGRAMFILES ?? 'C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
        ]
      : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];
  const explicit = env.MOTCUA_CHROMIUM;
  return [...(explicit ? [explicit] : []), ...candidates].find((p) => existsSync(p));
}

/**
 * App mode with a profile of our own, and with the background services that would otherwise
 * dial Google from an offline commune PC switched off.
 */
export function chromiumAppArgs(url: string, profileDir: string): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--window-size=1366,768',
  ];
}
