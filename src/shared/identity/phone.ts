import { issue, type Validated, type ValidationIssue } from '../validation';

/*
 * Vietnamese phone numbers as a clerk types them: "0912 345 678", "+84 912.345.678",
 * "(024) 3825-1234". The notes hold no numbering rules, so these come from the public plan
 * (to confirm with the province):
 *
 * - mobile: 10 digits, 03/05/07/08/09 + 8 digits (since the 2018 move from 11 to 10 digits);
 * - landline: 11 digits, 02 + area code + subscriber (since the 2017 area-code change);
 * - an old 11-digit mobile (01xx…) is recognised and refused with its likely new number,
 *   because old papers still carry them; the clerk must confirm it with the citizen.
 *
 * The normal form is national: a leading 0, no separators.
 */

export type PhoneKind = 'mobile' | 'landline';

export interface PhoneNumber {
  /** National form, digits only: "0912345678". */
  readonly number: string;
  readonly kind: PhoneKind;
}

/** Old 11-digit mobile prefixes and the 10-digit prefixes they became in 2018. */
const LEGACY_MOBILE_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['0120', '070'], ['0121', '079'], ['0122', '077'], ['0126', '076'], ['0128', '078'],
  ['0123', '083'], ['0124', '084'], ['0125', '085'], ['0127', '081'], ['0129', '082'],
  ['0162', '032'], ['0163', '033'], ['0164', '034'], ['0165', '035'], ['0166', '036'],
  ['0167', '037'], ['0168', '038'], ['0169', '039'],
  ['0186', '056'], ['0188', '058'], ['0199', '059'],
]);

const SEPARATORS = /[\s.()-]/gu;
const MOBILE_SECOND_DIGITS = '35789';

export interface PhoneOptions {
  /** Form field to name in the issue. */
  readonly field?: string;
}

/** Reads a Vietnamese mobile or landline number; see the file header for the rules. */
export function parsePhoneNumber(text: string, options: PhoneOptions = {}): Validated<PhoneNumber> {
  const { field } = options;
  const fail = (code: string, vi: string, en: string): Validated<PhoneNumber> => ({ ok: false, error: issue(code, vi, en, field) });
  const compact = text.normalize('NFKC').replace(SEPARATORS, '');
  if (compact === '') return fail('phone.empty', 'Chưa nhập số điện thoại.', 'The phone number is missing.');

  const national = toNational(compact);
  if (national === undefined) {
    return fail(
      'phone.not-vietnamese',
      'Chỉ nhận số điện thoại Việt Nam: bắt đầu bằng 0 hoặc +84.',
      'Only Vietnamese numbers are accepted: start with 0 or +84.',
    );
  }
  const stray = /[^0-9]/u.exec(national)?.[0];
  if (stray !== undefined) {
    return fail('phone.not-digits', `Số điện thoại chỉ gồm chữ số; hãy xoá ký tự "${stray}".`, `A phone number has digits only; remove "${stray}".`);
  }
  if (!national.startsWith('0')) {
    return fail('phone.missing-zero', 'Số điện thoại phải bắt đầu bằng 0 (hoặc +84).', 'A phone number starts with 0 (or +84).');
  }
  const legacy = legacyMobile(national, field);
  if (legacy !== undefined) return { ok: false, error: legacy };

  const kind = phoneKind(national[1]);
  if (kind === undefined) {
    const prefix = national.slice(0, 2);
    return fail(
      'phone.unknown-prefix',
      `Đầu số "${prefix}" không phải đầu số di động (03, 05, 07, 08, 09) hay mã vùng máy bàn (02…). Số máy bàn cũ (trước năm 2017) phải đổi sang mã vùng mới bắt đầu bằng 02.`,
      `"${prefix}" is neither a mobile prefix (03, 05, 07, 08, 09) nor a landline area code (02…). Old landline numbers (before 2017) need the new area code starting with 02.`,
    );
  }
  const expected = kind === 'mobile' ? 10 : 11;
  if (national.length !== expected) {
    const what =
      kind === 'mobile'
        ? { vi: 'Số di động', en: 'A mobile number' }
        : { vi: 'Số máy bàn (mã vùng 02…)', en: 'A landline number (area code 02…)' };
    return fail(
      'phone.wrong-length',
      `${what.vi} phải có ${expected} chữ số; bạn đã nhập ${national.length} chữ số.`,
      `${what.en} has ${expected} digits; you entered ${national.length}.`,
    );
  }
  return { ok: true, value: { number: national, kind } };
}

/** Rewrites +84 / 84 / 0084 to a leading 0; undefined for another country code. */
function toNational(compact: string): string | undefined {
  const international = /^(?:\+|00)(.*)$/u.exec(compact)?.[1];
  if (international !== undefined) return international.startsWith('84') ? withZero(international.slice(2)) : undefined;
  // Without a plus, "84" + 9 or 10 digits can only be the country code: national numbers start with 0.
  if (/^84\d{9,10}$/u.test(compact)) return withZero(compact.slice(2));
  return compact;
}

/** "+84 0912…" is a common slip: keep a single leading zero. */
function withZero(rest: string): string {
  return rest.startsWith('0') ? rest : `0${rest}`;
}

function phoneKind(secondDigit: string | undefined): PhoneKind | undefined {
  if (secondDigit === '2') return 'landline';
  return secondDigit !== undefined && MOBILE_SECOND_DIGITS.includes(secondDigit) ? 'mobile' : undefined;
}

function legacyMobile(national: string, field: string | undefined): ValidationIssue | undefined {
  if (!/^01\d{9}$/u.test(national)) return undefined;
  const old = national.slice(0, 4);
  const now = LEGACY_MOBILE_PREFIXES.get(old);
  if (now === undefined) {
    return issue(
      'phone.legacy-mobile',
      'Số di động 11 chữ số (đầu 01…) đã bỏ từ năm 2018. Hãy hỏi người nộp số điện thoại hiện tại.',
      '11-digit mobile numbers (01…) were retired in 2018. Ask for the current number.',
      field,
    );
  }
  const likely = now + national.slice(4);
  return issue(
    'phone.legacy-mobile',
    `Số di động 11 chữ số đã đổi sang 10 chữ số từ năm 2018 (${old} → ${now}); số mới có thể là ${likely}. Hãy hỏi lại người nộp rồi nhập số mới.`,
    `11-digit mobile numbers became 10-digit in 2018 (${old} → ${now}); the new number is probably ${likely}. Confirm with the citizen and enter it.`,
    field,
  );
}
