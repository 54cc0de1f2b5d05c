// `npm start`: the Electron app where its binary is installed; otherwise the browser host,
// opened in a Chromium app window when one exists. Says which mode it chose and why.
// Electron is detected by its files, never by require('electron'), which would start a download.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const passthrough = process.argv.slice(2);
const electron = process.env.MOTCUA_FORCE_BROWSER_HOST ? undefined : electronBinary();
let child;
if (electron) {
  console.log(`Chế độ / mode: ứng dụng Electron / Electron app (${electron})`);
  child = spawn(electron, [root, ...passthrough], { stdio: 'inherit' });
} else {
  console.log(
    'Chế độ / mode: máy chủ trình duyệt / browser host — không có tệp chạy Electron trên máy này ' +
      '(node_modules/electron/dist chưa được tải) / no Electron binary on this machine.',
  );
  child = spawn(process.execPath, [join(root, 'out', 'host', 'index.cjs'), '--open', ...passthrough], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
