import type { ProcedureGroupInput } from '../procedure';
import { t } from './common';

/*
 * Liên thông groups (domain-vn §4). The birth group exists in two versions: the paper era of
 * TTLT 05/2015 (commune as single entry point, 20 working days) and the electronic era of
 * NĐ 63/2024 (online only, 3 working days). The desktop app links a group's dossiers; it does
 * not run the inter-agency flow (§4.2 design note).
 */

const birthMembers = [
  { key: 'birth', code: '1.001193', name: t('Đăng ký khai sinh', 'Birth registration'), agency: 'commune', required: true },
  { key: 'permanentResidence', name: t('Đăng ký thường trú', 'Permanent residence registration'), agency: 'police', required: false },
  {
    key: 'healthInsurance',
    name: t('Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', 'Health insurance card for a child under 6'),
    agency: 'social-insurance',
    required: true,
  },
] as const;

/** TTLT 05/2015/TTLT-BTP-BCA-BYT: paper liên thông, the commune forwards the file. */
export const birthGroupPaper: ProcedureGroupInput = {
  id: 'birthResidenceInsurance',
  version: 1,
  effectiveFrom: '2015-07-01',
  name: t('Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', 'Linked birth, permanent residence and child health-insurance registration'),
  channel: 'counter-or-online',
  members: [...birthMembers],
  processingTime: { kind: 'working-days', days: 20 },
  variants: [{ members: ['birth', 'healthInsurance'], processingTime: { kind: 'working-days', days: 15 } }],
  extensions: [
    {
      kind: 'extra',
      when: t('Xã phải bổ sung hồ sơ theo yêu cầu của công an hoặc bảo hiểm xã hội', 'The commune must complete the file at the request of the police or social insurance'),
      workingDays: 2,
    },
    {
      kind: 'extra',
      when: t('Xã cách trụ sở cơ quan giải quyết từ 50 km trở lên, đi lại khó khăn hoặc chưa có Internet', 'Commune 50 km or more away, hard to reach or without Internet'),
      workingDays: 5,
    },
  ],
  legalBasis: ['Thông tư liên tịch 05/2015/TTLT-BTP-BCA-BYT', 'Quyết định 1299/QĐ-TTg ngày 04/8/2014'],
  caveats: [
    { about: 'versioning', unconfirmed: true, note: 'Superseded in practice by NĐ 63/2024 from 01/07/2024 [C]/[U]; kept for dossiers received before.' },
    { about: 'links', unconfirmed: false, note: 'Paper dossier also held the household-change slip, household book and BHYT declaration [C]; localities may set shorter limits.' },
  ],
};

/** NĐ 63/2024/NĐ-CP group 1: filed online (DVCQG or VNeID); the birth-certificate data comes from the hospital. */
export const birthGroupElectronic: ProcedureGroupInput = {
  ...birthGroupPaper,
  version: 2,
  effectiveFrom: '2024-07-01',
  channel: 'online-only',
  processingTime: { kind: 'working-days', days: 3 },
  variants: [],
  extensions: [],
  legalBasis: ['Nghị định 63/2024/NĐ-CP', 'Quyết định 296/QĐ-VPCP ngày 12/06/2024 (công bố thủ tục)'],
  caveats: [
    {
      about: 'links',
      unconfirmed: true,
      note: 'Whether the applicant may leave out residence registration in the electronic group is not in the notes; residence papers are needed only if the child’s address differs from the parents’.',
    },
  ],
};

/** NĐ 63/2024/NĐ-CP group 2: the applicant picks 2, 3 or 4 procedures. */
export const deathGroupElectronic: ProcedureGroupInput = {
  id: 'deathResidenceBenefits',
  version: 1,
  effectiveFrom: '2024-07-01',
  code: '2.002913',
  name: t('Liên thông đăng ký khai tử, xóa đăng ký thường trú, trợ cấp mai táng, tử tuất', 'Linked death registration, residence deregistration, funeral and survivor benefits'),
  channel: 'online-only',
  members: [
    { key: 'death', code: '1.000656', name: t('Đăng ký khai tử', 'Death registration'), agency: 'commune', required: true },
    { key: 'residenceDeregistration', name: t('Xóa đăng ký thường trú', 'Permanent residence deregistration'), agency: 'police', required: true },
    { key: 'funeralAllowance', name: t('Hưởng mai táng phí, hỗ trợ chi phí mai táng', 'Funeral allowance or support'), agency: 'social-insurance', required: false },
    { key: 'survivorBenefit', name: t('Hưởng chế độ tử tuất', 'Survivor benefit'), agency: 'social-insurance', required: false },
  ],
  legalBasis: ['Nghị định 63/2024/NĐ-CP', 'Quyết định 296/QĐ-VPCP ngày 12/06/2024 (công bố thủ tục)'],
  caveats: [
    { about: 'code', unconfirmed: true, note: '2.002913 "liên thông khai tử (reported)" [U]; a 2023 commune page used 1.011537 [C-2] (domain-vn §2.3, §4.2).' },
    { about: 'processing-time', unconfirmed: true, note: 'The notes give no time limit for the death group.' },
    {
      about: 'links',
      unconfirmed: false,
      note: 'Funeral and survivor benefits are paid by Vietnam Social Security for pensioners and contributors, by the labour sector for social-protection and meritorious-service beneficiaries [C].',
    },
  ],
};
