/**
 * The frame every A4 slip shares: header blocks, form number and title, the body the form
 * draws, the signature block, QR code and page numbers.
 */
import { dossierQr, formTitle, officialHeader, pageNumbers, signatureBlock } from '../pdf/blocks';
import { A4_SPEC, Writer } from '../pdf/layout';
import { codeOf, formHeading, type SlipFormInput } from './form-data';

/** Draws the body between title and signature. */
export type SlipBody = (w: Writer, input: SlipFormInput) => void;

/** Builds an A4 slip PDF. */
export async function renderA4Slip(input: SlipFormInput, body: SlipBody, signer: { role: string; left?: { role: string; name: string } } = { role: 'Người tiếp nhận' }): Promise<Uint8Array> {
  const date = input.date ?? new Date(input.slip.issuedAt);
  const heading = formHeading(input);
  const w = await Writer.create(A4_SPEC, heading.title, date);
  officialHeader(w, input.office, date);
  formTitle(w, heading.title, heading.number);
  w.text(`Mã hồ sơ: ${codeOf(input.slip)}`, { size: 13, face: 'bold', align: 'center' });
  w.gap(8);
  body(w, input);
  w.gap(16);
  signatureBlock(w, signer.role, input.slip.officer, signer.left === undefined ? {} : { left: signer.left });
  dossierQr(w, codeOf(input.slip));
  pageNumbers(w);
  return w.doc.save({ useObjectStreams: true });
}

/** The numbered list of papers on a slip. */
export function documentList(w: Writer, input: SlipFormInput): void {
  input.slip.documents.forEach((d, i) => w.text(`${i + 1}. ${d.name}`, { x: w.left + 14, width: w.textWidth - 14 }));
  if (input.slip.documents.length === 0) w.text('(không có)', { face: 'italic', x: w.left + 14 });
}
