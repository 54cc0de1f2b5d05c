/**
 * The health screen's self-check: cheap enough to run whenever a screen opens, even on a
 * database of a million dossiers. The full integrity check is `doctor`'s job.
 */
import { accessSync, constants, statfsSync } from 'node:fs';
import type { HealthReport } from '../../../shared/api/app';
import type { Store } from '../../store/db';
import { ping } from '../../store/integrity';
import type { CoreContext } from '../core-context';

/** Below this, backups and scans will soon fail: warn while there is still time to act. */
export const minFreeDiskBytes = 1024 ** 3;

export function healthCheck(ctx: CoreContext, store: Store): HealthReport {
  const db = store.read(ping);
  const checks = [
    { name: 'database', ok: db.ok, detail: db.ok ? `schema ${store.schemaVersion}` : db.detail },
    dataDirWritable(ctx.dataDir),
    freeDisk(ctx.dataDir),
  ];
  return { ok: checks.every((c) => c.ok), checks, checkedAt: ctx.clock.now().toISOString() };
}

function dataDirWritable(dir: string) {
  try {
    accessSync(dir, constants.W_OK);
    return { name: 'data-folder', ok: true, detail: 'writable' };
  } catch {
    return { name: 'data-folder', ok: false, detail: 'not writable' };
  }
}

function freeDisk(dir: string) {
  const stats = statfsSync(dir);
  const free = stats.bavail * stats.bsize;
  return { name: 'disk-space', ok: free >= minFreeDiskBytes, detail: `${Math.floor(free / 1024 ** 2)} MB free` };
}
