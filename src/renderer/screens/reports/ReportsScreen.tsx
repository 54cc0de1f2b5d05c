import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { ReportSummary } from '../../../shared/api/reports';
import { ReportTable } from '../../components/ReportTable';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** report.summary for a chosen period, by procedure. Charts, .xlsx export and the register print are not built yet. */
export function ReportsScreen() {
  const { t, pick } = useI18n();
  const now = new Date(Date.now() + 7 * 3600_000);
  const [from, setFrom] = useState(isoDay(new Date(Date.UTC(now.getUTCFullYear(), 0, 1))));
  const [to, setTo] = useState(isoDay(now));
  const [report, setReport] = useState<ReportSummary>();
  const [error, setError] = useState<ApiError>();

  const run = async () => {
    const r = await call('report.summary', { from, to });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setReport(r.value);
  };

  return (
    <section>
      <h2>{t('reports.heading')}</h2>
      <form className="search-box" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <label>{t('reports.from')}<input data-testid="report-from" placeholder="YYYY-MM-DD" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>{t('reports.to')}<input data-testid="report-to" placeholder="YYYY-MM-DD" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <button type="submit" className="primary">{t('reports.run')}</button>
      </form>
      {error && <p className="field-error" role="alert">{pick(error.message)}</p>}
      {report && (
        <ReportTable
          headers={[t('reports.procedure'), t('reports.received'), t('reports.onTime'), t('reports.late'), t('reports.pending'), t('reports.overdue')]}
          rows={report.byProcedure.map((p) => ({ id: p.procedureCode, label: p.procedureName ?? p.procedureCode, counts: p }))}
          total={{ label: t('reports.total'), counts: report.total }} />
      )}
    </section>
  );
}
