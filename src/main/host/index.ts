/**
 * `node out/host/index.cjs [--port N] [--data-dir DIR] [--provision FILE] [--open]`: runs the desk
 * (the core of whichever data is open) under plain Node and serves the renderer on 127.0.0.1.
 * Prints the URL, and a JSON line for scripts and tests.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appVersion } from '../../shared/version';
import { systemClock } from '../services/clock';
import { backupIntervalMs, explainStartupError } from '../services/core';
import { Desk } from '../services/desk/desk';
import { knownPackagePaths } from '../services/desk/package-paths';
import { askProvisionStatus } from '../../sync/hub-api';
import { openSyncScheduler } from '../../sync/scheduler';
import { defaultDataDir } from '../services/settings/data-dir';
import { chromiumAppArgs, findChromium } from './find-browser';
import { newLaunchToken } from './security';
import { startHost } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      open: { type: 'boolean', default: false },
      provision: { type: 'string' },
      'renderer-dir': { type: 'string', default: join(__dirname, '..', 'renderer') },
    },
  });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const core = await Desk.open({
    version: appVersion,
    root: dataDir,
    host: 'browser-host',
    clock: systemClock,
    sync: openSyncScheduler,
    packagePaths: knownPackagePaths(dataDir, values.provision),
    checkPackage: (hubUrl, id) => askProvisionStatus(fetch, hubUrl, id, 3_000),
  });
  const host = await startHost({ core, rendererDir: values['renderer-dir'], token: newLaunchToken() }, Number(values.port));

  console.log(`Motcua Desk ${appVersion} — máy chủ trình duyệt / browser host`);
  console.log(`  Dữ liệu / data folder: ${dataDir}`);
  console.log(`  Đang mở / open: ${core.profile === 'production' ? 'dữ liệu của xã / commune data' : core.profile === 'training' ? 'bản đào tạo / training sandbox' : 'chưa cài đặt / not set up yet'}`);
  console.log(`  Mở / open: ${host.url}`);
  console.log(`MOTCUA_HOST_READY ${JSON.stringify({ url: host.url, port: host.port })}`);

  if (values.open) openInChromium(host.url, join(dataDir, 'browser-profile'));
  const stopBackups = core.scheduleBackups(backupIntervalMs);

  const stop = (): void => {
    void Promise.all([host.close(), stopBackups()]).then(() => {
      core.dispose();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function openInChromium(url: string, profileDir: string): void {
  const browser = findChromium();
  if (!browser) {
    console.log('  Không thấy Chromium/Edge: hãy mở địa chỉ trên bằng trình duyệt. / No Chromium found: open the URL above yourself.');
    return;
  }
  console.log(`  Mở cửa sổ ứng dụng bằng / opening an app window with: ${browser}`);
  const child = spawn(browser, chromiumAppArgs(url, profileDir), { stdio: 'ignore', detached: true });
  child.on('error', () => console.log('  Không mở được trình duyệt. / Could not start the browser.'));
  child.unref();
}

main().catch((error: unknown) => {
  console.error('Không khởi động được máy chủ trình duyệt / browser host failed to start.');
  console.error(explainStartupError(error));
  process.exit(1);
});
