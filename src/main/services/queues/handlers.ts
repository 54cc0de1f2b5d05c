import { AppError } from '../../../shared/api/errors';
import type { Handlers } from '../router';
import { todayQueue, type QueueDeps } from './today';

/** Binds today's queue to the contract. The router has already checked the role. */
export function queueHandlers(deps: QueueDeps): Pick<Handlers, 'queue.today'> {
  return {
    'queue.today': (input, ctx) => {
      if (ctx.user === undefined) throw new AppError('auth.required');
      return todayQueue(deps, input, ctx.user);
    },
  };
}
