/**
 * Mẫu 01 for an 80 mm receipt printer: the same content in one narrow column. The page starts
 * tall and its media box is cut to the content afterwards, so the roll is not wasted.
 */
import { dossierQrInline } from '../pdf/qr-inline';
import { dateLine } from '../pdf/blocks';
import { ROLL_80MM_WIDTH, Writer } from '../pdf/layout';
import { codeOf, formHeading, type SlipFormInput } from './form-data';
import { dateTimeText } from './text';

const MM = 72 / 25.4;

/** The receipt on 80 mm roll paper (72 mm printable). */
export async function renderReceipt80mm(input: SlipFormInput): Promise<Uint8Array> {
  const date = input.date ?? new Date(input.slip.issuedAt);
  const heading = formHeading(input);
  const spec = { width: ROLL_80MM_WIDTH, height: 2000, margin: { top: 4 * MM, bottom: 4 * MM, left: 4 * MM, right: 4 * MM } };
  const w = await Writer.create(spec, heading.title, date);
  const { slip, office } = input;
  const c = { align: 'center' as const, size: 9 };
  w.text(office.parent.toLocaleUpperCase('vi'), c);
  w.text(office.name.toLocaleUpperCase('vi'), { ...c, face: 'bold' });
  w.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { ...c, size: 8, face: 'bold' });
  w.text('Độc lập - Tự do - Hạnh phúc', { ...c, face: 'bold' });
  w.gap(4);
  w.text(`${heading.number === null ? '' : `Mẫu số ${heading.number} — `}${heading.title}`.toLocaleUpperCase('vi'), { ...c, size: 10, face: 'bold' });
  w.text(`Mã hồ sơ: ${codeOf(slip)}`, { ...c, size: 10, face: 'bold' });
  dossierQrInline(w, codeOf(slip), 90);
  const t = { size: 9 };
  w.text(`Người nộp: ${slip.applicantName}`, t);
  w.text(`Thủ tục: ${slip.procedureName}`, t);
  w.text('Thành phần hồ sơ:', t);
  slip.documents.forEach((d, i) => w.text(`${i + 1}. ${d.name}`, { ...t, x: w.left + 6, width: w.textWidth - 6 }));
  w.text(`Tiếp nhận: ${dateTimeText(slip.issuedAt)}`, t);
  w.text(`Hẹn trả kết quả: ${slip.dueText ?? 'theo thông báo'}`, { ...t, face: 'bold' });
  w.text(`Người tiếp nhận: ${slip.officer}`, t);
  w.gap(4);
  w.text(dateLine(office.place, date), { ...c, face: 'italic' });
  const bottom = Math.max(0, w.y - spec.margin.bottom);
  w.page.setMediaBox(0, bottom, spec.width, spec.height - bottom);
  return w.doc.save({ useObjectStreams: true });
}
