/** The `desk.*` calls as the open core answers them: through the desk that opened it. */
import { AppError } from '../../../shared/api/errors';
import type { Store } from '../../store/db';
import type { CoreContext } from '../core-context';
import type { Handlers } from '../router';
import { readProvisionView } from './provision-view';

type DeskCalls = 'desk.status' | 'desk.provision' | 'desk.switch' | 'desk.training-reset';

export function deskHandlers(context: CoreContext, store: Store): Pick<Handlers, DeskCalls> {
  const desk = context.desk;
  if (desk === undefined) {
    // A core opened on one folder (CLI, tests): it can describe itself, not switch.
    const unavailable = (): never => {
      throw new AppError('desk.unavailable');
    };
    return {
      'desk.status': () => ({
        mode: context.profile,
        productionReady: context.profile === 'production',
        trainingReady: context.profile === 'training',
        provision: context.profile === 'production' ? store.read(readProvisionView) : null,
        packagePaths: [],
      }),
      'desk.provision': unavailable,
      'desk.switch': unavailable,
      'desk.training-reset': unavailable,
    };
  }
  return {
    'desk.status': () => desk.status(),
    'desk.provision': (input) => desk.provision(input),
    'desk.switch': (input) => desk.switchTo(input.to),
    'desk.training-reset': () => {
      if (context.profile !== 'training') throw new AppError('desk.training-only');
      return desk.resetTraining();
    },
  };
}
