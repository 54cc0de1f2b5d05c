import { useCallback, useState } from 'react';
import type { ApiInput } from '../../shared/api/contract';
import { useI18n } from '../i18n';
import { call } from '../screens/shell/call';

export interface SlipPrintState { readonly busy: boolean; readonly status?: { readonly ok: boolean; readonly text: string } }

/** Prints a slip through `slip.print` and keeps the spooler's answer (or the Vietnamese error) for the card. */
export function useSlipPrint(): [SlipPrintState, (input: ApiInput<'slip.print'>) => Promise<void>, () => void] {
  const { t, pick } = useI18n();
  const [state, setState] = useState<SlipPrintState>({ busy: false });
  const print = useCallback(async (input: ApiInput<'slip.print'>) => {
    setState({ busy: true, status: { ok: true, text: t('receipt.printing') } });
    const r = await call('slip.print', input);
    setState({ busy: false, status: r.ok ? { ok: true, text: `${t('receipt.printed')} ${r.value.printer}` } : { ok: false, text: pick(r.error.message) } });
  }, [t, pick]);
  const reset = useCallback(() => setState({ busy: false }), []);
  return [state, print, reset];
}
