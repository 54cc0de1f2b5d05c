import { BrowserWindow, Menu } from 'electron';
import { join } from 'node:path';
import { appOrigin } from './protocol';

/**
 * The counter window: sandboxed, isolated, no Node, and it never leaves our own origin. A packaged
 * (production) build has no application menu (its accelerators reload the page and open
 * DevTools) and no DevTools at all: at a shared counter PC they would show any citizen's data and
 * let anyone call the API by hand (issue 13).
 */
export function createMainWindow(preloadPath: string, options: { readonly packaged: boolean } = { packaged: true }): BrowserWindow {
  if (options.packaged) Menu.setApplicationMenu(null);
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: !options.packaged,
    },
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(appOrigin)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${appOrigin}/index.html`);
  return win;
}

export function preloadPathFrom(mainDir: string): string {
  return join(mainDir, '..', 'preload', 'index.cjs');
}

