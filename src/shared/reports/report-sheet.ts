/** The report as a spreadsheet: the same table the screen shows, with the period and the ratios. */
import type { ReportCounts, ReportSummary } from '../api/reports';
import type { XlsxCell, XlsxSheet } from './xlsx-writer';

export interface ReportSheetLabels {
  readonly sheet: string;
  readonly title: string;
  /** "Từ ngày 2026-01-01 đến trước ngày 2026-12-01". */
  readonly period: string;
  /** Procedure, then the five counts. */
  readonly headers: readonly string[];
  readonly total: string;
  readonly onlineRatio: string;
  readonly onTimeRatio: string;
}

const counts = (c: ReportCounts): XlsxCell[] => [c.received, c.resolvedOnTime, c.resolvedLate, c.pendingOnTime, c.pendingOverdue];
const bold = (value: string | number): XlsxCell => ({ value, bold: true });

export function reportSheet(report: ReportSummary, labels: ReportSheetLabels): XlsxSheet {
  return {
    name: labels.sheet,
    widths: [48, 12, 12, 12, 16, 16],
    rows: [
      [bold(labels.title)],
      [labels.period],
      [],
      labels.headers.map(bold),
      ...report.byProcedure.map((p) => [p.procedureName ?? p.procedureCode, ...counts(p)]),
      [bold(labels.total), ...counts(report.total).map((n) => bold(n as number))],
      [],
      [labels.onlineRatio, report.onlineRatio === null ? null : { value: report.onlineRatio, percent: true }],
      [labels.onTimeRatio, report.onTimeRatio === null ? null : { value: report.onTimeRatio, percent: true }],
    ],
  };
}
