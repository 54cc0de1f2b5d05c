import type { LocalizedText } from '../validation';
import type { Role } from './roles';
import type { SlipKind } from './slips';
import type { DossierStatus } from './statuses';

/*
 * THE transition table: the UI shows a button for a row, services refuse a change that is not a
 * row, the hub accepts a synced event only if it is a row. Process rules behind the rows
 * (domain-vn §1.3–§1.5, DESIGN §1):
 * - A volunteer only creates and discards drafts; a clerk accepts them (nothing else).
 * - Refusal (Mẫu 03) happens at intake, before receipt; a dossier stopped after receipt is
 *   `rejected` (portal 8 "Dừng xử lý") with the stop notice.
 * - Supplements are received at the counter, which issues a new receipt and appointment date,
 *   then transfers the file again. The clock restarts: time limits run "kể từ ngày nhận đủ hồ sơ
 *   hợp lệ" (§5.1 [C]); whether it instead resumes is open (§9.2), hence `unconfirmed`.
 * - The return date may be rescheduled once, with an apology (Mẫu 04), no later than one day
 *   before it falls (§1.4 [C-2]). The status does not change; `applyTransition` refuses a second
 *   reschedule when told of the first. When to offer it is the deadline code's business.
 * - Handing the file between specialist, leader and other agencies changes the holder (a Mẫu 05
 *   row), not the status, so it is not a transition here.
 * - `admin` is technical support: it never moves a dossier.
 */

/** Every transition, in the order buttons are shown. */
export const transitionNames = [
  'create-draft',
  'discard-draft',
  'accept-draft',
  'receive',
  'refuse',
  'transfer',
  'start-processing',
  'request-supplement',
  'supplement-received',
  'pause',
  'resume',
  'reschedule',
  'resolve',
  'return-result',
  'reject',
  'withdraw',
] as const;

/** A transition's stable name, stored in `dossier_events` and synced to the hub. */
export type TransitionName = (typeof transitionNames)[number];

/**
 * What the deadline clock does, so deadline code can react without knowing the transitions:
 * - `start`: the period begins (receipt of a complete dossier);
 * - `pause`: the clock stops and may later resume or restart;
 * - `resume`: it runs on with the time that was left;
 * - `restart`: the full period runs again from this event;
 * - `reschedule`: the due date moves (once) to the date on the apology;
 * - `stop`: it stops for good; timeliness is fixed now;
 * - `none`: unaffected.
 */
export const clockEffects = ['start', 'pause', 'resume', 'restart', 'reschedule', 'stop', 'none'] as const;

/** See `clockEffects`. */
export type ClockEffect = (typeof clockEffects)[number];

/** One row of the table. */
export interface TransitionDefinition {
  /** Statuses it may start from; `null` means the dossier does not exist yet (it creates one). */
  readonly from: readonly (DossierStatus | null)[];
  /** The resulting status; `'unchanged'` for a transition that only records an event. */
  readonly to: DossierStatus | 'unchanged';
  /** Roles that may perform it. */
  readonly roles: readonly Role[];
  /** True when the event must carry a reason (printed on the slip, kept in the audit trail). */
  readonly reasonRequired: boolean;
  readonly clock: ClockEffect;
  /** The slip to print, or `null`. */
  readonly slip: SlipKind | null;
  /** Button label; the Vietnamese one also reads as a verb phrase in messages. */
  readonly label: LocalizedText;
  /** Set when part of the row is a hypothesis (domain-vn §9). */
  readonly unconfirmed?: string;
}

const AFTER_RECEIPT: readonly DossierStatus[] = ['received', 'transferred', 'processing'];

/** The state machine. */
export const dossierTransitions: Readonly<Record<TransitionName, TransitionDefinition>> = {
  'create-draft': {
    from: [null], to: 'draft', roles: ['volunteer', 'clerk'], reasonRequired: false, clock: 'none', slip: null,
    label: { vi: 'Lập hồ sơ nháp', en: 'Start a draft' },
  },
  'discard-draft': {
    from: ['draft'], to: 'discarded', roles: ['volunteer', 'clerk'], reasonRequired: false, clock: 'none', slip: null,
    label: { vi: 'Hủy bản nháp', en: 'Discard draft' },
  },
  'accept-draft': {
    from: ['draft'], to: 'received', roles: ['clerk'], reasonRequired: false, clock: 'start', slip: 'receipt',
    label: { vi: 'Tiếp nhận hồ sơ nháp', en: 'Accept draft' },
  },
  receive: {
    from: [null, 'submitted-online'], to: 'received', roles: ['clerk'], reasonRequired: false, clock: 'start', slip: 'receipt',
    label: { vi: 'Tiếp nhận hồ sơ', en: 'Receive dossier' },
  },
  refuse: {
    from: [null, 'draft', 'submitted-online'], to: 'refused', roles: ['clerk'], reasonRequired: true, clock: 'none', slip: 'refusal',
    label: { vi: 'Từ chối tiếp nhận', en: 'Refuse dossier' },
  },
  transfer: {
    from: ['received'], to: 'transferred', roles: ['clerk'], reasonRequired: false, clock: 'none', slip: 'control-sheet',
    label: { vi: 'Chuyển xử lý', en: 'Transfer for processing' },
  },
  'start-processing': {
    from: ['received', 'transferred'], to: 'processing', roles: ['specialist'], reasonRequired: false, clock: 'none', slip: null,
    label: { vi: 'Bắt đầu xử lý', en: 'Start processing' },
  },
  'request-supplement': {
    from: ['submitted-online', ...AFTER_RECEIPT], to: 'supplement-requested', roles: ['clerk', 'specialist'], reasonRequired: true,
    clock: 'pause', slip: 'supplement-request',
    label: { vi: 'Yêu cầu bổ sung', en: 'Request supplement' },
    unconfirmed: 'Whether the clock pauses or the period restarts after a supplement (domain-vn §9.2).',
  },
  'supplement-received': {
    from: ['supplement-requested'], to: 'received', roles: ['clerk'], reasonRequired: false, clock: 'restart', slip: 'receipt',
    label: { vi: 'Nhận hồ sơ bổ sung', en: 'Supplement received' },
    unconfirmed: 'Restart follows "kể từ ngày nhận đủ hồ sơ hợp lệ" (§5.1); resume is the alternative (§9.2).',
  },
  pause: {
    from: ['processing'], to: 'paused', roles: ['specialist', 'leader'], reasonRequired: true, clock: 'pause', slip: null,
    label: { vi: 'Tạm dừng', en: 'Pause' },
    unconfirmed: 'Grounded in portal code 6 (financial obligation) and e-PAR practice, not in a legal text (§1.5, §3.4).',
  },
  resume: {
    from: ['paused'], to: 'processing', roles: ['specialist', 'leader'], reasonRequired: false, clock: 'resume', slip: null,
    label: { vi: 'Tiếp tục xử lý', en: 'Resume' },
  },
  reschedule: {
    from: [...AFTER_RECEIPT, 'paused'], to: 'unchanged', roles: ['specialist', 'leader'], reasonRequired: true, clock: 'reschedule', slip: 'apology',
    label: { vi: 'Hẹn lại ngày trả kết quả', en: 'Reschedule return date' },
    unconfirmed: 'Rule from NĐ 61/2018 via a secondary source; NĐ 118/2025 wording not seen (§1.4, §9.1).',
  },
  resolve: {
    from: ['processing'], to: 'resolved', roles: ['specialist', 'leader'], reasonRequired: false, clock: 'stop', slip: null,
    label: { vi: 'Ghi nhận có kết quả', en: 'Record result' },
  },
  'return-result': {
    from: ['resolved'], to: 'returned', roles: ['clerk'], reasonRequired: false, clock: 'none', slip: 'handover',
    label: { vi: 'Trả kết quả', en: 'Return result' },
  },
  reject: {
    from: [...AFTER_RECEIPT, 'supplement-requested', 'paused'], to: 'rejected', roles: ['specialist', 'leader'], reasonRequired: true,
    clock: 'stop', slip: 'stop-notice',
    label: { vi: 'Dừng giải quyết hồ sơ', en: 'Reject (stop processing)' },
  },
  withdraw: {
    from: ['submitted-online', ...AFTER_RECEIPT, 'supplement-requested', 'paused'], to: 'withdrawn', roles: ['clerk'], reasonRequired: true,
    clock: 'stop', slip: null,
    label: { vi: 'Rút hồ sơ theo yêu cầu công dân', en: 'Withdraw at the applicant’s request' },
  },
};

/** True for one of `transitionNames` (for events read from the database or the hub). */
export function isTransitionName(value: unknown): value is TransitionName {
  return typeof value === 'string' && (transitionNames as readonly string[]).includes(value);
}
