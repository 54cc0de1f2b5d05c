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
 * Death registration (domain-vn §3.2, §3.3: Tờ khai đăng ký khai tử, TT 04/2020 as amended by
 * TT 04/2024). After registering, the officer locks the deceased's record in the electronic
 * civil-status database; that happens in the Ministry's software, not here.
 */

const deceasedFields: FieldInput[] = [
  { key: 'deceasedName', section: 'deceased', type: 'name', label: t('Họ, chữ đệm, tên', 'Full name'), required: true, maxLength: 100 },
  { key: 'deceasedPersonalId', section: 'deceased', type: 'personal-id', label: t('Số định danh cá nhân', 'Personal ID number'), maxLength: 12 },
  {
    key: 'deceasedBirthDate',
    section: 'deceased',
    type: 'date',
    label: t('Ngày, tháng, năm sinh', 'Date of birth'),
    requiredUnless: 'deceasedPersonalId',
    hint: t('Chỉ bắt buộc khi không có số định danh cá nhân', 'Required only without a personal ID number'),
  },
  { key: 'deceasedSex', section: 'deceased', type: 'select', label: t('Giới tính', 'Sex'), required: true, options: SEX_OPTIONS },
  { key: 'deceasedEthnicity', section: 'deceased', type: 'text', label: t('Dân tộc', 'Ethnic group'), required: true, maxLength: 50 },
  { key: 'deceasedNationality', section: 'deceased', type: 'text', label: t('Quốc tịch', 'Nationality'), required: true, maxLength: 50, defaultValue: 'Việt Nam' },
  {
    key: 'deceasedLastResidence',
    section: 'deceased',
    type: 'address',
    label: t('Nơi cư trú cuối cùng', 'Last place of residence'),
    requiredUnless: 'deceasedPersonalId',
    maxLength: 250,
    hint: t('Chỉ bắt buộc khi không có số định danh cá nhân', 'Required only without a personal ID number'),
  },
  { key: 'deceasedIdDocument', section: 'deceased', type: 'text', label: t('Giấy tờ tùy thân', 'Identity document'), maxLength: 200 },
];

const deathFields: FieldInput[] = [
  { key: 'deathTime', section: 'death', type: 'time', label: t('Đã chết vào lúc (giờ, phút)', 'Time of death (hour, minute)') },
  { key: 'deathDate', section: 'death', type: 'date', label: t('Ngày, tháng, năm chết', 'Date of death'), required: true },
  { key: 'deathPlace', section: 'death', type: 'address', label: t('Nơi chết', 'Place of death'), required: true, maxLength: 250 },
  { key: 'deathCause', section: 'death', type: 'text', label: t('Nguyên nhân chết', 'Cause of death'), required: true, maxLength: 200 },
  {
    key: 'deathNoticeNumber',
    section: 'death',
    type: 'text',
    label: t('Số Giấy báo tử / Giấy tờ thay thế Giấy báo tử', 'Number of the death notice or its substitute'),
    required: true,
    maxLength: 50,
  },
  { key: 'deathNoticeIssuer', section: 'death', type: 'text', label: t('Do … cấp', 'Issued by'), required: true, maxLength: 200 },
  { key: 'deathNoticeDate', section: 'death', type: 'date', label: t('Ngày cấp', 'Date of issue'), required: true },
];

/** Đăng ký khai tử. */
export const deathRegistration: ProcedureInput = {
  code: '1.000656',
  ...CURRENT_FRAME,
  name: t('Đăng ký khai tử', 'Death registration'),
  sector: 'civil-status',
  competence: COMMUNE,
  processingTime: SAME_DAY_UNTIL_15H,
  extensions: [{ kind: 'extra', when: t('Cần xác minh', 'Verification needed'), workingDays: 3 }],
  fee: {
    amount: { kind: 'free' },
    cases: [
      {
        when: t('Đăng ký quá hạn (sau 15 ngày kể từ ngày chết, Luật Hộ tịch Điều 33)', 'Late registration (over 15 days after death, Civil Status Law Art. 33)'),
        amount: { kind: 'set-by-province' },
      },
    ],
    exemptions: HO_TICH_EXEMPTIONS,
  },
  documents: [
    declaration('Tờ khai đăng ký khai tử', 'Death registration declaration'),
    {
      key: 'deathNotice',
      name: t('Giấy báo tử', 'Death notice (giấy báo tử)'),
      handling: 'submit',
      accepts: ['original'],
      presence: { kind: 'required' },
      alternatives: [
        t('Giấy tờ thay thế Giấy báo tử của cơ sở y tế', 'Substitute issued by the health facility'),
        t('Bản án, quyết định của Tòa án', 'Court judgment or decision'),
        t('Văn bản xác nhận của cơ quan công an hoặc kết luận giám định pháp y', 'Police confirmation or forensic conclusion'),
      ],
    },
    authorisation,
    identityPresented,
  ],
  form: {
    sections: [
      requesterSection,
      { key: 'deceased', label: t('Người đã chết', 'Deceased') },
      { key: 'death', label: t('Việc chết', 'The death') },
      { key: 'request', label: t('Đề nghị cấp bản sao', 'Copies requested') },
    ],
    fields: [...requesterFields(t('Quan hệ với người đã chết', 'Relationship to the deceased')), ...deceasedFields, ...deathFields, extraCopiesField('request')],
  },
  linkedGroups: ['deathResidenceBenefits'],
  legalBasis: ['Luật Hộ tịch 60/2014/QH13, Điều 11, 33, 34', 'Nghị định 123/2015/NĐ-CP', 'Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP (mẫu tờ khai)'],
  caveats: [
    codeSeenInRepos('1.000656'),
    { about: 'processing-time', unconfirmed: true, note: '"Ngay sau khi nhận giấy tờ" (Art. 34) [C]; the 15:00 cut-off [C-2] and the 3 extra days for verification [U].' },
    FRAME_CAVEAT,
  ],
};
