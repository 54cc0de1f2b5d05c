import { accessSync, constants } from 'node:fs';
import type { HealthReport } from '../../../shared/api/app';
import type { Store } from '../../store/db';
import { quickCheck } from '../../store/integrity';
import type { CoreContext } from '../core-context';

export function healthCheck(ctx: CoreContext, store: Store): HealthReport {
  const db = store.read(quickCheck);
  const checks = [
    { name: 'database', ok: db.ok, detail: db.ok ? `schema ${store.schemaVersion}` : db.detail },
    dataDirWritable(ctx.dataDir),
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
