/** The scanner drivers this build uses. TWAIN (Windows worker process) is not built yet. */
import { EsclScanner } from '../../devices/scanner/escl/escl-scanner';
import { SaneScanner } from '../../devices/scanner/sane/sane-scanner';
import type { Scanner } from '../../devices/scanner/scanner';

/**
 * SANE wherever libsane loads, plus eSCL network scanners the support staff listed by address in
 * `MOTCUA_ESCL_SCANNERS` (comma-separated base URLs; discovery over mDNS is not built yet).
 */
export function defaultScanners(env: NodeJS.ProcessEnv = process.env): Scanner[] {
  const escl = (env.MOTCUA_ESCL_SCANNERS ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  return [new SaneScanner(), ...(escl.length > 0 ? [new EsclScanner(escl)] : [])];
}
