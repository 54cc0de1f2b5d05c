import { useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';

type Result = ApiOutput<'report.unusual-access'>;

/** Officers who read unusually many dossiers in an hour of the period (leaders, administrators; issue 13). */
export function UnusualAccessPanel({ from, to }: { readonly from: string; readonly to: string }) {
  const { t, pick } = useI18n();
  const [result, setResult] = useState<Result>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const threshold = String(result?.threshold ?? 50);
  const check = async () => {
    setBusy(true);
    const r = await call('report.unusual-access', { from, to });
    setBusy(false);
    if (!r.ok) return setError(pick(r.error.message));
    setError(undefined);
    setResult(r.value);
  };
  return (
    <section aria-labelledby="unusual-heading" data-testid="unusual-access">
      <h3 id="unusual-heading">{t('unusual.heading')}</h3>
      <p className="muted">{t('unusual.explain').replace('{threshold}', threshold)}</p>
      <button type="button" data-testid="unusual-check" aria-disabled={busy} onClick={() => void (busy ? undefined : check())}>{t('unusual.check')}</button>
      {error && <p className="error-text" role="alert">{error}</p>}
      {result?.rows.length === 0 && <p role="status" data-testid="unusual-none">{t('unusual.none').replace('{threshold}', threshold)}</p>}
      {result && result.rows.length > 0 && (
        <table className="dossier-table" data-testid="unusual-rows">
          <thead><tr><th scope="col">{t('unusual.who')}</th><th scope="col">{t('unusual.from')}</th><th scope="col">{t('unusual.count')}</th></tr></thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={`${r.username ?? ''}-${r.from}`}>
                <td>{r.displayName ?? r.username ?? '—'}</td>
                <td><time dateTime={r.from}>{new Date(r.from).toLocaleString('vi-VN')}</time></td>
                <td>{r.dossiers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
