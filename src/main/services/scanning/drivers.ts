/** The scanner drivers this build uses. */
import { join } from 'node:path';
import { EsclScanner } from '../../devices/scanner/escl/escl-scanner';
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
 * SANE wherever libsane loads, TWAIN on Windows (in its worker process, forked on first use),
 * plus eSCL network scanners the support staff listed by address in `MOTCUA_ESCL_SCANNERS`
 * (comma-separated base URLs; discovery over mDNS is not built yet).
 */
export function defaultScanners(env: NodeJS.ProcessEnv = process.env): Scanner[] {
  const escl = (env.MOTCUA_ESCL_SCANNERS ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  return [
    new SaneScanner(),
    ...(process.platform === 'win32' ? [new TwainWorkerScanner(twainWorkerOptions(env))] : []),
    ...(escl.length > 0 ? [new EsclScanner(escl)] : []),
  ];
}
