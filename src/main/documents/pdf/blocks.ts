/**
 * The blocks of an administrative paper (NĐ 30/2020, domain-vn §8.4): the issuing office on the
 * left and the national header on the right, each with its short rule; the place and date line in
 * italics; the title; the signature block; page numbers; the dossier code with its QR code.
 */
import { nfc, type Writer } from './layout';
import { drawQr } from './qr';

/** The issuing office: its superior body (may be empty) and its own name, printed in capitals. */
export interface IssuingOffice {
  readonly parent: string;
  readonly name: string;
  /** Place name for the date line ("Xã Hòa Bình"). */
  readonly place: string;
}

/** Left: office; right: CỘNG HÒA … / Độc lập - Tự do - Hạnh phúc; then the place and date. */
export function officialHeader(w: Writer, office: IssuingOffice, issued: Date, scale = 1): void {
  const top = w.y;
  const leftWidth = w.textWidth * 0.42;
  const rightX = w.left + leftWidth;
  const rightWidth = w.textWidth - leftWidth;
  const s = (n: number) => n * scale;
  w.text(office.parent.toLocaleUpperCase('vi'), { size: s(12), align: 'center', width: leftWidth });
  w.text(office.name.toLocaleUpperCase('vi'), { size: s(12), face: 'bold', align: 'center', width: leftWidth });
  w.rule(w.left, leftWidth, leftWidth * 0.4);
  const leftBottom = w.y;
  w.y = top;
  w.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: s(12), face: 'bold', align: 'center', x: rightX, width: rightWidth });
  w.text('Độc lập - Tự do - Hạnh phúc', { size: s(13), face: 'bold', align: 'center', x: rightX, width: rightWidth });
  w.rule(rightX, rightWidth, w.measure('bold', 'Độc lập - Tự do - Hạnh phúc'.normalize('NFC'), s(13)));
  w.gap(s(4));
  w.text(dateLine(office.place, issued), { size: s(13), face: 'italic', align: 'center', x: rightX, width: rightWidth });
  w.y = Math.min(w.y, leftBottom) - s(12);
}

/** "Xã Hòa Bình, ngày 23 tháng 11 năm 2026" (NĐ 30: days and months below 10 get a leading zero only for 1–2). */
export function dateLine(place: string, d: Date): string {
  const local = vnParts(d);
  const day = local.day < 10 ? `0${local.day}` : String(local.day);
  const month = local.month < 3 ? `0${local.month}` : String(local.month);
  return nfc(`${place}, ngày ${day} tháng ${month} năm ${local.year}`);
}

/** Date parts in Vietnam (UTC+7, no DST), whatever the machine's zone. */
export function vnParts(d: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const t = new Date(d.getTime() + 7 * 3600_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes() };
}

/** The form's number line and title, centred and bold. */
export function formTitle(w: Writer, title: string, formNumber: string | null, scale = 1): void {
  if (formNumber !== null) {
    const size = 11 * scale;
    w.drawLine(`Mẫu số ${formNumber}`, w.left, w.textWidth, w.spec.height - w.spec.margin.top / 2 - size / 2, 'italic', size, 'right');
  }
  w.text(title.toLocaleUpperCase('vi'), { size: 14 * scale, face: 'bold', align: 'center' });
  w.gap(6 * scale);
}

/** The signer's block on the right: role in bold, "(Ký và ghi rõ họ tên)" in italics, space, name. */
export function signatureBlock(w: Writer, role: string, name: string, opts: { readonly left?: { role: string; name: string } } = {}): void {
  w.ensure(110);
  const half = w.textWidth / 2;
  const top = w.y;
  const column = (x: number, r: string, n: string) => {
    w.y = top;
    w.text(r.toLocaleUpperCase('vi'), { face: 'bold', size: 13, align: 'center', x, width: half });
    w.text('(Ký và ghi rõ họ tên)', { face: 'italic', size: 12, align: 'center', x, width: half });
    w.gap(56);
    w.text(n, { face: 'bold', size: 13, align: 'center', x, width: half });
  };
  if (opts.left !== undefined) column(w.left, opts.left.role, opts.left.name);
  column(w.left + half, role, name);
}

/** "Trang n/N" at the foot of every page (after the content is complete). */
export function pageNumbers(w: Writer, size = 10): void {
  const pages = w.allPages();
  pages.forEach((page, i) => {
    const text = nfc(`Trang ${i + 1}/${pages.length}`);
    const width = w.measure('regular', text, size);
    page.drawText(text, { x: (w.spec.width - width) / 2, y: w.spec.margin.bottom / 2, size, font: w.fonts.regular });
  });
}

/** The dossier code and its QR code in the top margin of page 1, top left, clear of the text. */
export function dossierQr(w: Writer, code: string, sizePt = 48): void {
  const first = w.allPages()[0];
  if (first === undefined) return;
  const x = w.spec.margin.left / 3;
  const y = w.spec.height - sizePt - 3;
  drawQr(first, code, x, y, sizePt);
  const size = 8;
  first.drawText(nfc(code), { x: x + sizePt + 3, y: y + 2, size, font: w.fonts.regular });
}
