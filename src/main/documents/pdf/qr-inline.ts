/** A QR code drawn at the cursor, centred, for the narrow receipt where there is no margin to hold it. */
import type { Writer } from './layout';
import { drawQr } from './qr';

/** Draws the QR of `text` centred at the cursor and moves the cursor below it. */
export function dossierQrInline(w: Writer, text: string, sizePt: number): void {
  w.ensure(sizePt + 4);
  w.y -= sizePt + 2;
  drawQr(w.page, text, w.left + (w.textWidth - sizePt) / 2, w.y, sizePt);
  w.y -= 4;
}
