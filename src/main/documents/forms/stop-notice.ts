/** Thông báo dừng giải quyết hồ sơ (Mẫu 05 of TT 03/2025; no own form in TT 01/2018). */
import type { SlipFormInput } from './form-data';
import { renderA4Slip } from './slip-page';

/** The notice that processing stops, with its ground. */
export function renderStopNotice(input: SlipFormInput): Promise<Uint8Array> {
  return renderA4Slip(input, (w, { slip }) => {
    w.text(`Kính gửi: ông/bà ${slip.applicantName}`);
    w.text(`Hồ sơ: ${slip.procedureName}`);
    w.text(`Cơ quan thông báo dừng giải quyết hồ sơ nêu trên. Lý do: ${slip.reason ?? '(không ghi)'}`);
  }, { role: 'Thủ trưởng cơ quan' });
}
