import { useCallback, useState } from 'react';
import type { ApiResult } from '../../../shared/api/result';
import { useI18n } from '../../i18n';

/** A button's long action: busy while it runs, then the success text or the core's Vietnamese error. */
export interface ActionState { readonly busy: boolean; readonly ok?: string; readonly error?: string }

export function useAction(): [ActionState, <T>(run: () => Promise<ApiResult<T>>, success: (value: T) => string) => Promise<T | undefined>] {
  const { pick } = useI18n();
  const [state, setState] = useState<ActionState>({ busy: false });
  const run = useCallback(async <T,>(action: () => Promise<ApiResult<T>>, success: (value: T) => string): Promise<T | undefined> => {
    setState({ busy: true });
    const r = await action();
    if (!r.ok) {
      setState({ busy: false, error: pick(r.error.message) });
      return undefined;
    }
    setState({ busy: false, ok: success(r.value) });
    return r.value;
  }, [pick]);
  return [state, run];
}

/** The outcome line under a button; errors are announced at once. */
export function ActionResult({ state, testId }: { readonly state: ActionState; readonly testId: string }) {
  if (state.error) return <p className="field-error" role="alert" data-testid={`${testId}-error`}>{state.error}</p>;
  if (state.ok) return <p className="ok-text" role="status" data-testid={`${testId}-ok`}>{state.ok}</p>;
  return null;
}
