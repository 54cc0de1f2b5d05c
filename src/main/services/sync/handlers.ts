/** Binds the sync calls to the contract. The router has already checked the role and the input. */
import { AppError } from '../../../shared/api/errors';
import type { Store } from '../../store/db';
import { readSyncStatus } from '../../store/repos/sync-status';
import type { Handlers } from '../router';
import type { SyncEngine } from './engine';

type SyncCalls = 'sync.status' | 'sync.now';

/** With no engine (a CLI core) the status still comes from the store; acting on it is refused. */
export function syncHandlers(engine: SyncEngine | undefined, store: Store): Pick<Handlers, SyncCalls> {
  if (engine === undefined) {
    const unavailable = (): never => {
      throw new AppError('sync.unavailable');
    };
    return { 'sync.status': () => store.read((db) => readSyncStatus(db)), 'sync.now': unavailable };
  }
  return {
    'sync.status': () => engine.status(),
    'sync.now': () => engine.syncNow(),
  };
}
