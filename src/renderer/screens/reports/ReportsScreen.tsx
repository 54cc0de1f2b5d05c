import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { ReportSummary } from '../../../shared/api/reports';
import { HorizontalBars } from '../../components/charts/HorizontalBars';
import { ShareBar } from '../../components/charts/ShareBar';
import { ReportTable } from '../../components/ReportTable';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';
import { SubjectExportPanel } from './SubjectExportPanel';
import { UnusualAccessPanel } from './UnusualAccessPanel';
import { download } from '../../download';
import { reportSheet } from '../../../shared/reports/report-sheet';
import { buildXlsx, XLSX_MIME } from '../../../shared/reports/xlsx-writer';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** report.summary for a chosen period: table, charts (on time vs late, by procedure, channels), .xlsx export, and the register printed. */
export function ReportsScreen({ showAccess = false }: { readonly showAccess?: boolean }) {
  const { t, pick } = useI18n();
  const now = new Date(Date.now() + 7 * 3600_000);
  const [from, setFrom] = useState(isoDay(new Date(Date.UTC(now.getUTCFullYear(), 0, 1))));
  const [to, setTo] = useState(isoDay(now));
  const [report, setReport] = useState<ReportSummary>();
  const [error, setError] = useState<ApiError>();
  const [exported, setExported] = useState<string>();
  const [register, setRegister] = useState<{ busy: boolean; status?: { ok: boolean; text: string } }>({ busy: false });

  const run = async () => {
    const r = await call('report.summary', { from, to });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setExported(undefined);
    setReport(r.value);
  };

  const headers = [t('reports.procedure'), t('reports.received'), t('reports.onTime'), t('reports.late'), t('reports.pending'), t('reports.overdue')];
  const period = (r: ReportSummary) => `${t('reports.from')} ${r.from} — ${t('reports.to')} ${r.to}`;
  const exportXlsx = (r: ReportSummary) => {
    const bytes = buildXlsx(reportSheet(r, {
      sheet: t('reports.heading'), title: t('reports.xlsxTitle'), period: period(r), headers, total: t('reports.total'),
      onlineRatio: t('reports.onlineRatio'), onTimeRatio: t('reports.onTimeRatio'),
    }));
    const name = `bao-cao-${r.from}-${r.to}.xlsx`;
    download(bytes, name, XLSX_MIME);
    setExported(`${t('reports.exported')} ${name}`);
  };

  // The register lists the period on the form (the same [from, to) as the figures), on the A4 printer.
  const printRegister = async () => {
    setRegister({ busy: true, status: { ok: true, text: t('reports.registerPrinting') } });
    const r = await call('register.print', { from, to });
    setRegister({ busy: false, status: r.ok ? { ok: true, text: `${t('reports.registerPrinted')} ${r.value.printer}` } : { ok: false, text: pick(r.error.message) } });
  };

  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t('reports.heading')}</h2>
      <form className="search-box" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <label>{t('reports.from')}<input data-testid="report-from" placeholder="YYYY-MM-DD" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>{t('reports.to')}<input data-testid="report-to" placeholder="YYYY-MM-DD" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <button type="submit" className="primary">{t('reports.run')}</button>
        {report && <button type="button" data-testid="report-export" onClick={() => exportXlsx(report)}>{t('reports.export')}</button>}
        <button type="button" data-testid="register-print" disabled={register.busy} aria-busy={register.busy} onClick={() => void printRegister()}>{t('reports.register')}</button>
      </form>
      {register.status && (
        <p role={register.status.ok ? 'status' : 'alert'} className={register.status.ok ? 'muted' : 'error-text'} data-testid="register-print-status">{register.status.text}</p>
      )}
      {error && <p className="field-error" role="alert">{pick(error.message)}</p>}
      {exported && <p className="muted" role="status" data-testid="report-export-status">{exported}</p>}
      {report && (
        <>
          <ReportTable headers={headers}
            rows={report.byProcedure.map((p) => ({ id: p.procedureCode, label: p.procedureName ?? p.procedureCode, counts: p }))}
            total={{ label: t('reports.total'), counts: report.total }} />
          <div className="charts">
            <ShareBar testId="chart-ontime" title={t('reports.chartOnTime')} emptyText={t('reports.chartEmpty')} parts={[
              { id: 'on-time', label: t('reports.onTime'), value: report.total.resolvedOnTime, color: '#2f855a' },
              { id: 'late', label: t('reports.late'), value: report.total.resolvedLate, color: '#c53030' },
              { id: 'pending', label: t('reports.pending'), value: report.total.pendingOnTime, color: '#718096' },
              { id: 'overdue', label: t('reports.overdue'), value: report.total.pendingOverdue, color: '#b7791f' },
            ]} />
            <ShareBar testId="chart-channels" title={t('reports.chartChannels')} emptyText={t('reports.chartEmpty')}
              parts={(['counter', 'online', 'volunteer'] as const).map((channel, i) => ({
                id: channel, label: t(`channel.${channel}`), color: ['#2b6cb0', '#6b46c1', '#2c7a7b'][i] ?? '#2b6cb0',
                value: report.byChannel.find((c) => c.channel === channel)?.received ?? 0,
              }))} />
            <HorizontalBars testId="chart-procedures" title={t('reports.chartProcedures')} emptyText={t('reports.chartEmpty')}
              valueLabel={t('reports.received')} lateLabel={t('reports.lateAll')}
              rows={[...report.byProcedure].sort((a, b) => b.received - a.received).slice(0, 10).map((p) => ({
                id: p.procedureCode, label: p.procedureName ?? p.procedureCode, value: p.received, late: p.resolvedLate + p.pendingOverdue,
              }))} />
          </div>
        </>
      )}
      {showAccess && <UnusualAccessPanel from={from} to={to} />}
      {showAccess && <SubjectExportPanel />}
    </section>
  );
}
