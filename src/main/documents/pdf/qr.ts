/**
 * QR codes of dossier codes, drawn as vector squares: one path of the dark modules filled at
 * once (no seams between modules at any resolution), instead of a PNG that qrcode encodes and
 * pdf-lib decodes and re-compresses for every slip.
 */
import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingGrayscaleColor, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';

/** Quiet zone in modules around the code (ISO 18004 asks 4; 1 is what the slips always used). */
const QUIET = 1;

/**
 * Draws the QR of `text` with its lower-left corner at (x, y), `sizePt` wide including the quiet
 * zone; error correction M survives a smudged thermal print.
 */
export function drawQr(page: PDFPage, text: string, x: number, y: number, sizePt: number): void {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const module = sizePt / (size + 2 * QUIET);
  const ops = [pushGraphicsState(), setFillingGrayscaleColor(0)];
  for (let row = 0; row < size; row++) {
    // A run of dark modules in a row is one rectangle: fewer operators, same picture.
    let col = 0;
    while (col < size) {
      if (data[row * size + col] !== 1) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col] === 1) col++;
      ops.push(rectangle(x + (QUIET + start) * module, y + (size + QUIET - row - 1) * module, (col - start) * module, module));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}
