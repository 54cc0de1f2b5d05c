/**
 * The core: the store and every service, bound to the API contract. The Electron app, the
 * browser host and the CLI each open one core and hand calls to `invoke`; none holds a rule.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { databaseFileName } from './desk/folders';
import { AppError, describeError } from '../../shared/api/errors';
import type { ApiResult } from '../../shared/api/result';
import { openStore, type Store } from '../store/db';
import { ensureDemoAccounts } from './accounts/demo-accounts';
import { accountHandlers } from './accounts/handlers';
import { SessionRegistry } from './accounts/sessions';
import { appInfo } from './app/app-info';
import { ensureSeedCatalogue } from './catalogue/seed-catalogue';
import type { CoreContext } from './core-context';
import { healthCheck } from './diagnostics/health';
import { DEFAULT_BACKUP_KEEP, defaultBackupDir } from './maintenance/backup';
import { intakeHandlers } from './intake/handlers';
import { queueHandlers } from './queues/handlers';
import { reportHandlers } from './reports/handlers';
import { invokeHandler, type Handlers } from './router';
import { searchHandlers } from './search/handlers';
import { scanningHandlers } from './scanning/handlers';
import { printingHandlers } from './printing/handlers';
import { PrintingService } from './printing/printing-service';
import { CupsPrinter } from '../devices/printer/cups-printer';
import { ScanningService } from './scanning/scanning-service';
import { defaultScanners } from './scanning/drivers';
import { ensureDemoCommune, readCommune } from './settings/commune';
import { accountStamp, defaultIdleMs } from './accounts/sessions';
import { getUserById } from '../store/repos/users';
import { deskHandlers } from './desk/handlers';
import { readProvisionView } from './desk/provision-view';
import type { ProvisionView } from '../../shared/api/desk';
import { ensureSequenceSettings } from './settings/sequence-blocks';
import { workflowHandlers } from './workflow/handlers';
import { syncHandlers } from './sync/handlers';
// Sync conflicts (issue 7c)
import { syncConflictHandlers } from './sync/conflicts-handlers';
// Sync refusals shown to the clerk (issue 7/8)
import { syncRejectionHandlers } from './sync/rejections-handlers';
// Backups from the Settings screen (issue 8)
import { BackupJobs } from './maintenance/backup-jobs';
import { maintenanceHandlers } from './maintenance/handlers';

export interface Core {
  readonly context: CoreContext;
  /**
   * Checks the name, the session behind `token` and the input against the contract, runs the
   * service, and never throws.
   */
  invoke(name: unknown, input: unknown, token?: string): Promise<ApiResult<unknown>>;
  /**
   * Backs the database up every `intervalMs` into `<data folder>/backups`, keeping the newest
   * ten. Long-running hosts start it; the returned stop resolves once a backup in progress is
   * done, so call it before `dispose`.
   */
  scheduleBackups(intervalMs: number): () => Promise<void>;
  /** How provisioning stands on a production folder (null in the sandbox), for the desk. */
  provision(): ProvisionView | null;
  dispose(): void;
}

/** Long-running hosts back up this often: twice in a counter's working day. */
export const backupIntervalMs = 4 * 3_600_000;

export { databaseFileName } from './desk/folders';

/**
 * Opens the core on one data folder. `profile` says which kind it is (issue 12): a training
 * sandbox gets the fictitious demo commune and demo accounts and never syncs; a production
 * folder must already hold its commune from a provisioning package and gets nothing invented.
 */
export async function openCore(context: CoreContext): Promise<Core> {
  // Opening would create an empty database, which the desk would then take for a provisioned one.
  if (context.profile === 'production' && !existsSync(join(context.dataDir, databaseFileName))) throw new AppError('desk.not-provisioned');
  const store: Store = openStore(join(context.dataDir, databaseFileName));
  try {
    // Every call re-reads the caller's account: a change here or from the hub ends its sessions.
    const sessions = new SessionRegistry(context.clock, defaultIdleMs, (id) => {
      const user = store.read((db) => getUserById(db, id));
      return user?.active ? accountStamp(user) : undefined;
    });
    const now = context.clock.now();
    if (context.profile === 'training') {
      ensureDemoCommune(store, now);
      await ensureDemoAccounts({ store, clock: context.clock, sessions });
      ensureSequenceSettings(store, now);
    } else if (readCommune(store) === undefined) {
      throw new AppError('desk.not-provisioned');
    }
    ensureSeedCatalogue(store, now);
    const scanning = new ScanningService({ store, clock: context.clock, dataDir: context.dataDir, drivers: context.scanners ?? defaultScanners() });
    // Sync (issue 7) runs in the background only on long-running hosts, and never in the sandbox.
    const sync = context.profile === 'training' ? undefined : context.sync?.(store, context.dataDir);
    const backups = new BackupJobs({ store, clock: context.clock, dir: defaultBackupDir(context.dataDir), keep: DEFAULT_BACKUP_KEEP });
    const handlers: Handlers = {
      'app.info': () => appInfo(context, store),
      'health.check': () => healthCheck(context, store),
      ...accountHandlers({ store, sessions, clock: context.clock }),
      ...queueHandlers({ store, clock: context.clock }),
      ...searchHandlers({ store, clock: context.clock }),
      ...reportHandlers({ store, clock: context.clock }),
      ...intakeHandlers({ store, clock: context.clock }),
      ...workflowHandlers({ store, clock: context.clock }),
      ...scanningHandlers(scanning),
      ...printingHandlers(new PrintingService({ store, clock: context.clock, dataDir: context.dataDir, printer: context.printer ?? new CupsPrinter(), training: context.profile === 'training' })),
      ...syncHandlers(sync, store),
      ...syncConflictHandlers({ store, clock: context.clock }),
      ...syncRejectionHandlers({ store, clock: context.clock }),
      ...maintenanceHandlers(backups),
      ...deskHandlers(context, store),
    };
    if (context.host !== 'cli') sync?.start();
    return {
      context,
      invoke: async (name, input, token) => {
        const result = await invokeHandler(handlers, sessions, name, input, token);
        // A successful call may have queued outbox rows: the scheduler pushes them shortly.
        if (result.ok) sync?.noteLocalWrite();
        return result;
      },
      provision: () => (context.profile === 'production' ? store.read(readProvisionView) : null),
      scheduleBackups: (intervalMs) => backups.schedule(intervalMs, (code) => console.error('[core] scheduled backup failed:', code)),
      dispose: () => {
        // Aborts running scans; their devices are released as the jobs unwind.
        void scanning.jobs.stopAll();
        // Timers stop and calls in flight abort now; nothing touches the store after this.
        void sync?.dispose();
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

/** What a host prints when the core cannot open: the clerk's message, then the English one. */
export function explainStartupError(error: unknown): string {
  const described = error instanceof AppError ? error.toApiError() : describeError('internal');
  return `${described.message.vi}\n${described.message.en}`;
}
