import './charts.css';

export interface BarRow { readonly id: string; readonly label: string; readonly value: number; readonly late: number }

export interface HorizontalBarsProps {
  readonly testId: string;
  readonly title: string;
  readonly rows: readonly BarRow[];
  /** Legend words: the whole bar, and its part resolved late. */
  readonly valueLabel: string;
  readonly lateLabel: string;
  readonly emptyText: string;
}

const LABEL_W = 330;
const BAR_W = 420;
const ROW_H = 22;

/** Received per procedure, longest first, with the part resolved late drawn over it. */
export function HorizontalBars({ testId, title, rows, valueLabel, lateLabel, emptyText }: HorizontalBarsProps) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * ROW_H;
  return (
    <figure className="chart chart-wide" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {rows.length === 0 ? <p className="muted">{emptyText}</p> : (
        <svg viewBox={`0 0 ${LABEL_W + BAR_W + 60} ${height}`} width={LABEL_W + BAR_W + 60} height={height} role="img"
          aria-label={`${title}: ${rows.map((r) => `${r.label} ${r.value}`).join('; ')}`}>
          {rows.map((r, i) => {
            const y = i * ROW_H;
            const w = Math.round((r.value / max) * BAR_W);
            const lw = Math.round((Math.min(r.late, r.value) / max) * BAR_W);
            const label = r.label.length > 52 ? `${r.label.slice(0, 51)}…` : r.label;
            return (
              <g key={r.id} data-testid={`${testId}-row`}>
                <title>{`${r.label}: ${valueLabel} ${r.value}, ${lateLabel} ${r.late}`}</title>
                <text x={LABEL_W - 6} y={y + 15} textAnchor="end" className="chart-label">{label}</text>
                <rect x={LABEL_W} y={y + 3} width={w} height={ROW_H - 6} className="bar-value" />
                {lw > 0 && <rect x={LABEL_W} y={y + 3} width={lw} height={ROW_H - 6} className="bar-late" />}
                <text x={LABEL_W + w + 6} y={y + 15} className="chart-label">{r.value.toLocaleString('vi-VN')}</text>
              </g>
            );
          })}
        </svg>
      )}
      <ul className="chart-legend">
        <li><span className="swatch bar-value-bg" aria-hidden="true" />{valueLabel}</li>
        <li><span className="swatch bar-late-bg" aria-hidden="true" />{lateLabel}</li>
      </ul>
    </figure>
  );
}
