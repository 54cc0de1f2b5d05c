import type { ProcedureInput } from '../procedure';
import {
  authorisation,
  codeSeenInRepos,
  COMMUNE,
  CURRENT_FRAME,
  declaration,
  extraCopiesField,
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
 * Birth registration (domain-vn §3.2, §3.3). Late registration (after the 60 days of Luật Hộ tịch
 * Art. 15) is the same procedure and code with a fee, not a separate TTHC ([U] no separate code
 * found), so it is a fee case of 1.001193 here. Re-registration of a birth registered before
 * (đăng ký lại khai sinh, 1.004884) is a different procedure and follows.
 */

/** Child block of Tờ khai đăng ký khai sinh (TT 04/2020/TT-BTP). */
const childFields: FieldInput[] = [
  { key: 'childName', section: 'child', type: 'name', label: t('Họ, chữ đệm, tên', 'Full name'), required: true, maxLength: 100 },
  {
    key: 'childBirthDate',
    section: 'child',
    type: 'date',
    label: t('Ngày, tháng, năm sinh', 'Date of birth'),
    required: true,
    hint: t('Phần mềm tự ghi ngày sinh bằng chữ trên tờ khai', 'The date in words is written on the form by the software'),
  },
  { key: 'childSex', section: 'child', type: 'select', label: t('Giới tính', 'Sex'), required: true, options: SEX_OPTIONS },
  { key: 'childEthnicity', section: 'child', type: 'text', label: t('Dân tộc', 'Ethnic group'), required: true, maxLength: 50 },
  { key: 'childNationality', section: 'child', type: 'text', label: t('Quốc tịch', 'Nationality'), required: true, maxLength: 50, defaultValue: 'Việt Nam' },
  { key: 'childBirthPlace', section: 'child', type: 'address', label: t('Nơi sinh', 'Place of birth'), required: true, maxLength: 250 },
  { key: 'childHometown', section: 'child', type: 'address', label: t('Quê quán', 'Home town (quê quán)'), required: true, maxLength: 250 },
];

/** Mother or father block: the form asks for the year of birth only. */
function parentFields(prefix: 'mother' | 'father'): FieldInput[] {
  const hint = t('Để trống nếu chưa xác định được', 'Leave blank when not known');
  return [
    { key: `${prefix}Name`, section: prefix, type: 'name', label: t('Họ, chữ đệm, tên', 'Full name'), maxLength: 100, hint },
    { key: `${prefix}BirthYear`, section: prefix, type: 'date', precision: 'year', label: t('Năm sinh', 'Year of birth') },
    { key: `${prefix}Ethnicity`, section: prefix, type: 'text', label: t('Dân tộc', 'Ethnic group'), maxLength: 50 },
    { key: `${prefix}Nationality`, section: prefix, type: 'text', label: t('Quốc tịch', 'Nationality'), maxLength: 50 },
    { key: `${prefix}Residence`, section: prefix, type: 'address', label: t('Nơi cư trú', 'Place of residence'), maxLength: 250 },
  ];
}

const birthForm = {
  sections: [
    requesterSection,
    { key: 'child', label: t('Người được khai sinh', 'Person whose birth is registered') },
    { key: 'mother', label: t('Mẹ', 'Mother') },
    { key: 'father', label: t('Cha', 'Father') },
    { key: 'request', label: t('Đề nghị cấp bản sao', 'Copies requested') },
  ],
  fields: [
    ...requesterFields(t('Quan hệ với người được khai sinh', 'Relationship to the child')),
    ...childFields,
    ...parentFields('mother'),
    ...parentFields('father'),
    extraCopiesField('request'),
  ],
};

const BIRTH_TIME_CAVEAT = {
  about: 'processing-time',
  unconfirmed: true,
  note: 'Art. 16 says "ngay sau khi nhận đủ giấy tờ" [C]; the 15:00 cut-off for hộ tịch and the 5-day limit with verification come from practice tables [C-2]; some provinces list 1 working day.',
} as const;

/** Đăng ký khai sinh. */
export const birthRegistration: ProcedureInput = {
  code: '1.001193',
  ...CURRENT_FRAME,
  name: t('Đăng ký khai sinh', 'Birth registration'),
  sector: 'civil-status',
  competence: COMMUNE,
  processingTime: SAME_DAY_UNTIL_15H,
  extensions: [
    { kind: 'limit', when: t('Cần xác minh', 'Verification needed'), processingTime: { kind: 'working-days', days: 5 } },
  ],
  fee: {
    amount: { kind: 'free' },
    cases: [
      {
        when: t('Đăng ký quá hạn (sau 60 ngày kể từ ngày sinh, Luật Hộ tịch Điều 15)', 'Late registration (over 60 days after birth, Civil Status Law Art. 15)'),
        amount: { kind: 'set-by-province' },
      },
    ],
    exemptions: HO_TICH_EXEMPTIONS,
  },
  documents: [
    declaration('Tờ khai đăng ký khai sinh', 'Birth registration declaration'),
    {
      key: 'birthCertificate',
      name: t('Giấy chứng sinh', 'Medical birth certificate (giấy chứng sinh)'),
      handling: 'submit',
      accepts: ['original'],
      presence: { kind: 'required' },
      alternatives: [
        t('Văn bản của người làm chứng xác nhận về việc sinh', 'Witness statement confirming the birth'),
        t('Giấy cam đoan về việc sinh (khi không có người làm chứng)', 'Sworn statement on the birth (when there is no witness)'),
        t('Biên bản xác nhận việc trẻ bị bỏ rơi', 'Record of the abandoned child'),
        t('Văn bản chứng minh việc mang thai hộ', 'Proof of surrogacy'),
      ],
    },
    authorisation,
    identityPresented,
    {
      key: 'residenceProof',
      name: t('Giấy tờ chứng minh nơi cư trú', 'Proof of residence'),
      handling: 'present',
      accepts: ['original'],
      presence: {
        kind: 'conditional',
        condition: t('Chỉ khi không khai thác được thông tin cư trú từ Cơ sở dữ liệu quốc gia về dân cư', 'Only when residence cannot be looked up in the national population database'),
      },
    },
  ],
  form: birthForm,
  linkedGroups: ['birthResidenceInsurance'],
  legalBasis: [
    'Luật Hộ tịch 60/2014/QH13, Điều 11, 15, 16',
    'Nghị định 123/2015/NĐ-CP',
    'Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP (mẫu tờ khai)',
    'Quyết định 2228/QĐ-BTP năm 2022 (công bố thủ tục)',
    'Nghị định 120/2025/NĐ-CP (thẩm quyền cấp xã từ 01/7/2025)',
  ],
  caveats: [
    codeSeenInRepos('1.001193'),
    BIRTH_TIME_CAVEAT,
    { about: 'fee', unconfirmed: true, note: 'Late registration has no code of its own [U]; its fee is set by each provincial People’s Council and comes from the hub.' },
    { about: 'form', unconfirmed: true, note: 'Fields of the TT 04/2020 declaration [C]; changes made by TT 04/2024 to this form (e.g. parents’ personal IDs) are not in the notes.' },
    FRAME_CAVEAT,
  ],
};

/** Đăng ký lại khai sinh: the birth was registered before but the register and papers are lost. */
export const birthReRegistration: ProcedureInput = {
  code: '1.004884',
  ...CURRENT_FRAME,
  name: t('Đăng ký lại khai sinh', 'Re-registration of a birth'),
  sector: 'civil-status',
  competence: COMMUNE,
  processingTime: { kind: 'working-days', days: 5 },
  fee: { amount: { kind: 'set-by-province' }, exemptions: HO_TICH_EXEMPTIONS },
  documents: [
    declaration('Tờ khai đăng ký lại khai sinh', 'Birth re-registration declaration'),
    {
      key: 'personalPapers',
      name: t('Bản sao toàn bộ giấy tờ cá nhân', 'Copies of all personal papers'),
      handling: 'submit',
      accepts: ['certified-copy', 'copy-for-comparison'],
      presence: { kind: 'required' },
    },
    authorisation,
    identityPresented,
  ],
  form: birthForm,
  legalBasis: ['Luật Hộ tịch 60/2014/QH13', 'Nghị định 123/2015/NĐ-CP'],
  caveats: [
    codeSeenInRepos('1.004884'),
    { about: 'processing-time', unconfirmed: false, note: '05 working days, longer when another commune must verify [C-2]; the extra time is not in the notes.' },
    { about: 'documents', unconfirmed: true, note: 'Which copies are accepted for "copies of all personal papers" is not in the notes.' },
    { about: 'form', unconfirmed: true, note: 'Uses the birth declaration fields; the re-registration declaration itself is not in the notes.' },
    FRAME_CAVEAT,
  ],
};
