import type { ProcedureInput } from '../procedure';
import { authorisation, codeSeenInRepos, COMMUNE, CURRENT_FRAME, declaration, FRAME_CAVEAT, identityPresented, requesterFields, requesterSection, SAME_DAY_UNTIL_15H, t } from './common';

/*
 * Copies of civil-status extracts (cấp bản sao trích lục hộ tịch, domain-vn §3.2). The request
 * names the record by event, person and register entry (số, quyển số), which the clerk looks up
 * in the shared civil-status software.
 */

/** Cấp bản sao trích lục hộ tịch. */
export const civilStatusExtractCopy: ProcedureInput = {
  code: '2.000635',
  ...CURRENT_FRAME,
  name: t('Cấp bản sao trích lục hộ tịch', 'Copy of a civil-status extract'),
  sector: 'civil-status',
  competence: COMMUNE,
  processingTime: SAME_DAY_UNTIL_15H,
  fee: { amount: { kind: 'fixed', amountVnd: 8000, per: 'copy' } },
  documents: [declaration('Tờ khai cấp bản sao trích lục hộ tịch', 'Request for a copy of a civil-status extract'), authorisation, identityPresented],
  form: {
    sections: [requesterSection, { key: 'record', label: t('Sự kiện hộ tịch cần cấp bản sao', 'Record to copy') }],
    fields: [
      ...requesterFields(t('Quan hệ với người có tên trong trích lục', 'Relationship to the person named in the extract')),
      {
        key: 'eventType',
        section: 'record',
        type: 'select',
        label: t('Loại việc hộ tịch', 'Kind of civil-status event'),
        required: true,
        options: [
          { value: 'birth', label: t('Khai sinh', 'Birth') },
          { value: 'marriage', label: t('Kết hôn', 'Marriage') },
          { value: 'death', label: t('Khai tử', 'Death') },
          { value: 'parentage', label: t('Nhận cha, mẹ, con', 'Recognition of parentage') },
          { value: 'change', label: t('Thay đổi, cải chính, bổ sung hộ tịch', 'Change or correction of civil status') },
          { value: 'adoption', label: t('Nuôi con nuôi', 'Adoption') },
          { value: 'other', label: t('Việc khác', 'Other') },
        ],
      },
      { key: 'recordPersonName', section: 'record', type: 'name', label: t('Họ, chữ đệm, tên người có tên trong sổ', 'Name of the person in the register'), required: true, maxLength: 100 },
      { key: 'recordPersonBirthDate', section: 'record', type: 'date', label: t('Ngày, tháng, năm sinh', 'Date of birth') },
      { key: 'registerNumber', section: 'record', type: 'text', label: t('Số đăng ký', 'Entry number'), maxLength: 30 },
      { key: 'registerBook', section: 'record', type: 'text', label: t('Quyển số', 'Register book'), maxLength: 30 },
      { key: 'registeredOn', section: 'record', type: 'date', label: t('Ngày đăng ký', 'Date registered') },
      { key: 'copies', section: 'record', type: 'number', label: t('Số bản sao yêu cầu', 'Copies requested'), required: true, min: 1, integer: true, defaultValue: '1' },
    ],
  },
  legalBasis: ['Luật Hộ tịch 60/2014/QH13, Điều 11', 'Nghị định 123/2015/NĐ-CP'],
  caveats: [
    codeSeenInRepos('2.000635'),
    { about: 'processing-time', unconfirmed: false, note: 'Immediately / same day, after 15:00 the next working day (Hanoi 2025 plan) [C-2].' },
    { about: 'fee', unconfirmed: false, note: '8,000 VND per copy on 2025 provincial pages [C-2]; Luật Hộ tịch Art. 11 leaves hộ tịch fees to the province, so the hub may override.' },
    { about: 'form', unconfirmed: true, note: 'The request form’s fields are not in the notes; these identify the register entry.' },
    FRAME_CAVEAT,
  ],
};
