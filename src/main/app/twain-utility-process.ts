/**
 * The TWAIN worker in the Electron app, started with `utilityProcess.fork`. electron-builder.yml
 * turns the `runAsNode` fuse off, so the Electron binary ignores ELECTRON_RUN_AS_NODE and
 * `fork(process.execPath)` would start a second app, not the worker. A utility process is
 * Electron's own Node child: it reads the worker and koffi from the asar (the .node files are
 * unpacked) and talks through `process.parentPort`, which the worker understands. It runs at the
 * app's architecture (x64); sources with only 32-bit drivers need MOTCUA_TWAIN_NODE, a bundled
 * 32-bit node.exe, through the plain fork.
 */
import { utilityProcess } from 'electron';
import type { SpawnWorker } from '../devices/scanner/twain/twain-worker-scanner';

export const spawnUtilityWorker: SpawnWorker = (workerPath, args, options) => {
  const child = utilityProcess.fork(workerPath, [...args], { serviceName: 'Motcua Desk TWAIN', stdio: 'ignore', env: { ...(options.env ?? process.env) } });
  let exited = false;
  const exitListeners: (() => void)[] = [];
  child.on('exit', () => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener();
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (message) => {
      if (!exited) child.postMessage(message);
    },
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void exitListeners.push(listener),
    kill: () => void child.kill(),
    // A utility process never holds the main process's event loop open: nothing to release.
    hold: () => undefined,
  };
};
