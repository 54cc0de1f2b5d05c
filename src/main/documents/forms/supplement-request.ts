/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
import type { SlipFormInput } from './form-data';
import { documentList, renderA4Slip } from './slip-page';

/** The supplement request: what is missing and why. */
export function renderSupplementRequest(input: SlipFormInput): Promise<Uint8Array> {
  return renderA4Slip(input, (w, { slip }) => {
    w.text(`${input.office.name} tiếp nhận hồ sơ của: ${slip.applicantName}`);
    w.text(`Nội dung yêu cầu giải quyết: ${slip.procedureName}`);
    w.text('Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:');
    documentList(w, input);
    if (slip.reason) w.text(`Lý do: ${slip.reason}`);
    w.text('Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ Bộ phận Một cửa để được hướng dẫn.', { face: 'italic' });
  });
}
