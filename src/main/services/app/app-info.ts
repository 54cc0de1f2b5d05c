import type { AppInfo } from '../../../shared/api/app';
import type { Store } from '../../store/db';
import { countDossiers } from '../../store/repos/dossiers';
import { ensureCommune } from '../settings/commune';
import type { CoreContext } from '../core-context';

export function appInfo(ctx: CoreContext, store: Store): AppInfo {
  return {
    name: 'Motcua Desk',
    version: ctx.version,
    dataDir: ctx.dataDir,
    schemaVersion: store.schemaVersion,
    commune: ensureCommune(store, ctx.clock.now()),
    counts: { dossiers: store.read(countDossiers) },
    host: ctx.host,
  };
}
