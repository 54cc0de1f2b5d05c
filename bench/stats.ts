export interface Summary {
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN };
}

export interface Row {
  readonly scenario: string;
  readonly samples: number;
  readonly summary: Summary;
  /** The budget from DESIGN.md §9, in `unit`, when it has one. */
  readonly budget?: number;
  /** Which figure the budget applies to; DESIGN §9 states most as p95, the commit as a median. */
  readonly budgetOn?: 'median' | 'p95' | 'max';
  /** 'ms' unless stated ('MB', 'rows/s'…). */
  readonly unit?: string;
}

const format = (n: number): string => (Number.isNaN(n) ? '—' : n >= 10_000 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));

function verdict(r: Row): string {
  if (r.budget === undefined) return '—';
  return r.summary[r.budgetOn ?? 'p95'] < r.budget ? 'ok' : 'OVER';
}

/** A plain-text table: the same on a terminal and in CI logs. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['scenario', 'n', 'median', 'p95', 'max', 'unit', 'budget', 'verdict'];
  const body = rows.map((r) => [
    r.scenario,
    String(r.samples),
    format(r.summary.median),
    format(r.summary.p95),
    format(r.summary.max),
    r.unit ?? 'ms',
    r.budget === undefined ? '—' : `${r.budgetOn ?? 'p95'} < ${r.budget}`,
    verdict(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}
