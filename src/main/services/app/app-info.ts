import type { AppInfo } from '../../../shared/api/app';
import type { Store } from '../../store/db';
import { countDossiers } from '../../store/repos/dossiers';
import { AppError } from '../../../shared/api/errors';
import { readCommune } from '../settings/commune';
import type { CoreContext } from '../core-context';

export function appInfo(ctx: CoreContext, store: Store): AppInfo {
  const commune = readCommune(store);
  if (commune === undefined) throw new AppError('desk.not-provisioned');
  return {
    name: 'Motcua Desk',
    version: ctx.version,
    dataDir: ctx.dataDir,
    schemaVersion: store.schemaVersion,
    commune,
    mode: ctx.profile,
    counts: { dossiers: store.read(countDossiers) },
    host: ctx.host,
  };
}
