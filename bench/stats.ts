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
  /** The budget from DESIGN.md §9 in ms, when it has one. */
  readonly budgetMs?: number;
}

/** A plain-text table: the same on a terminal and in CI logs. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['scenario', 'n', 'median ms', 'p95 ms', 'max ms', 'budget ms', 'verdict'];
  const body = rows.map((r) => [
    r.scenario,
    String(r.samples),
    r.summary.median.toFixed(1),
    r.summary.p95.toFixed(1),
    r.summary.max.toFixed(1),
    r.budgetMs === undefined ? '—' : `< ${r.budgetMs}`,
    r.budgetMs === undefined ? '—' : r.summary.p95 < r.budgetMs ? 'ok' : 'OVER',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}
