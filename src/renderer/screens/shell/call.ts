/**
 * Every screen calls the core through `call`: the same typed client, plus listeners that learn
 * what the core decided about the session while the clerk works:
 *
 * - `auth.idle-locked`: the shell shows the lock screen over the page, so nothing typed is lost;
 * - `auth.session-ended` (the account was disabled, its role or password changed elsewhere) and
 *   `auth.required` (the core no longer knows the token: the data was switched or the core
 *   restarted): the shell drops the kept token and shows the login form with the core's words;
 * - `auth.must-change-password`: the password form comes back before anything else;
 * - `desk.not-set-up`: the PC has no data open any more; the first-run screens come back.
 */
import type { ApiInput, ApiName, ApiOutput } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import type { ApiResult } from '../../../shared/api/result';
import { api } from '../../api';

export interface SessionListeners {
  readonly locked?: () => void;
  readonly signedOut?: (error: ApiError) => void;
  readonly mustChangePassword?: () => void;
  readonly notSetUp?: () => void;
}

let listeners: SessionListeners = {};

export function setSessionListeners(next: SessionListeners): void {
  listeners = next;
}

export async function call<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiResult<ApiOutput<N>>> {
  const result = await api.call(name, input);
  if (!result.ok) {
    switch (result.error.code) {
      case 'auth.idle-locked': listeners.locked?.(); break;
      case 'auth.session-ended':
      case 'auth.required': listeners.signedOut?.(result.error); break;
      case 'auth.must-change-password': listeners.mustChangePassword?.(); break;
      case 'desk.not-set-up': listeners.notSetUp?.(); break;
      default: break;
    }
  }
  return result;
}
