/**
 * A document's scanned pages as one PDF. Each JPEG is embedded as it is (pdf-lib's embedJpg
 * copies the DCT stream: no re-encoding, no quality loss, and a gray JPEG stays DeviceGray).
 * Pages are A4, portrait or landscape to match the image, with the image scaled to fit;
 * the clerk's rotation becomes the page's /Rotate, so rotating never touches the image either.
 */
import { readFile } from 'node:fs/promises';

export interface PdfPageSource {
  /** The JPEG file, or its bytes. */
  readonly jpeg: string | Uint8Array;
  readonly rotation: 0 | 90 | 180 | 270;
}

export interface ScanPdfOptions {
  readonly title?: string;
  /** Fixed for reproducible output in tests; defaults to now. */
  readonly date?: Date;
}

const A4_WIDTH = 595.28;
const A4_HEIGHT = 841.89;

/** Builds the PDF; pages are read one at a time so only the PDF being built is held. */
export async function scanToPdf(pages: readonly PdfPageSource[], options: ScanPdfOptions = {}): Promise<Uint8Array> {
  // pdf-lib is loaded when a PDF is first made, not at core start (its module init is slow).
  const { degrees, PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const date = options.date ?? new Date();
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setProducer('Motcua Desk');
  if (options.title !== undefined) doc.setTitle(options.title.normalize('NFC'));
  for (const source of pages) {
    const bytes = typeof source.jpeg === 'string' ? await readFile(source.jpeg) : source.jpeg;
    const image = await doc.embedJpg(bytes);
    const landscape = image.width > image.height;
    const [pw, ph] = landscape ? [A4_HEIGHT, A4_WIDTH] : [A4_WIDTH, A4_HEIGHT];
    const scale = Math.min(pw / image.width, ph / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    const page = doc.addPage([pw, ph]);
    // Top-left, as the paper lay on the glass.
    page.drawImage(image, { x: 0, y: ph - h, width: w, height: h });
    if (source.rotation !== 0) page.setRotation(degrees(source.rotation));
  }
  return doc.save({ useObjectStreams: true });
}
