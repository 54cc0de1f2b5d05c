/** Layout arithmetic for the report charts, kept apart from the SVG so it can be tested alone. */

export interface Segment { readonly start: number; readonly width: number; readonly share: number }

/**
 * Splits `total` units of width among `values` in proportion. Widths are whole units and add up
 * to `total` exactly (largest remainders), so a stacked bar never overshoots or leaves a gap.
 * All-zero values give zero-width segments.
 */
export function splitWidth(values: readonly number[], total: number): Segment[] {
  const sum = values.reduce((a, b) => a + Math.max(0, b), 0);
  if (sum === 0) return values.map(() => ({ start: 0, width: 0, share: 0 }));
  const exact = values.map((v) => (Math.max(0, v) / sum) * total);
  const widths = exact.map(Math.floor);
  let left = total - widths.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    widths[i] = (widths[i] ?? 0) + 1;
    left -= 1;
  }
  let start = 0;
  return widths.map((width, i) => {
    const segment = { start, width, share: Math.max(0, values[i] ?? 0) / sum };
    start += width;
    return segment;
  });
}

/** "37 %" in Vietnamese style: a comma for decimals, one decimal only below 10 %. */
export function formatShare(share: number): string {
  const pct = share * 100;
  const text = pct > 0 && pct < 10 ? pct.toFixed(1).replace('.', ',') : String(Math.round(pct));
  return `${text} %`;
}
