import type { ReportCounts } from '../../shared/api/reports';

export interface ReportTableProps {
  readonly headers: readonly string[];
  readonly rows: readonly { readonly id: string; readonly label: string; readonly counts: ReportCounts }[];
  readonly total: { readonly label: string; readonly counts: ReportCounts };
}

const cells = (c: ReportCounts) => [c.received, c.resolvedOnTime, c.resolvedLate, c.pendingOnTime, c.pendingOverdue];

export function ReportTable({ headers, rows, total }: ReportTableProps) {
  return (
    <table className="dossier-table report-table" data-testid="report-table">
      <thead><tr>{headers.map((h) => <th key={h}>{h}</th>)}</tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}><td>{r.label}</td>{cells(r.counts).map((n, i) => <td key={i} className="num">{n.toLocaleString('vi-VN')}</td>)}</tr>
        ))}
      </tbody>
      <tfoot><tr><th>{total.label}</th>{cells(total.counts).map((n, i) => <th key={i} className="num">{n.toLocaleString('vi-VN')}</th>)}</tr></tfoot>
    </table>
  );
}
