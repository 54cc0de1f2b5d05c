/** Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05 of TT 01/2018; 06 of TT 03/2025). */
import { table } from '../pdf/table';
import type { SlipFormInput } from './form-data';
import { renderA4Slip } from './slip-page';
import { dateTimeText } from './text';

/** The control sheet: the dossier's data, then a table of hand-offs (blank rows when none yet). */
export function renderControlSheet(input: SlipFormInput): Promise<Uint8Array> {
  return renderA4Slip(input, (w, { slip }) => {
    w.text(`Người nộp hồ sơ: ${slip.applicantName}`);
    w.text(`Thủ tục: ${slip.procedureName}`);
    w.text(`Thời gian tiếp nhận: ${dateTimeText(slip.issuedAt)}`);
    w.text(`Thời gian hẹn trả kết quả: ${slip.dueText ?? '—'}`);
    w.gap(6);
    const steps = input.steps ?? [];
    const rows = steps.map((s) => [s.from, s.to, dateTimeText(s.at), s.result]);
    while (rows.length < 4) rows.push(['', '', '', '']);
    table(w, [
      { header: 'Tên cơ quan giao', width: 3 },
      { header: 'Tên cơ quan nhận', width: 3 },
      { header: 'Thời gian giao, nhận', width: 3 },
      { header: 'Kết quả giải quyết', width: 3 },
    ], rows);
  });
}
