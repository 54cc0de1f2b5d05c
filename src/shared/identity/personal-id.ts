import { issue, type ValidationIssue } from '../validation';
import { birthProvince } from './province-codes';

/*
 * Personal identification number (số định danh cá nhân), domain-vn §6.1: 12 digits =
 * 3-digit province where the birth was registered (TT 07/2016/TT-BCA) + 1 century/sex digit
 * + 2 digits of the birth year + 6 random digits. There is NO check digit: a number that fits
 * this structure may still not exist, and nothing offline can tell.
 *
 * Century/sex digit: 0/1 = male/female born 1900–1999, 2/3 = 2000–2099, 4/5 = 2100–2199,
 * 6/7 = 2200–2299, 8/9 = 2300–2399 (even = male, odd = female).
 *
 * The structure is a convention the state still uses, not a rule NĐ 70/2024 guarantees, so
 * only what is certainly wrong is rejected; a mismatch with the declared sex or birth year is a
 * warning (`personalIdMismatches`). The clock is never read: the caller passes the year.
 */

export type Sex = 'male' | 'female';

/** What the 12 digits say about their holder. */
export interface PersonalIdInfo {
  /** The 12 digits, separators removed. */
  readonly id: string;
  readonly provinceCode: string;
  /** Name in the 2016 table (a pre-2025 province). */
  readonly provinceName: string;
  readonly sex: Sex;
  readonly birthYear: number;
}

export type PersonalIdResult =
  | ({ readonly ok: true } & PersonalIdInfo)
  | { readonly ok: false; readonly error: ValidationIssue };

export interface PersonalIdOptions {
  /**
   * Today's year from the caller's clock; a birth year after it is an error. Services always
   * pass their injected clock's year; only the renderer's instant feedback may leave it out,
   * and then the device's clock is read.
   */
  readonly currentYear?: number;
  /** Form field to name in the issue. */
  readonly field?: string;
}

/** What a clerk may type between digit groups: spaces, dots, hyphens. */
const SEPARATORS = /[\s.-]/gu;
const CMND_LENGTH = 9;

/**
 * Reads a 12-digit personal ID typed or pasted by a clerk ("001 200 012 345" is fine). Rejects
 * other characters, a wrong length (a 9-digit number is named as an old CMND), an unknown
 * province code and a birth year after `currentYear`, each with its own `code`.
 */
export function parsePersonalId(text: string, options: PersonalIdOptions = {}): PersonalIdResult {
  const { currentYear = new Date().getFullYear(), field } = options;
  if (!Number.isSafeInteger(currentYear)) throw new RangeError(`currentYear must be an integer, got ${currentYear}`);
  const fail = (code: string, vi: string, en: string): PersonalIdResult => ({ ok: false, error: issue(code, vi, en, field) });

  // NFKC turns full-width digits from some input methods into 0–9.
  const id = text.normalize('NFKC').replace(SEPARATORS, '');
  if (id === '') return fail('personal-id.empty', 'Chưa nhập số định danh cá nhân.', 'The personal ID number is missing.');
  const stray = /[^0-9]/u.exec(id)?.[0];
  if (stray !== undefined) {
    return fail(
      'personal-id.not-digits',
      `Số định danh cá nhân chỉ gồm chữ số 0–9; hãy xoá ký tự "${stray}".`,
      `A personal ID number has digits 0–9 only; remove "${stray}".`,
    );
  }
  if (id.length === CMND_LENGTH) {
    return fail(
      'personal-id.legacy-cmnd',
      'Đây là số chứng minh nhân dân cũ (9 chữ số), chỉ có giá trị đến 31/12/2024. Hãy nhập số định danh cá nhân 12 chữ số in trên thẻ căn cước hoặc căn cước công dân.',
      'This is an old 9-digit identity card (CMND) number, valid only until 31/12/2024. Enter the 12-digit personal ID printed on the citizen identity card.',
    );
  }
  if (id.length !== 12) {
    return fail(
      'personal-id.wrong-length',
      `Số định danh cá nhân phải gồm đúng 12 chữ số; bạn đã nhập ${id.length} chữ số.`,
      `A personal ID number has exactly 12 digits; you entered ${id.length}.`,
    );
  }
  const provinceCode = id.slice(0, 3);
  const province = birthProvince(provinceCode);
  if (province === undefined) {
    return fail(
      'personal-id.unknown-province',
      `Ba chữ số đầu "${provinceCode}" không phải mã tỉnh nơi đăng ký khai sinh (Thông tư 07/2016/TT-BCA). Hãy đối chiếu lại với thẻ căn cước.`,
      `The first three digits "${provinceCode}" are not a province-of-birth-registration code (Circular 07/2016/TT-BCA). Check the number against the ID card.`,
    );
  }
  const centuryDigit = Number(id[3]);
  const birthYear = 1900 + Math.floor(centuryDigit / 2) * 100 + Number(id.slice(4, 6));
  if (birthYear > currentYear) {
    return fail(
      'personal-id.future-birth-year',
      `Số này cho năm sinh ${birthYear}, sau năm ${currentYear}. Hãy kiểm tra chữ số thứ 4 (thế kỷ, giới tính) và chữ số thứ 5–6 (năm sinh).`,
      `This number gives birth year ${birthYear}, after ${currentYear}. Check digit 4 (century and sex) and digits 5–6 (year of birth).`,
    );
  }
  const sex: Sex = centuryDigit % 2 === 0 ? 'male' : 'female';
  return { ok: true, id, provinceCode, provinceName: province.name, sex, birthYear };
}

/** What the citizen declared on the form, for cross-checking the number. */
export interface DeclaredPerson {
  readonly sex?: Sex;
  readonly birthYear?: number;
}

/**
 * Warnings (never errors: a correction case or data-entry slip may explain it) when the number
 * disagrees with the declared sex or birth year. Codes: `personal-id.sex-mismatch`,
 * `personal-id.birth-year-mismatch`.
 */
export function personalIdMismatches(info: PersonalIdInfo, declared: DeclaredPerson, field?: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (declared.sex !== undefined && declared.sex !== info.sex) {
    const vi = info.sex === 'male' ? 'nam' : 'nữ';
    issues.push(
      issue(
        'personal-id.sex-mismatch',
        `Số định danh cá nhân ghi giới tính ${vi}, khác với giới tính đã khai. Hãy kiểm tra lại số hoặc giới tính.`,
        `The personal ID number encodes sex ${info.sex}, unlike the declared sex. Check the number or the sex.`,
        field,
      ),
    );
  }
  if (declared.birthYear !== undefined && declared.birthYear !== info.birthYear) {
    issues.push(
      issue(
        'personal-id.birth-year-mismatch',
        `Số định danh cá nhân ghi năm sinh ${info.birthYear}, khác với năm sinh đã khai (${declared.birthYear}).`,
        `The personal ID number encodes birth year ${info.birthYear}, unlike the declared ${declared.birthYear}.`,
        field,
      ),
    );
  }
  return issues;
}
