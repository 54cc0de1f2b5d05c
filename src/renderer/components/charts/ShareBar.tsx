import { formatShare, splitWidth } from '../../../shared/reports/chart-geometry';
import './charts.css';

export interface ChartPart { readonly id: string; readonly label: string; readonly value: number; readonly color: string }

export interface ShareBarProps {
  readonly testId: string;
  readonly title: string;
  readonly parts: readonly ChartPart[];
  readonly emptyText: string;
}

const WIDTH = 400;

/**
 * One 100 % stacked bar with a legend of counts and shares (on time vs late, channels). The
 * legend carries the numbers as text, so the chart says the same to a screen reader.
 */
export function ShareBar({ testId, title, parts, emptyText }: ShareBarProps) {
  const segments = splitWidth(parts.map((p) => p.value), WIDTH);
  const total = parts.reduce((a, p) => a + p.value, 0);
  const summary = parts.map((p, i) => `${p.label}: ${p.value} (${formatShare(segments[i]?.share ?? 0)})`).join('; ');
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {total === 0 ? <p className="muted">{emptyText}</p> : (
        <svg viewBox={`0 0 ${WIDTH} 28`} width="100%" height="28" role="img" aria-label={`${title}: ${summary}`} preserveAspectRatio="none">
          {parts.map((p, i) => {
            const s = segments[i];
            return s && s.width > 0 ? <rect key={p.id} x={s.start} y={0} width={s.width} height={28} fill={p.color}><title>{`${p.label}: ${p.value}`}</title></rect> : null;
          })}
        </svg>
      )}
      <ul className="chart-legend">
        {parts.map((p, i) => (
          <li key={p.id} data-testid={`${testId}-${p.id}`}>
            <span className="swatch" style={{ background: p.color }} aria-hidden="true" />
            {p.label}: <b>{p.value.toLocaleString('vi-VN')}</b> ({formatShare(segments[i]?.share ?? 0)})
          </li>
        ))}
      </ul>
    </figure>
  );
}
