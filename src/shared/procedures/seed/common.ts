import type { z } from 'zod';
import type { formFieldSchema, formSectionSchema } from '../fields';
import type { ProcedureInput } from '../procedure';

/*
 * Building blocks shared by the seed procedures. The seed describes the legal frame in force
 * from 1/7/2025 (NĐ 118/2025, NĐ 120/2025: commune competence for hộ tịch); the hub replaces it
 * with the province's published catalogue. Maximum lengths are software limits for the screen
 * and the printed form, not legal rules.
 */

/** A field as written in the seed. */
export type FieldInput = z.input<typeof formFieldSchema>;
/** A section as written in the seed. */
export type SectionInput = z.input<typeof formSectionSchema>;
/** A required paper as written in the seed. */
export type DocumentInput = ProcedureInput['documents'][number];
/** A caveat as written in the seed. */
export type CaveatInput = NonNullable<ProcedureInput['caveats']>[number];

/** `{vi, en}` in one call. */
export const t = (vi: string, en: string): { vi: string; en: string } => ({ vi, en });

/** Every seed procedure is version 1 of the post-reform frame. */
export const CURRENT_FRAME = { version: 1, effectiveFrom: '2025-07-01' } as const;

/** Said of every seed procedure: the start date is the reform's, not one a catalogue published. */
export const FRAME_CAVEAT: CaveatInput = {
  about: 'versioning',
  unconfirmed: true,
  note: 'effectiveFrom 2025-07-01 is the start of the post-reform frame (NĐ 118/2025, NĐ 120/2025), not a date published by the provincial catalogue.',
};

/** Procedures of the commune People's Committee. */
export const COMMUNE = { level: 'commune', authority: t('Ủy ban nhân dân cấp xã', 'Commune People’s Committee') } as const;

/** Same day; received after 15:00 → next working day (NĐ 23/2015 Art. 7 [C]; hộ tịch [C-2]). */
export const SAME_DAY_UNTIL_15H = { kind: 'same-day', cutoffMinutes: 15 * 60 } as const;

/** The codes of §2.3 are [C-2]: seen in many repositories and portal addresses. */
export const codeSeenInRepos = (code: string): CaveatInput => ({
  about: 'code',
  unconfirmed: false,
  note: `${code} is [C-2] (many public repositories and portal URLs); verify against the CSDL quốc gia về TTHC (domain-vn §2.3).`,
});

/** Luật Hộ tịch 2014 Art. 11: who does not pay hộ tịch fees. */
export const HO_TICH_EXEMPTIONS = [
  t('Người thuộc gia đình có công với cách mạng', 'Members of families of people with meritorious service to the revolution'),
  t('Người thuộc hộ nghèo', 'Members of poor households'),
  t('Người khuyết tật', 'People with disabilities'),
];

/** The requester block (Người yêu cầu) common to the TT 04/2020 declarations. */
export const requesterSection: SectionInput = { key: 'requester', label: t('Người yêu cầu', 'Requester') };

/**
 * Requester fields. TT 04/2024 asks for the residence only when no personal ID number is given
 * (domain-vn §3.1); the phone is for the receipt (Mẫu 01) and the "result ready" message.
 */
export function requesterFields(relation?: { vi: string; en: string }): FieldInput[] {
  const fields: FieldInput[] = [
    { key: 'requesterName', section: 'requester', type: 'name', label: t('Họ, chữ đệm, tên người yêu cầu', 'Requester’s full name'), required: true, maxLength: 100 },
    { key: 'requesterPersonalId', section: 'requester', type: 'personal-id', label: t('Số định danh cá nhân', 'Personal ID number'), maxLength: 12 },
    {
      key: 'requesterIdDocument',
      section: 'requester',
      type: 'text',
      label: t('Giấy tờ tùy thân', 'Identity document'),
      required: true,
      maxLength: 200,
      hint: t(
        'Ví dụ: Căn cước công dân số 025188001010 do Cục Cảnh sát QLHC về TTXH cấp ngày 20/11/2021',
        'E.g. citizen ID card no. 025188001010 issued by the police department on 20/11/2021',
      ),
    },
    {
      key: 'requesterResidence',
      section: 'requester',
      type: 'address',
      label: t('Nơi cư trú', 'Place of residence'),
      requiredUnless: 'requesterPersonalId',
      maxLength: 250,
      hint: t('Chỉ bắt buộc khi không có số định danh cá nhân', 'Required only without a personal ID number'),
    },
  ];
  if (relation !== undefined) {
    fields.push({ key: 'requesterRelation', section: 'requester', type: 'text', label: relation, required: true, maxLength: 50 });
  }
  fields.push({
    key: 'requesterPhone',
    section: 'requester',
    type: 'phone',
    label: t('Số điện thoại liên hệ', 'Contact phone'),
    maxLength: 15,
    hint: t('In trên giấy tiếp nhận; dùng để báo khi có kết quả', 'Printed on the receipt; used to say the result is ready'),
  });
  return fields;
}

/** Giới tính as the declarations print it. */
export const SEX_OPTIONS = [
  { value: 'nam', label: t('Nam', 'Male') },
  { value: 'nu', label: t('Nữ', 'Female') },
];

/** "Số bản sao yêu cầu cấp" at the foot of hộ tịch declarations. */
export const extraCopiesField = (section: string): FieldInput => ({
  key: 'extraCopies',
  section,
  type: 'number',
  label: t('Số bản sao yêu cầu cấp', 'Extra certified copies requested'),
  min: 0,
  integer: true,
});

/** The declaration itself, printed from the form and signed at the counter. */
export const declaration = (vi: string, en: string): DocumentInput => ({
  key: 'declaration',
  name: t(vi, en),
  handling: 'submit',
  accepts: ['original'],
  presence: { kind: 'required' },
});

/** Shown at the counter and handed back; not kept. */
export const identityPresented: DocumentInput = {
  key: 'identityDocument',
  name: t('Giấy tờ tùy thân của người yêu cầu (căn cước, hộ chiếu …)', 'Requester’s identity document (ID card, passport …)'),
  handling: 'present',
  accepts: ['original'],
  presence: { kind: 'required' },
};

/** Needed only when someone files for the person concerned. */
export const authorisation: DocumentInput = {
  key: 'authorisation',
  name: t('Văn bản ủy quyền', 'Letter of authorisation'),
  handling: 'submit',
  accepts: ['original'],
  presence: { kind: 'conditional', condition: t('Khi người khác nộp hồ sơ thay theo ủy quyền', 'When someone files on the person’s behalf') },
};
