/** Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
import type { SlipFormInput } from './form-data';
import { renderA4Slip } from './slip-page';
import { dateTimeText } from './text';

/** The apology with the old and the new appointment. */
export function renderApology(input: SlipFormInput): Promise<Uint8Array> {
  return renderA4Slip(input, (w, { slip }) => {
    w.text(`${dateTimeText(slip.issuedAt)}, ${input.office.name} xin lỗi ông/bà ${slip.applicantName}.`);
    w.text(`Hồ sơ: ${slip.procedureName}`);
    if (slip.previousDueAt) w.text(`Theo Giấy tiếp nhận, thời gian trả kết quả là: ${dateTimeText(slip.previousDueAt)}`);
    w.text(`Lý do chậm trả kết quả: ${slip.reason ?? '(không ghi)'}`);
    w.text(`Cơ quan xin lỗi ông/bà và hẹn trả kết quả vào: ${slip.dueText ?? 'theo thông báo'}`, { face: 'bold' });
    w.text('Rất mong nhận được sự thông cảm của ông/bà.', { face: 'italic' });
  }, { role: 'Thủ trưởng cơ quan' });
}
