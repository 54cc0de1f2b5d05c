/**
 * Sổ theo dõi hồ sơ: the register of dossiers received in a period on A4 landscape (a ledger's
 * seven columns; in portrait a dossier code no longer fits its cell and is cut in two), a table
 * over as many pages as needed with the header row repeated and page numbers.
 */
import { officialHeader, pageNumbers, type IssuingOffice } from '../pdf/blocks';
import { A4_SPEC, Writer, type PageSpec } from '../pdf/layout';
import { table } from '../pdf/table';
import { dateText } from './text';

/** One line of the register. */
export interface RegisterRow {
  readonly code: string;
  readonly applicantName: string;
  readonly procedureName: string;
  readonly receivedAt: string;
  readonly dueAt: string | null;
  readonly status: string;
}

/** Input of the register. */
export interface RegisterInput {
  readonly office: IssuingOffice;
  readonly from: string;
  readonly to: string;
  readonly rows: readonly RegisterRow[];
  readonly date: Date;
}

const A4_LANDSCAPE: PageSpec = { ...A4_SPEC, width: A4_SPEC.height, height: A4_SPEC.width };

/** Builds the register PDF. */
export async function renderRegister(input: RegisterInput): Promise<Uint8Array> {
  const w = await Writer.create(A4_LANDSCAPE, 'Sổ theo dõi hồ sơ', input.date);
  officialHeader(w, input.office, input.date);
  w.text('SỔ THEO DÕI HỒ SƠ', { size: 14, face: 'bold', align: 'center' });
  w.text(`Từ ngày ${dateText(input.from)} đến ngày ${dateText(input.to)}`, { face: 'italic', align: 'center' });
  w.gap(8);
  table(
    w,
    [
      { header: 'STT', width: 1, align: 'center' },
      { header: 'Mã hồ sơ', width: 3 },
      { header: 'Người nộp', width: 3 },
      { header: 'Thủ tục', width: 4 },
      { header: 'Ngày nhận', width: 2, align: 'center' },
      { header: 'Hẹn trả', width: 2, align: 'center' },
      { header: 'Tình trạng', width: 2 },
    ],
    input.rows.map((r, i) => [String(i + 1), r.code, r.applicantName, r.procedureName, dateText(r.receivedAt), r.dueAt === null ? '' : dateText(r.dueAt), r.status]),
    10,
  );
  w.gap(6);
  w.text(`Tổng số: ${input.rows.length} hồ sơ`, { face: 'bold' });
  pageNumbers(w);
  return w.doc.save({ useObjectStreams: true });
}
