/**
 * The core: the store and every service, bound to the API contract. The Electron app, the
 * browser host and the CLI each open one core and hand calls to `invoke`; none holds a rule.
 */
import { join } from 'node:path';
import type { ApiResult } from '../../shared/api/result';
import { openStore, type Store } from '../store/db';
import { appInfo } from './app/app-info';
import { ensureCommune } from './settings/commune';
import type { CoreContext } from './core-context';
import { healthCheck } from './diagnostics/health';
import { AppError, describeError } from '../../shared/api/errors';
import { invokeHandler, type Handlers } from './router';

export interface Core {
  readonly context: CoreContext;
  /** Validates the name and input against the contract, runs the service, never throws. */
  invoke(name: unknown, input: unknown): Promise<ApiResult<unknown>>;
  dispose(): void;
}

export const databaseFileName = 'motcua.sqlite';

export function openCore(context: CoreContext): Core {
  const store: Store = openStore(join(context.dataDir, databaseFileName));
  ensureCommune(store, context.clock.now());
  const handlers: Handlers = {
    'app.info': () => appInfo(context, store),
    'health.check': () => healthCheck(context, store),
  };
  return {
    context,
    invoke: (name, input) => invokeHandler(handlers, name, input),
    dispose: () => store.close(),
  };
}

/** What a host prints when the core cannot open: the clerk's message, then the English one. */
export function explainStartupError(error: unknown): string {
  const described = error instanceof AppError ? error.toApiError() : describeError('internal');
  return `${described.message.vi}\n${described.message.en}`;
}
