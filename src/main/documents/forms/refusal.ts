/** Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
import type { SlipFormInput } from './form-data';
import { renderA4Slip } from './slip-page';

/** The refusal with its ground. */
export function renderRefusal(input: SlipFormInput): Promise<Uint8Array> {
  return renderA4Slip(input, (w, { slip }) => {
    w.text(`${input.office.name} tiếp nhận hồ sơ của: ${slip.applicantName}`);
    w.text(`Nội dung yêu cầu giải quyết: ${slip.procedureName}`);
    w.text('Sau khi xem xét, đối chiếu hồ sơ với quy định, cơ quan từ chối tiếp nhận, giải quyết hồ sơ này với lý do:');
    w.text(slip.reason ?? '(không ghi lý do)', { x: w.left + 14, width: w.textWidth - 14 });
    w.text('Xin thông báo để ông/bà được biết và thực hiện.', { face: 'italic' });
  });
}
