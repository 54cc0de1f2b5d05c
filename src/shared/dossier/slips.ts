import type { LocalizedText } from '../validation';

/*
 * The printed slips a transition produces (domain-vn §1.3). The kind is stable; the form number
 * is not: TT 01/2018/TT-VPCP numbers the control sheet 05, while TT 03/2025/TT-VPCP (guiding
 * NĐ 118/2025, known from one secondary source) inserts "Thông báo dừng giải quyết hồ sơ" as 05
 * and moves the control sheet to 06. So numbers and titles are data per form set, and the
 * document layer picks the set in force.
 */

/** Every slip kind, in Mẫu order. */
export const slipKinds = ['receipt', 'supplement-request', 'refusal', 'apology', 'stop-notice', 'control-sheet', 'handover'] as const;

/** What a transition prints; `null` in the transition table when it prints nothing. */
export type SlipKind = (typeof slipKinds)[number];

/** The official form sets that number the slips. */
export const formSets = ['tt01-2018', 'tt03-2025'] as const;

/** `tt01-2018` = TT 01/2018/TT-VPCP; `tt03-2025` = TT 03/2025/TT-VPCP. */
export type FormSet = (typeof formSets)[number];

/** Where a slip sits in one form set. */
export interface OfficialForm {
  /** "01" … "07", as printed after "Mẫu". */
  readonly number: string;
  /** The title as the circular words it. */
  readonly title: string;
}

/** One row of the slip table. */
export interface SlipDefinition {
  readonly label: LocalizedText;
  /** `null`: the set has no form of its own for this slip. */
  readonly forms: Readonly<Record<FormSet, OfficialForm | null>>;
  /** Set when the numbering or the use of the form is a hypothesis (domain-vn §1.3, §9). */
  readonly unconfirmed?: string;
}

/** Facts about each form set; the in-force date of TT 03/2025 is not in the notes. */
export const formSetInfo: Readonly<Record<FormSet, { readonly title: string; readonly effectiveFrom: string | null; readonly unconfirmed?: string }>> = {
  'tt01-2018': { title: 'Thông tư 01/2018/TT-VPCP', effectiveFrom: '2019-01-06' },
  'tt03-2025': {
    title: 'Thông tư 03/2025/TT-VPCP',
    effectiveFrom: null,
    unconfirmed: 'Signed 15/09/2025; in-force date and Appendix I numbering from one secondary source (domain-vn §1.3, §9.1).',
  },
};

const U_TT03 = 'TT 03/2025 numbering from one secondary source (domain-vn §1.3).';

/** The slip table. */
export const slips: Readonly<Record<SlipKind, SlipDefinition>> = {
  receipt: {
    label: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and appointment slip' },
    forms: {
      'tt01-2018': { number: '01', title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' },
      'tt03-2025': { number: '01', title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' },
    },
  },
  'supplement-request': {
    label: { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Request to supplement the dossier' },
    forms: {
      'tt01-2018': { number: '02', title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' },
      'tt03-2025': { number: '02', title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' },
    },
  },
  refusal: {
    label: { vi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', en: 'Refusal to accept the dossier' },
    forms: {
      'tt01-2018': { number: '03', title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ' },
      'tt03-2025': { number: '03', title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ' },
    },
  },
  apology: {
    label: { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new return date' },
    forms: {
      'tt01-2018': { number: '04', title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả' },
      'tt03-2025': { number: '04', title: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết' },
    },
    unconfirmed: U_TT03,
  },
  'stop-notice': {
    label: { vi: 'Thông báo dừng giải quyết hồ sơ', en: 'Notice that processing has stopped' },
    forms: {
      'tt01-2018': { number: '03', title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ' },
      'tt03-2025': { number: '05', title: 'Thông báo dừng giải quyết hồ sơ' },
    },
    unconfirmed: `TT 01/2018 has no stop notice; using its Mẫu 03 ("từ chối tiếp nhận giải quyết") for a dossier stopped after receipt is our reading. ${U_TT03}`,
  },
  'control-sheet': {
    label: { vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', en: 'Dossier control sheet' },
    forms: {
      'tt01-2018': { number: '05', title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' },
      'tt03-2025': { number: '06', title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' },
    },
    unconfirmed: U_TT03,
  },
  handover: {
    label: { vi: 'Phiếu giao nhận kết quả', en: 'Result hand-over slip' },
    // Not an official form in either set (DESIGN §5 lists it): our own slip signed by the citizen.
    forms: { 'tt01-2018': null, 'tt03-2025': null },
  },
};
