/**
 * Every screen calls the core through `call`: the same typed client, plus one listener that
 * learns when the server locked the session for idleness (`auth.idle-locked`). The shell then
 * shows the lock screen over the page, so nothing the clerk typed is lost.
 */
import type { ApiInput, ApiName, ApiOutput } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/result';
import { api } from '../../api';

let onLocked: (() => void) | undefined;

export function setLockListener(listener: (() => void) | undefined): void {
  onLocked = listener;
}

export async function call<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiResult<ApiOutput<N>>> {
  const result = await api.call(name, input);
  if (!result.ok && result.error.code === 'auth.idle-locked') onLocked?.();
  return result;
}
