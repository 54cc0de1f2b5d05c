/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (TT 01/2018/TT-VPCP), A4. */
import { dateTimeText } from './text';
import type { SlipFormInput } from './form-data';
import { documentList, renderA4Slip } from './slip-page';

/** The A4 receipt and appointment slip. */
export function renderReceipt(input: SlipFormInput): Promise<Uint8Array> {
  return renderA4Slip(input, (w, { slip, office, applicantAddress }) => {
    w.text(`${office.name} tiếp nhận hồ sơ của: ${slip.applicantName}`);
    if (applicantAddress) w.text(`Địa chỉ: ${applicantAddress}`);
    w.text(`Nội dung yêu cầu giải quyết: ${slip.procedureName}`);
    w.text('1. Thành phần hồ sơ nộp gồm:');
    documentList(w, { ...input });
    w.text(`2. Số lượng hồ sơ: 01 (bộ)`);
    w.text(`3. Thời gian tiếp nhận: ${dateTimeText(slip.issuedAt)}`);
    w.text(`4. Thời gian trả kết quả giải quyết hồ sơ: ${slip.dueText ?? 'theo thông báo'}`);
    w.text('5. Đăng ký nhận kết quả tại: Bộ phận Một cửa');
    w.text('Vào Sổ theo dõi hồ sơ, Quyển số: 01', { face: 'italic' });
  }, { role: 'Người tiếp nhận', left: { role: 'Người nộp hồ sơ', name: input.slip.applicantName } });
}
