/** The scanner drivers this build uses. */
import { join } from 'node:path';
import { EsclScanner } from '../../devices/scanner/escl/escl-scanner';
import { browseEscl } from '../../devices/scanner/escl/mdns';
import { SaneScanner } from '../../devices/scanner/sane/sane-scanner';
import type { Scanner } from '../../devices/scanner/scanner';
import { TwainWorkerScanner, type TwainWorkerOptions } from '../../devices/scanner/twain/twain-worker-scanner';

/**
 * Where the TWAIN worker and its DSM are: beside the running bundle (out/<host>/index.cjs next
 * to out/twain-worker/index.cjs), unless support staff point elsewhere. `MOTCUA_TWAIN_NODE` names
 * a 32-bit node.exe for sources that only have x86 drivers (tech notes §1.8).
 */
export function twainWorkerOptions(env: NodeJS.ProcessEnv = process.env): TwainWorkerOptions {
  return {
    workerPath: env.MOTCUA_TWAIN_WORKER ?? join(__dirname, '..', 'twain-worker', 'index.cjs'),
    dsmPath: env.MOTCUA_TWAIN_DSM ?? 'TWAINDSM.dll',
    ...(env.MOTCUA_TWAIN_NODE === undefined ? {} : { execPath: env.MOTCUA_TWAIN_NODE }),
  };
}

/**
 * SANE wherever libsane loads, TWAIN on Windows (in its worker process, started on first use by
 * `twain.spawn`: the Electron app hands in a utility-process start, other hosts fork),
 * and eSCL network scanners: those support staff listed by address in `MOTCUA_ESCL_SCANNERS`
 * (comma-separated base URLs) and those found over mDNS (`_uscan._tcp`) each time scanners are
 * listed. Discovery is on for the counter PCs (Windows) and off elsewhere unless
 * `MOTCUA_ESCL_DISCOVERY=1`, because development and test machines may only touch loopback.
 */
export function defaultScanners(env: NodeJS.ProcessEnv = process.env, twain: Pick<TwainWorkerOptions, 'spawn'> = {}): Scanner[] {
  const escl = (env.MOTCUA_ESCL_SCANNERS ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const discovery = (env.MOTCUA_ESCL_DISCOVERY ?? (process.platform === 'win32' ? '1' : '0')) === '1';
  return [
    new SaneScanner(),
    ...(process.platform === 'win32' ? [new TwainWorkerScanner({ ...twainWorkerOptions(env), ...twain })] : []),
    ...(escl.length > 0 || discovery ? [new EsclScanner(escl, discovery ? () => browseEscl() : undefined)] : []),
  ];
}
