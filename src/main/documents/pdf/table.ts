/**
 * Ruled tables whose cells wrap Vietnamese text; rows that do not fit move to a new page and the
 * header row is repeated there, so a register over many pages stays readable.
 */
import { rgb } from 'pdf-lib';
import type { FontFace } from './fonts';
import type { Writer } from './layout';

/** One column: header text and its share of the table width. */
export interface Column {
  readonly header: string;
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
}

const PAD = 3;

/** Draws the table at the cursor; widths are relative and scaled to the text area. */
export function table(w: Writer, columns: readonly Column[], rows: readonly (readonly string[])[], size = 11): void {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * w.textWidth);
  const header = columns.map((c) => c.header);
  drawRow(w, widths, header, size, 'bold', columns.map(() => 'center'));
  for (const row of rows) {
    const height = rowHeight(w, widths, row, size, 'regular');
    if (w.y - height < w.spec.margin.bottom) {
      w.ensure(w.spec.height);
      drawRow(w, widths, header, size, 'bold', columns.map(() => 'center'));
    }
    drawRow(w, widths, row, size, 'regular', columns.map((c) => c.align ?? 'left'));
  }
}

function rowHeight(w: Writer, widths: readonly number[], cells: readonly string[], size: number, face: FontFace): number {
  const lines = cells.map((c, i) => w.wrap(c, (widths[i] ?? 0) - 2 * PAD, face, size).length);
  return Math.max(1, ...lines) * size * 1.2 + 2 * PAD;
}

function drawRow(w: Writer, widths: readonly number[], cells: readonly string[], size: number, face: FontFace, aligns: readonly ('left' | 'center' | 'right')[]): void {
  const height = rowHeight(w, widths, cells, size, face);
  w.ensure(height);
  const top = w.y;
  let x = w.left;
  widths.forEach((width, i) => {
    // A border colour and no fill colour: pdf-lib fills a rectangle black when given neither.
    w.page.drawRectangle({ x, y: top - height, width, height, borderWidth: 0.5, borderColor: rgb(0, 0, 0) });
    let baseline = top - PAD - size;
    for (const line of w.wrap(cells[i] ?? '', width - 2 * PAD, face, size)) {
      w.drawLine(line, x + PAD, width - 2 * PAD, baseline, face, size, aligns[i] ?? 'left');
      baseline -= size * 1.2;
    }
    x += width;
  });
  w.y = top - height;
}
