/**
 * A small top-down writer over pdf-lib: a cursor, Vietnamese text wrapped to a width, tables,
 * the blocks every administrative paper carries (NĐ 30/2020: national header, issuing office,
 * signature) and page numbers. Every string is NFC-normalised before it is measured or drawn:
 * decomposed input (NFD from some keyboards) would otherwise draw loose combining marks.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { fontBytes, type FontFace } from './fonts';

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;
/** 80 mm roll paper width in points (72 mm printable); the height grows with the content. */
export const ROLL_80MM_WIDTH = 226.77;

// Not cached across documents on purpose: sharing one parsed fontkit font between documents
// dropped glyphs from later subsets ("SỔ THEO" came out "SỔ TH"), found by the register test.
const SUBSET_TAG: Readonly<Record<FontFace, string>> = { regular: 'MCDSRA', bold: 'MCDSBA', italic: 'MCDSIA' };

/** NFC, the only form we draw. */
export const nfc = (s: string): string => s.normalize('NFC');

// Word widths in 1/1000 of the font size, per face, kept across documents. Measuring through
// pdf-lib runs fontkit's whole layout (GSUB/GPOS) on every call, and wrapping measures each
// growing line: a third of a warm receipt went there. Only numbers are shared, never the
// parsed font (see above), and pdf-lib sums advance widths without kerning, so a line's width is
// exactly the sum of its words' and spaces' widths.
const WORD_WIDTHS: Readonly<Record<FontFace, Map<string, number>>> = { regular: new Map(), bold: new Map(), italic: new Map() };
const WORD_CACHE_LIMIT = 20_000;

/** Width of NFC `text` set in `font` (the document's embedding of `face`) at `size`. */
export function measure(font: PDFFont, face: FontFace, text: string, size: number): number {
  const cache = WORD_WIDTHS[face];
  let units = 0;
  const words = text.split(' ');
  for (const word of words) {
    let w = cache.get(word);
    if (w === undefined) {
      w = word === '' ? 0 : font.widthOfTextAtSize(word, 1000);
      if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
      cache.set(word, w);
    }
    units += w;
  }
  if (words.length > 1) units += (words.length - 1) * spaceUnits(font, face);
  return (units * size) / 1000;
}

// Shaping results (glyph ids and the code points each stands for) per face and string, kept
// across documents. pdf-lib shapes every drawn line with fontkit's layout, which decodes the
// GSUB/GPOS tables of each document's freshly parsed font: a third of a warm receipt. The ids
// are the font file's, so they hold for every parse of it; the glyph objects are still taken from
// the document's own font, whose subset gets them (sharing parsed fonts corrupts subsets, see above).
type Shaped = readonly (readonly [id: number, codePoints: readonly number[]])[];
const SHAPES: Readonly<Record<FontFace, Map<string, Shaped>>> = { regular: new Map(), bold: new Map(), italic: new Map() };

/** The fontkit font behind a pdf-lib custom font (pdf-lib keeps it private). */
interface FontkitFont {
  layout(text: string, features?: unknown): { glyphs: { id: number; codePoints: number[] }[] };
  getGlyph(id: number, codePoints?: number[]): { id: number; codePoints: number[] };
  readonly loca?: unknown;
  readonly _tables?: Record<string, unknown>;
}

// The decoded `loca` table (glyph offsets, numbers only) per face: the subsetter reads it and
// never writes it, and decoding it again for every document was a tenth of a receipt.
const LOCA: Partial<Record<FontFace, unknown>> = {};

function shareLoca(fk: FontkitFont, face: FontFace): void {
  const tables = fk._tables;
  if (tables === undefined) return;
  const known = LOCA[face];
  if (known === undefined) LOCA[face] = fk.loca;
  else tables.loca = known;
}

/** Makes the document's font answer layouts of strings already shaped from the shared table. */
function shareShaping(font: PDFFont, face: FontFace): void {
  const fk = (font as unknown as { embedder?: { font?: FontkitFont } }).embedder?.font;
  // Another pdf-lib release may hold it elsewhere: then every line is shaped, slower but right.
  if (fk === undefined || typeof fk.layout !== 'function') return;
  shareLoca(fk, face);
  const shape = fk.layout.bind(fk);
  const cache = SHAPES[face];
  fk.layout = (text, features) => {
    let shaped = cache.get(text);
    if (shaped === undefined) {
      shaped = shape(text, features).glyphs.map((g) => [g.id, [...g.codePoints]] as const);
      if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
      cache.set(text, shaped);
    }
    return { glyphs: shaped.map(([id, codePoints]) => fk.getGlyph(id, [...codePoints])) };
  };
}

function spaceUnits(font: PDFFont, face: FontFace): number {
  const cache = WORD_WIDTHS[face];
  let w = cache.get(' ');
  if (w === undefined) {
    w = font.widthOfTextAtSize(' ', 1000);
    cache.set(' ', w);
  }
  return w;
}

/** Page geometry: size and margins in points (NĐ 30: top/bottom 20 mm, left 30 mm, right 15 mm). */
export interface PageSpec {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
}

const MM = 72 / 25.4;
/** A4 with the NĐ 30/2020 margins. */
export const A4_SPEC: PageSpec = { ...A4, margin: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } };

/** Options of one line or paragraph. */
export interface TextStyle {
  readonly face?: FontFace;
  readonly size?: number;
  readonly align?: 'left' | 'center' | 'right';
  /** Left edge and width of the box the text sits in; defaults to the text area. */
  readonly x?: number;
  readonly width?: number;
  readonly lineGap?: number;
}

/** Writes a document top-down, adding pages as the cursor reaches the bottom margin. */
export class Writer {
  readonly fonts: Record<FontFace, PDFFont>;
  page: PDFPage;
  y: number;
  private readonly pages: PDFPage[] = [];

  private constructor(readonly doc: PDFDocument, readonly spec: PageSpec, fonts: Record<FontFace, PDFFont>) {
    this.fonts = fonts;
    this.page = this.addPage();
    this.y = spec.height - spec.margin.top;
  }

  /** A new document with the three faces embedded as subsets (only the glyphs used). */
  static async create(spec: PageSpec, title: string, date: Date): Promise<Writer> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(nfc(title));
    doc.setProducer('Motcua Desk');
    doc.setCreator('Motcua Desk');
    doc.setCreationDate(date);
    doc.setModificationDate(date);
    // The ABCDEF+ tag is how PDF marks a subset (ISO 32000 §9.6.4); pdf-lib omits it, so the
    // name is given here and `pdffonts` reports the subset truthfully.
    const embed = (face: FontFace) => doc.embedFont(fontBytes(face), { subset: true, customName: `${SUBSET_TAG[face]}+LiberationSerif-${face}` });
    const [regular, bold, italic] = await Promise.all([embed('regular'), embed('bold'), embed('italic')]);
    shareShaping(regular, 'regular');
    shareShaping(bold, 'bold');
    shareShaping(italic, 'italic');
    return new Writer(doc, spec, { regular, bold, italic });
  }

  get left(): number {
    return this.spec.margin.left;
  }
  get textWidth(): number {
    return this.spec.width - this.spec.margin.left - this.spec.margin.right;
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([this.spec.width, this.spec.height]);
    this.pages.push(page);
    return page;
  }

  /** Starts a new page when fewer than `needed` points remain. */
  ensure(needed: number): void {
    if (this.y - needed >= this.spec.margin.bottom) return;
    this.page = this.addPage();
    this.y = this.spec.height - this.spec.margin.top;
  }

  /** Width of (NFC) `text` in `face` at `size`, from the shared word-width cache. */
  measure(face: FontFace, text: string, size: number): number {
    return measure(this.fonts[face], face, text, size);
  }

  /** Splits text into lines no wider than `width` at `size`, breaking at spaces (or inside a too-long word). */
  wrap(text: string, width: number, face: FontFace = 'regular', size = 13): string[] {
    const widthOf = (t: string) => this.measure(face, t, size);
    const out: string[] = [];
    for (const para of nfc(text).split('\n')) {
      let line = '';
      for (const word of para.split(/\s+/).filter((w) => w.length > 0)) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (widthOf(candidate) <= width) {
          line = candidate;
          continue;
        }
        if (line !== '') out.push(line);
        line = word;
        // A word wider than the box (a long code) is cut by characters.
        while (widthOf(line) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && widthOf(line.slice(0, cut)) > width) cut -= 1;
          out.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      out.push(line);
    }
    return out;
  }

  /** Draws a wrapped paragraph at the cursor and moves it down. */
  text(text: string, style: TextStyle = {}): void {
    const face = style.face ?? 'regular';
    const size = style.size ?? 13;
    const x = style.x ?? this.left;
    const width = style.width ?? this.textWidth;
    const lineHeight = size * 1.2 + (style.lineGap ?? 1);
    for (const line of this.wrap(text, width, face, size)) {
      this.ensure(lineHeight);
      this.y -= size;
      this.drawLine(line, x, width, this.y, face, size, style.align ?? 'left');
      this.y -= lineHeight - size;
    }
  }

  /** One line at a fixed baseline, without moving the cursor. */
  drawLine(line: string, x: number, width: number, baseline: number, face: FontFace, size: number, align: 'left' | 'center' | 'right'): void {
    const font = this.fonts[face];
    const s = nfc(line);
    const w = this.measure(face, s, size);
    const dx = align === 'center' ? (width - w) / 2 : align === 'right' ? width - w : 0;
    this.page.drawText(s, { x: x + dx, y: baseline, size, font, color: rgb(0, 0, 0) });
  }

  /** "Label: value" with the label in bold-free regular and the value wrapped after it. */
  field(label: string, value: string, size = 13): void {
    this.text(`${label}: ${value}`, { size });
  }

  /** A horizontal rule of `width` centred in the box [x, x+boxWidth] at the cursor. */
  rule(x: number, boxWidth: number, width: number): void {
    const y = this.y - 2;
    this.page.drawLine({ start: { x: x + (boxWidth - width) / 2, y }, end: { x: x + (boxWidth + width) / 2, y }, thickness: 0.6 });
    this.y -= 4;
  }

  /** Moves the cursor down. */
  gap(points: number): void {
    this.y -= points;
  }

  /** Every page as pdf-lib holds them, for page numbers and finishing touches. */
  allPages(): readonly PDFPage[] {
    return this.pages;
  }
}
