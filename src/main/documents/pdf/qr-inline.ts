/** A QR code drawn at the cursor, centred, for the narrow receipt where there is no margin to hold it. */
import type { Writer } from './layout';
import { qrPng } from './qr';

/** Draws the QR of `text` centred at the cursor and moves the cursor below it. */
export async function dossierQrInline(w: Writer, text: string, sizePt: number): Promise<void> {
  const png = await w.doc.embedPng(await qrPng(text));
  w.ensure(sizePt + 4);
  w.y -= sizePt + 2;
  w.page.drawImage(png, { x: w.left + (w.textWidth - sizePt) / 2, y: w.y, width: sizePt, height: sizePt });
  w.y -= 4;
}
