/**
 * Electron main: wiring only. Opens the core, serves the renderer on app://, binds IPC and
 * shows the window. Every rule lives in the core, which the browser host runs the same way.
 * TODO(#4): move the core into a utilityProcess so a long query never blocks the window.
 */
import { app, dialog, session } from 'electron';
import { join } from 'node:path';
import { appVersion } from '../../shared/version';
import { systemClock } from '../services/clock';
import { backupIntervalMs, explainStartupError } from '../services/core';
import { Desk } from '../services/desk/desk';
import { knownPackagePaths } from '../services/desk/package-paths';
import { askProvisionStatus } from '../../sync/hub-api';
import { openSyncScheduler } from '../../sync/scheduler';
import { ElectronPrinter } from './electron-printer';
import { bindIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, preloadPathFrom } from './window';
import { windowsPrinting } from './windows-printing';
import { defaultScanners } from '../services/scanning/drivers';
import { spawnUtilityWorker } from './twain-utility-process';

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

let core: Desk | undefined;
let stopBackups: (() => Promise<void>) | undefined;

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  try {
    const root = process.env.MOTCUA_DATA_DIR ?? app.getPath('userData');
    core = await Desk.open({
      version: appVersion,
      root,
      host: 'electron',
      // `--provision FILE` on the command line, the data folder, %ProgramData%\Motcua Desk (issue 12).
      packagePaths: knownPackagePaths(root, provisionArg(process.argv)),
      checkPackage: (hubUrl, id) => askProvisionStatus(fetch, hubUrl, id, 3_000),
      clock: systemClock,
      sync: openSyncScheduler,
      // Windows prints through Electron (SumatraPDF as fallback); elsewhere the core's CUPS printer reads job states back.
      ...(process.platform === 'win32' ? { printer: new ElectronPrinter({ platform: windowsPrinting(process.resourcesPath) }) } : {}),
      // TWAIN's worker as a utility process (the runAsNode fuse is off), unless support staff name
      // a 32-bit node.exe for x86-only drivers, which the plain fork runs.
      ...(process.platform === 'win32' && process.env.MOTCUA_TWAIN_NODE === undefined ? { scanners: defaultScanners(process.env, { spawn: spawnUtilityWorker }) } : {}),
    });
  } catch (error) {
    dialog.showErrorBox('Motcua Desk', explainStartupError(error));
    app.exit(1);
    return;
  }
  serveRenderer(join(__dirname, '..', 'renderer'));
  bindIpc(core);
  stopBackups = core.scheduleBackups(backupIntervalMs);
  createMainWindow(preloadPathFrom(__dirname), { packaged: app.isPackaged });
});

/** The value after `--provision` (or `--provision=FILE`), if given. */
function provisionArg(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--provision' || a.startsWith('--provision='));
  if (i < 0) return undefined;
  const arg = argv[i] ?? '';
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  if (!core) return;
  const closing = core;
  core = undefined;
  event.preventDefault();
  void (stopBackups?.() ?? Promise.resolve()).finally(() => {
    closing.dispose();
    app.quit();
  });
});
