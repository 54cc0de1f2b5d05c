/**
 * The training sandbox's mark on every page of every paper it prints (issue 12): a band across
 * the top and a large diagonal line, so a slip printed while learning can never pass for a real
 * one. Drawn over the finished PDF, so every form gets it without knowing about it.
 */
import fontkit from '@pdf-lib/fontkit';
import { degrees, PDFDocument, rgb } from 'pdf-lib';
import { fontBytes } from './fonts';

export const TRAINING_STAMP = 'BẢN ĐÀO TẠO – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ';

export async function stampTraining(pdf: Uint8Array): Promise<Uint8Array> {
  // The slip's own dates stay: the same slip must give the same bytes (kept slips are hashed).
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes('bold'), { subset: true });
  const text = TRAINING_STAMP.normalize('NFC');
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    const band = Math.min(11, (width - 20) / (font.widthOfTextAtSize(text, 1) || 1));
    page.drawText(text, { x: (width - font.widthOfTextAtSize(text, band)) / 2, y: height - band - 4, size: band, font, color: rgb(0.75, 0, 0) });
    const size = Math.min(36, (Math.hypot(width, height) * 0.8) / (font.widthOfTextAtSize(text, 1) || 1));
    const angle = Math.atan2(height, width);
    const run = font.widthOfTextAtSize(text, size);
    page.drawText(text, {
      x: width / 2 - (run / 2) * Math.cos(angle),
      y: height / 2 - (run / 2) * Math.sin(angle),
      size,
      font,
      color: rgb(0.8, 0.2, 0.2),
      opacity: 0.25,
      rotate: degrees((angle * 180) / Math.PI),
    });
  }
  return doc.save({ useObjectStreams: true });
}
