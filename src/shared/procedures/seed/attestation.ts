import type { ProcedureInput } from '../procedure';
import { COMMUNE, CURRENT_FRAME, FRAME_CAVEAT, identityPresented, requesterFields, requesterSection, SAME_DAY_UNTIL_15H, t } from './common';

/*
 * Attestation (chứng thực) at the commune: copies from originals and signatures (domain-vn §3.2;
 * NĐ 23/2015 Art. 7 for time, TT 226/2016/TT-BTC Art. 4 for fees, both [C]). The notes list
 * 2.000815 / 2.000884 / 2.001019 for "bản sao; chữ ký; di chúc …" without the exact mapping, so
 * the codes below follow that order and are flagged unconfirmed.
 */

const codeInListOrder = (code: string): { about: 'code'; unconfirmed: true; note: string } => ({
  about: 'code',
  unconfirmed: true,
  note: `${code} assumed from the order of "2.000815 / 2.000884 / 2.001019 — bản sao; chữ ký; di chúc"; exact mapping [U] (domain-vn §2.3).`,
});

const paperField = {
  key: 'paperTitle',
  section: 'paper',
  type: 'text',
  label: t('Tên giấy tờ, văn bản', 'Title of the paper'),
  required: true,
  maxLength: 200,
} as const;

/** Chứng thực bản sao từ bản chính. */
export const copyAttestation: ProcedureInput = {
  code: '2.000815',
  ...CURRENT_FRAME,
  name: t('Chứng thực bản sao từ bản chính giấy tờ, văn bản', 'Attestation of copies from originals'),
  sector: 'attestation',
  competence: COMMUNE,
  processingTime: SAME_DAY_UNTIL_15H,
  extensions: [
    {
      kind: 'extra',
      when: t('Nhiều giấy tờ, văn bản hoặc nội dung phức tạp', 'Many papers or complex content'),
      workingDays: 2,
    },
  ],
  fee: { amount: { kind: 'per-page', firstPages: 2, firstPageVnd: 2000, laterPageVnd: 1000, maxPerCopyVnd: 200_000 } },
  documents: [
    {
      key: 'original',
      name: t('Bản chính giấy tờ, văn bản', 'The original paper'),
      handling: 'present',
      accepts: ['original'],
      presence: { kind: 'required' },
    },
    {
      key: 'copies',
      name: t('Bản sao cần chứng thực', 'The copies to attest'),
      handling: 'submit',
      accepts: ['copy'],
      presence: { kind: 'required' },
    },
  ],
  form: {
    sections: [requesterSection, { key: 'paper', label: t('Giấy tờ cần chứng thực', 'Paper to attest') }],
    fields: [
      ...requesterFields(),
      paperField,
      { key: 'pagesPerCopy', section: 'paper', type: 'number', label: t('Số trang mỗi bản', 'Pages per copy'), required: true, min: 1, integer: true },
      { key: 'copies', section: 'paper', type: 'number', label: t('Số bản sao', 'Number of copies'), required: true, min: 1, integer: true },
    ],
  },
  legalBasis: ['Nghị định 23/2015/NĐ-CP, Điều 7', 'Thông tư 226/2016/TT-BTC, Điều 4'],
  caveats: [
    codeInListOrder('2.000815'),
    { about: 'fee', unconfirmed: false, note: '2,000 VND a page for pages 1–2, 1,000 VND from page 3, at most 200,000 VND a copy [C].' },
    FRAME_CAVEAT,
  ],
};

/** Chứng thực chữ ký. */
export const signatureAttestation: ProcedureInput = {
  code: '2.000884',
  ...CURRENT_FRAME,
  name: t('Chứng thực chữ ký trong giấy tờ, văn bản', 'Attestation of signatures'),
  sector: 'attestation',
  competence: COMMUNE,
  processingTime: SAME_DAY_UNTIL_15H,
  fee: { amount: { kind: 'fixed', amountVnd: 10_000, per: 'case' } },
  documents: [
    identityPresented,
    {
      key: 'paper',
      name: t('Giấy tờ, văn bản sẽ ký', 'The paper to be signed'),
      handling: 'submit',
      accepts: ['original'],
      presence: { kind: 'required' },
    },
  ],
  form: {
    sections: [requesterSection, { key: 'paper', label: t('Giấy tờ cần chứng thực chữ ký', 'Paper whose signature is attested') }],
    fields: [...requesterFields(), paperField],
  },
  legalBasis: ['Nghị định 23/2015/NĐ-CP, Điều 7', 'Thông tư 226/2016/TT-BTC, Điều 4'],
  caveats: [
    codeInListOrder('2.000884'),
    { about: 'fee', unconfirmed: false, note: '10,000 VND per case, one or many signatures in one paper [C].' },
    FRAME_CAVEAT,
  ],
};
