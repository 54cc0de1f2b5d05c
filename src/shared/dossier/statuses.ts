import type { LocalizedText } from '../validation';

/*
 * Dossier statuses and how they map to the National Public Service Portal (DVCQG) status codes
 * 1–10 of domain-vn §1.5. The codes are [C-2]: identical in many provincial one-stop codebases,
 * but the regulation listing them was not found (§9.5). Two of our statuses have no code of their
 * own, and that mapping is our inference, kept as data below:
 * - `transferred` (handed to the specialist, not yet started) reports as 4 "Đang xử lý", whose
 *   meaning in §1.5 is "with the specialist / other agency";
 * - `paused` reports as 6 "Yêu cầu thực hiện nghĩa vụ tài chính", the only pause code besides
 *   supplements (e-PAR pauses while the citizen pays tax, §3.4); a pause for another reason has
 *   no portal code.
 * `draft` and `discarded` are local: a draft has no dossier code and is never synced as a dossier.
 */

/** Every status, in lifecycle order (the queue filters list them this way). */
export const dossierStatuses = [
  'draft',
  'discarded',
  'submitted-online',
  'received',
  'transferred',
  'processing',
  'supplement-requested',
  'paused',
  'resolved',
  'returned',
  'refused',
  'rejected',
  'withdrawn',
] as const;

/** Where a dossier stands. Stored as text in `dossiers.status` and in `dossier_events`. */
export type DossierStatus = (typeof dossierStatuses)[number];

/** DVCQG `TrangThai` codes (domain-vn §1.5). */
export type PortalStatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** One row of the status table. */
export interface StatusDefinition {
  readonly label: LocalizedText;
  /** The code reported to the portal; `null` for local-only statuses. */
  readonly portalCode: PortalStatusCode | null;
  /** No transition leaves it; a test holds the transition table to this. */
  readonly terminal: boolean;
  /** Set when the portal mapping is our inference rather than a source's. */
  readonly unconfirmed?: string;
}

/** The status table. */
export const dossierStatusTable: Readonly<Record<DossierStatus, StatusDefinition>> = {
  draft: { label: { vi: 'Hồ sơ nháp', en: 'Draft' }, portalCode: null, terminal: false },
  discarded: { label: { vi: 'Đã hủy bản nháp', en: 'Draft discarded' }, portalCode: null, terminal: true },
  'submitted-online': { label: { vi: 'Mới đăng ký trực tuyến', en: 'Submitted online' }, portalCode: 1, terminal: false },
  received: { label: { vi: 'Đã tiếp nhận', en: 'Received' }, portalCode: 2, terminal: false },
  transferred: {
    label: { vi: 'Đã chuyển xử lý', en: 'Transferred for processing' },
    portalCode: 4,
    terminal: false,
    unconfirmed: 'Reported as 4 "Đang xử lý" by inference: the portal has no code for "handed over, not started".',
  },
  processing: { label: { vi: 'Đang xử lý', en: 'Processing' }, portalCode: 4, terminal: false },
  'supplement-requested': { label: { vi: 'Chờ bổ sung hồ sơ', en: 'Supplement requested' }, portalCode: 5, terminal: false },
  paused: {
    label: { vi: 'Tạm dừng', en: 'Paused' },
    portalCode: 6,
    terminal: false,
    unconfirmed: 'Reported as 6 "Yêu cầu thực hiện nghĩa vụ tài chính" by inference: the only portal pause code besides supplements.',
  },
  resolved: { label: { vi: 'Đã có kết quả', en: 'Result ready' }, portalCode: 9, terminal: false },
  returned: { label: { vi: 'Đã trả kết quả', en: 'Result returned' }, portalCode: 10, terminal: true },
  refused: { label: { vi: 'Từ chối tiếp nhận', en: 'Refused at intake' }, portalCode: 3, terminal: true },
  rejected: { label: { vi: 'Dừng giải quyết', en: 'Rejected (processing stopped)' }, portalCode: 8, terminal: true },
  withdrawn: { label: { vi: 'Công dân đã rút hồ sơ', en: 'Withdrawn by the applicant' }, portalCode: 7, terminal: true },
};

/** The portal's own label for each code, as the provincial codebases spell it (§1.5). */
export const portalStatusLabels: Readonly<Record<PortalStatusCode, string>> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

/**
 * The status a portal code becomes when the hub relays an upstream change. Code 4 is shared by
 * `transferred` and `processing`; it reads back as `processing`.
 */
const statusOfPortalCode: Readonly<Record<PortalStatusCode, DossierStatus>> = {
  1: 'submitted-online',
  2: 'received',
  3: 'refused',
  4: 'processing',
  5: 'supplement-requested',
  6: 'paused',
  7: 'withdrawn',
  8: 'rejected',
  9: 'resolved',
  10: 'returned',
};

/** Statuses no transition leaves. */
export const terminalStatuses: readonly DossierStatus[] = dossierStatuses.filter((s) => dossierStatusTable[s].terminal);

/** True for one of `dossierStatuses` (for values read from the database or the hub). */
export function isDossierStatus(value: unknown): value is DossierStatus {
  return typeof value === 'string' && (dossierStatuses as readonly string[]).includes(value);
}

/** True when no transition leaves the status. */
export function isTerminalStatus(status: DossierStatus): boolean {
  return dossierStatusTable[status].terminal;
}

/** The DVCQG code to report, or `null` for a local-only status (draft, discarded draft). */
export function portalStatusCode(status: DossierStatus): PortalStatusCode | null {
  return dossierStatusTable[status].portalCode;
}

/** Our status for a DVCQG code; `undefined` for anything but an integer 1–10. */
export function statusFromPortalCode(code: number): DossierStatus | undefined {
  return isPortalStatusCode(code) ? statusOfPortalCode[code] : undefined;
}

/** True for an integer 1–10. */
export function isPortalStatusCode(code: number): code is PortalStatusCode {
  return Number.isInteger(code) && code >= 1 && code <= 10;
}
