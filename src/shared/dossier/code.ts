import { compareCivilDates, formatIsoDate, formatVietnameseDate, isValidCivilDate, type CivilDate } from '../calendar/civil-date';
import { issue, type Validated, type ValidationIssue } from '../validation';

/*
 * Dossier code (mã hồ sơ), Art. 19 TT 01/2018/TT-VPCP (domain-vn §2.1):
 * `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX`, e.g. `000.12.34.H26-260413-0001`: the receiving unit's
 * agency e-ID (QCVN 102:2016/BTTTT, §2.2), the receipt date, and the day's running number
 * 0001–9999 for that unit. YY is read as 20YY. Agency codes are data from the hub, never constants.
 *
 * Sequence blocks (a design choice of ours, not a rule, §2.1): the running number is per
 * receiving unit per day, but two counters of one commune work offline and cannot ask each other
 * for the next number. So each PC owns blocks of the daily range that no other PC of the unit
 * owns, and draws its numbers only from them, upwards, restarting each day. The blocks are data:
 * the hub assigns them (and may lease more); `slotSequenceBlock(k)` is the default layout, PC
 * slot k gets k001–k999, so the first digit of XXXX names the PC. The caller stores the last
 * code it issued and passes it back; `nextDossierSequence` is pure.
 */

/** The parts of a dossier code. */
export interface DossierCode {
  /** Receiving unit's agency e-ID, "000.12.34.H26". */
  readonly agencyCode: string;
  /** Receipt date, 2000–2099. */
  readonly date: CivilDate;
  /** Running number of the day, 1–9999. */
  readonly sequence: number;
}

/** Four digits per day (§2.1). */
export const MAX_DAILY_SEQUENCE = 9999;

/** Tolerant form of §2.1: Z1Z2 may hold letters ("000.A0.01.H26"); whether V and Y may is unconfirmed. */
const AGENCY_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$/u;
const EXAMPLE = '000.00.01.H26-260930-0012';

/** True for an agency e-ID shaped like `000.00.01.H26` (upper case, as printed). */
export function isValidAgencyCode(text: string): boolean {
  return AGENCY_CODE.test(text);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * `000.12.34.H26-260413-0001`. Throws RangeError on parts no code may hold (a programmer error:
 * agency codes come validated from the hub, dates and sequences from `nextDossierSequence`).
 */
export function formatDossierCode(code: DossierCode): string {
  const { agencyCode, date, sequence } = code;
  if (!isValidAgencyCode(agencyCode)) throw new RangeError(`Not an agency code: ${agencyCode}`);
  if (!isValidCivilDate(date) || date.year < 2000 || date.year > 2099) {
    throw new RangeError(`Date outside 2000–2099: ${JSON.stringify(date)}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE) {
    throw new RangeError(`Sequence outside 1–9999: ${sequence}`);
  }
  return `${agencyCode}-${pad(date.year % 100, 2)}${pad(date.month, 2)}${pad(date.day, 2)}-${pad(sequence, 4)}`;
}

/** Reads a typed or scanned dossier code; surrounding spaces and lower case are forgiven. */
export function parseDossierCode(text: string, options: { readonly field?: string } = {}): Validated<DossierCode> {
  const { field } = options;
  const fail = (code: string, vi: string, en: string): Validated<DossierCode> => ({ ok: false, error: issue(code, vi, en, field) });
  const upper = text.trim().toUpperCase();
  if (upper === '') return fail('dossier-code.empty', 'Chưa nhập mã hồ sơ.', 'The dossier code is missing.');
  const parts = upper.split('-');
  const [agencyCode = '', ymd = '', seq = ''] = parts;
  if (parts.length !== 3) {
    return fail(
      'dossier-code.format',
      `Mã hồ sơ gồm ba phần nối bằng dấu "-": mã đơn vị, ngày tiếp nhận (YYMMDD), số thứ tự (4 chữ số), ví dụ ${EXAMPLE}.`,
      `A dossier code has three parts joined by "-": agency code, receipt date (YYMMDD), sequence (4 digits), e.g. ${EXAMPLE}.`,
    );
  }
  if (!isValidAgencyCode(agencyCode)) {
    return fail(
      'dossier-code.agency',
      `"${agencyCode}" không phải mã đơn vị hợp lệ (dạng 000.00.01.H26).`,
      `"${agencyCode}" is not a valid agency code (shaped like 000.00.01.H26).`,
    );
  }
  const date = readYymmdd(ymd);
  if (date === undefined) {
    return fail(
      'dossier-code.date',
      `"${ymd}" không phải ngày tiếp nhận hợp lệ (6 chữ số năm-tháng-ngày, ví dụ 260930 là 30/09/2026).`,
      `"${ymd}" is not a valid receipt date (6 digits year-month-day, e.g. 260930 for 30/09/2026).`,
    );
  }
  const sequence = /^\d{4}$/u.test(seq) ? Number(seq) : 0;
  if (sequence < 1) {
    return fail(
      'dossier-code.sequence',
      `"${seq}" không phải số thứ tự hợp lệ (4 chữ số, từ 0001 đến 9999).`,
      `"${seq}" is not a valid sequence number (4 digits, 0001 to 9999).`,
    );
  }
  return { ok: true, value: { agencyCode, date, sequence } };
}

/** "260930" → 30/09/2026; undefined unless six digits naming a real day. */
function readYymmdd(text: string): CivilDate | undefined {
  if (!/^\d{6}$/u.test(text)) return undefined;
  const date = { year: 2000 + Number(text.slice(0, 2)), month: Number(text.slice(2, 4)), day: Number(text.slice(4, 6)) };
  return isValidCivilDate(date) ? date : undefined;
}

/**
 * A run of daily sequence numbers one device may issue, both ends included; with `from` or
 * `until` (ISO dates, inclusive) only for receipts on those days. Dated blocks are how a
 * replacement PC continues a slot without repeating the old PC's numbers (`sequence-plan.ts`).
 */
export interface SequenceBlock {
  readonly start: number;
  readonly end: number;
  readonly from?: string | undefined;
  readonly until?: string | undefined;
}

/** True when the block may be used for a receipt on `date`. */
export function blockValidOn(block: SequenceBlock, date: CivilDate): boolean {
  const day = formatIsoDate(date);
  return (block.from === undefined || block.from <= day) && (block.until === undefined || day <= block.until);
}

/** True when some day lies in both blocks' date ranges (an open end reaches every day). */
function datesOverlap(x: SequenceBlock, y: SequenceBlock): boolean {
  const lo = [x.from, y.from].filter((d): d is string => d !== undefined).sort().at(-1);
  const hi = [x.until, y.until].filter((d): d is string => d !== undefined).sort()[0];
  return lo === undefined || hi === undefined || lo <= hi;
}

/**
 * Default layout: slot k of `width` numbers gets k·width+1 … k·width+width−1 (width 1000:
 * slot 0 → 0001–0999, slot 3 → 3001–3999). Throws RangeError for a slot past 9999.
 */
export function slotSequenceBlock(slot: number, width = 1000): SequenceBlock {
  const block = { start: slot * width + 1, end: slot * width + width - 1 };
  if (!Number.isInteger(slot) || !Number.isInteger(width) || slot < 0 || width < 2 || block.end > MAX_DAILY_SEQUENCE) {
    throw new RangeError(`No sequence block for slot ${slot} of width ${width}`);
  }
  return block;
}

/** True when the two sets of blocks share a number on some day: two devices of one unit must never. */
export function sequenceBlocksOverlap(a: readonly SequenceBlock[], b: readonly SequenceBlock[]): boolean {
  return a.some((x) => b.some((y) => x.start <= y.end && y.start <= x.end && datesOverlap(x, y)));
}

const formatBlock = (b: SequenceBlock): string => `${pad(b.start, 4)}–${pad(b.end, 4)}`;

/**
 * The problem with a device's block configuration, if any: none at all, a block outside
 * 1–9999 or reversed, or blocks that overlap each other.
 */
export function checkSequenceBlocks(blocks: readonly SequenceBlock[]): ValidationIssue | undefined {
  if (blocks.length === 0) {
    return issue(
      'dossier-sequence.no-blocks',
      'Máy này chưa được cấp dải số thứ tự hồ sơ. Hãy đồng bộ với máy chủ hoặc liên hệ trung tâm dữ liệu.',
      'This PC has no dossier sequence block. Sync with the server or contact the data centre.',
    );
  }
  const bad = blocks.find((b) => !Number.isInteger(b.start) || !Number.isInteger(b.end) || b.start < 1 || b.end > MAX_DAILY_SEQUENCE || b.start > b.end);
  if (bad !== undefined) {
    return issue(
      'dossier-sequence.bad-block',
      `Dải số thứ tự ${bad.start}–${bad.end} không hợp lệ (phải nằm trong 0001–9999). Hãy liên hệ trung tâm dữ liệu.`,
      `Sequence block ${bad.start}–${bad.end} is invalid (must lie within 0001–9999). Contact the data centre.`,
    );
  }
  const overlapping = blocks.some((b, i) => sequenceBlocksOverlap([b], blocks.slice(i + 1)));
  if (overlapping) {
    return issue(
      'dossier-sequence.overlapping-blocks',
      'Các dải số thứ tự của máy này chồng lên nhau. Hãy liên hệ trung tâm dữ liệu.',
      "This PC's sequence blocks overlap. Contact the data centre.",
    );
  }
  return undefined;
}

/** What a device knows when it needs the next number. */
export interface DossierSequenceState {
  /** This device's blocks; disjoint from those of every other device of the receiving unit. */
  readonly blocks: readonly SequenceBlock[];
  /** The last code this device issued (any day), if it issued one. */
  readonly lastIssued?: { readonly date: CivilDate; readonly sequence: number };
}

/**
 * The next running number for a dossier received on `date`: the smallest number of the
 * device's blocks above what it already issued that day (the count restarts each day). Fails
 * when the blocks are used up (`dossier-sequence.exhausted`), when the last code was issued on
 * a later date (`dossier-sequence.date-before-last`: a PC clock set back would repeat numbers),
 * or when the blocks are invalid (see `checkSequenceBlocks`).
 */
export function nextDossierSequence(state: DossierSequenceState, date: CivilDate): Validated<number> {
  const invalid = checkSequenceBlocks(state.blocks);
  if (invalid !== undefined) return { ok: false, error: invalid };
  const last = state.lastIssued;
  if (last !== undefined && compareCivilDates(last.date, date) > 0) {
    return {
      ok: false,
      error: issue(
        'dossier-sequence.date-before-last',
        `Ngày tiếp nhận ${formatVietnameseDate(date)} sớm hơn ngày của mã hồ sơ cấp gần nhất (${formatVietnameseDate(last.date)}). Hãy kiểm tra ngày giờ của máy tính.`,
        `Receipt date ${formatVietnameseDate(date)} is before the date of the last code issued (${formatVietnameseDate(last.date)}). Check the PC's date and time.`,
      ),
    };
  }
  const after = last !== undefined && compareCivilDates(last.date, date) === 0 ? last.sequence : 0;
  const usable = state.blocks.filter((b) => blockValidOn(b, date));
  const candidates = usable.filter((b) => b.end > after).map((b) => Math.max(b.start, after + 1));
  if (candidates.length > 0) return { ok: true, value: Math.min(...candidates) };
  const ranges = [...usable].sort((x, y) => x.start - y.start).map(formatBlock).join(', ');
  return {
    ok: false,
    error: issue(
      'dossier-sequence.exhausted',
      `Máy này đã dùng hết số thứ tự hồ sơ được cấp cho ngày ${formatVietnameseDate(date)} (${ranges}). Hãy đồng bộ với máy chủ hoặc liên hệ trung tâm dữ liệu để được cấp thêm dải số.`,
      `This PC has used every dossier number of its blocks for ${formatVietnameseDate(date)} (${ranges}). Sync with the server or contact the data centre for another block.`,
    ),
  };
}
