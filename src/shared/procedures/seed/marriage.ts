import type { ProcedureInput } from '../procedure';
import {
  authorisation,
  codeSeenInRepos,
  COMMUNE,
  CURRENT_FRAME,
  declaration,
  FRAME_CAVEAT,
  HO_TICH_EXEMPTIONS,
  identityPresented,
  requesterFields,
  requesterSection,
  SAME_DAY_UNTIL_15H,
  SEX_OPTIONS,
  t,
  type FieldInput,
} from './common';

/*
 * Marriage registration between Vietnamese citizens resident in Vietnam, and the marital-status
 * certificate (domain-vn §3.2, §3.3). The notes do not list the marriage declaration's fields;
 * the identity fields below are those every TT 04/2020 declaration carries, flagged as such.
 */

/** Identity of one person as the declarations ask for it. */
function personFields(section: string, withSex: boolean): FieldInput[] {
  const fields: FieldInput[] = [
    { key: `${section}Name`, section, type: 'name', label: t('Họ, chữ đệm, tên', 'Full name'), required: true, maxLength: 100 },
    { key: `${section}PersonalId`, section, type: 'personal-id', label: t('Số định danh cá nhân', 'Personal ID number'), maxLength: 12 },
    { key: `${section}BirthDate`, section, type: 'date', label: t('Ngày, tháng, năm sinh', 'Date of birth'), required: true },
  ];
  if (withSex) fields.push({ key: `${section}Sex`, section, type: 'select', label: t('Giới tính', 'Sex'), required: true, options: SEX_OPTIONS });
  fields.push(
    { key: `${section}Ethnicity`, section, type: 'text', label: t('Dân tộc', 'Ethnic group'), required: true, maxLength: 50 },
    { key: `${section}Nationality`, section, type: 'text', label: t('Quốc tịch', 'Nationality'), required: true, maxLength: 50, defaultValue: 'Việt Nam' },
    { key: `${section}Residence`, section, type: 'address', label: t('Nơi cư trú', 'Place of residence'), required: true, maxLength: 250 },
    { key: `${section}IdDocument`, section, type: 'text', label: t('Giấy tờ tùy thân', 'Identity document'), required: true, maxLength: 200 },
  );
  return fields;
}

/** Đăng ký kết hôn. */
export const marriageRegistration: ProcedureInput = {
  code: '1.000894',
  ...CURRENT_FRAME,
  name: t('Đăng ký kết hôn', 'Marriage registration'),
  sector: 'civil-status',
  competence: COMMUNE,
  processingTime: SAME_DAY_UNTIL_15H,
  extensions: [
    {
      kind: 'limit',
      when: t('Cần xác minh điều kiện kết hôn', 'The conditions for marriage need verification'),
      processingTime: { kind: 'working-days', days: 5 },
    },
  ],
  fee: { amount: { kind: 'free' } },
  documents: [
    declaration('Tờ khai đăng ký kết hôn', 'Marriage registration declaration'),
    {
      key: 'maritalStatusCertificate',
      name: t('Giấy xác nhận tình trạng hôn nhân', 'Marital-status certificate'),
      handling: 'submit',
      accepts: ['original'],
      presence: {
        kind: 'conditional',
        condition: t('Khi đăng ký kết hôn tại xã không phải nơi cư trú của bên đó', 'When registering away from that party’s place of residence'),
      },
    },
    { ...identityPresented, name: t('Giấy tờ tùy thân của hai bên nam, nữ', 'Identity documents of both parties') },
  ],
  form: {
    sections: [
      { key: 'bride', label: t('Bên nữ', 'Bride') },
      { key: 'groom', label: t('Bên nam', 'Groom') },
    ],
    fields: [...personFields('bride', false), ...personFields('groom', false)],
  },
  legalBasis: ['Luật Hộ tịch 60/2014/QH13, Điều 11, 18', 'Nghị định 123/2015/NĐ-CP'],
  caveats: [
    codeSeenInRepos('1.000894'),
    { about: 'processing-time', unconfirmed: true, note: 'Same day, ≤5 working days with verification: Art. 18 from memory [U].' },
    { about: 'fee', unconfirmed: false, note: 'Free for Vietnamese citizens resident in Vietnam (Luật Hộ tịch Art. 11) [C]; foreign-element marriage is 2.000806.' },
    { about: 'form', unconfirmed: true, note: 'The marriage declaration fields are not in the notes; these are the identity fields common to TT 04/2020 declarations.' },
    FRAME_CAVEAT,
  ],
};

/** Cấp Giấy xác nhận tình trạng hôn nhân. */
export const maritalStatusCertificate: ProcedureInput = {
  code: '1.004873',
  ...CURRENT_FRAME,
  name: t('Cấp Giấy xác nhận tình trạng hôn nhân', 'Marital-status certificate'),
  sector: 'civil-status',
  competence: COMMUNE,
  processingTime: { kind: 'working-days', days: 3 },
  fee: { amount: { kind: 'set-by-province' }, exemptions: HO_TICH_EXEMPTIONS },
  documents: [
    declaration('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'Marital-status certificate declaration'),
    {
      key: 'divorceJudgment',
      name: t('Bản án, quyết định ly hôn đã có hiệu lực pháp luật', 'Final divorce judgment or decision'),
      handling: 'submit',
      accepts: ['certified-copy', 'copy-for-comparison'],
      presence: { kind: 'conditional', condition: t('Nếu người yêu cầu đã ly hôn', 'If the person is divorced') },
    },
    authorisation,
    identityPresented,
  ],
  form: {
    sections: [
      requesterSection,
      { key: 'subject', label: t('Người được xác nhận', 'Person to be certified') },
      { key: 'request', label: t('Nội dung xác nhận', 'What is certified') },
    ],
    fields: [
      ...requesterFields(t('Quan hệ với người được xác nhận', 'Relationship to the person certified')),
      ...personFields('subject', true),
      {
        key: 'residenceFrom',
        section: 'request',
        type: 'date',
        label: t('Thời gian cư trú từ ngày', 'Resident from'),
        hint: t('Khi xác nhận cho một thời gian cư trú trước đây', 'When certifying a past period of residence'),
      },
      { key: 'residenceTo', section: 'request', type: 'date', label: t('Đến ngày', 'Until') },
      { key: 'maritalStatus', section: 'request', type: 'text', label: t('Tình trạng hôn nhân', 'Marital status'), required: true, maxLength: 200 },
      {
        key: 'purpose',
        section: 'request',
        type: 'text',
        label: t('Mục đích sử dụng', 'Purpose'),
        required: true,
        maxLength: 200,
        hint: t('Giấy xác nhận chỉ dùng cho mục đích này và có giá trị 6 tháng', 'The certificate is valid for this purpose only, for 6 months'),
      },
    ],
  },
  legalBasis: ['Luật Hộ tịch 60/2014/QH13', 'Nghị định 123/2015/NĐ-CP, Điều 22, 23'],
  caveats: [
    codeSeenInRepos('1.004873'),
    { about: 'processing-time', unconfirmed: true, note: '03 working days (NĐ 123/2015 Art. 22) [U]; validity 6 months for the stated purpose (Art. 23) [C].' },
    { about: 'documents', unconfirmed: true, note: 'Which copy of the divorce judgment is accepted is not in the notes.' },
    { about: 'form', unconfirmed: true, note: 'Fields taken from the certificate’s content (Giấy xác nhận) [C-2]; the declaration itself is not in the notes.' },
    FRAME_CAVEAT,
  ],
};
