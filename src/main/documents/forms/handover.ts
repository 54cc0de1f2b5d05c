/** Giao trả kết quả: the hand-over record, signed by the clerk and the citizen. */
import type { SlipFormInput } from './form-data';
import { documentList, renderA4Slip } from './slip-page';
import { dateTimeText } from './text';

/** The hand-over of the result. */
export function renderHandover(input: SlipFormInput): Promise<Uint8Array> {
  return renderA4Slip(input, (w, { slip }) => {
    w.text(`Hôm nay, ${dateTimeText(slip.issuedAt)}, Bộ phận Một cửa giao trả kết quả giải quyết hồ sơ cho ông/bà ${slip.applicantName}.`);
    w.text(`Thủ tục: ${slip.procedureName}`);
    w.text('Kết quả giao trả gồm:');
    documentList(w, input);
    if (slip.reason) w.text(`Ghi chú: ${slip.reason}`);
  }, { role: 'Người giao', left: { role: 'Người nhận kết quả', name: input.slip.applicantName } });
}
