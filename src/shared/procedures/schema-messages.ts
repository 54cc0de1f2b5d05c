import { z } from 'zod';
import type { LocalizedText } from '../validation';

/*
 * Turns zod issues about a catalogue into text a data-centre engineer can act on, in Vietnamese
 * first. Our own checks carry a message key (below); zod's built-in ones are worded by zod's
 * `vi` and `en` locales, passed per parse so that no global zod setting is changed.
 */

type Params = Readonly<Record<string, unknown>>;

const messages: Readonly<Record<string, { vi: (p: Params) => string; en: (p: Params) => string }>> = {
  'blank-text': { vi: () => 'Không được để trống', en: () => 'Must not be blank' },
  'iso-date': { vi: () => 'Ngày phải có dạng năm-tháng-ngày và có thật, ví dụ 2025-07-01', en: () => 'Must be a real date written YYYY-MM-DD, e.g. 2025-07-01' },
  key: {
    vi: () => 'Khóa chỉ gồm chữ cái không dấu và chữ số, bắt đầu bằng chữ thường, ví dụ childName',
    en: () => 'A key is ASCII letters and digits starting with a lower-case letter, e.g. childName',
  },
  'procedure-code': {
    vi: () => 'Mã thủ tục phải có dạng 1.001193 (một chữ số, dấu chấm, sáu chữ số)',
    en: () => 'A procedure code looks like 1.001193 (one digit, a dot, six digits)',
  },
  'local-procedure-code': {
    vi: () => 'Mã thủ tục của tỉnh phải có dạng 1.000656.000.00.00.H29 hoặc 1.000948.H38',
    en: () => 'A provincial procedure code looks like 1.000656.000.00.00.H29 or 1.000948.H38',
  },
  'duplicate-key': { vi: (p) => `Khóa "${String(p.key)}" bị trùng`, en: (p) => `Key "${String(p.key)}" is used twice` },
  'duplicate-option': { vi: () => 'Các lựa chọn có giá trị trùng nhau', en: () => 'Two options have the same value' },
  'unknown-section': { vi: (p) => `Không có mục "${String(p.key)}" trong tờ khai`, en: (p) => `There is no section "${String(p.key)}" in the form` },
  'unknown-field': { vi: (p) => `Không có mục "${String(p.key)}" để tham chiếu`, en: (p) => `There is nothing called "${String(p.key)}" to refer to` },
  'effective-range': { vi: () => 'Ngày hết hiệu lực phải sau ngày có hiệu lực', en: () => 'effectiveUntil must come after effectiveFrom' },
  'duplicate-version': {
    vi: (p) => `Phiên bản ${String(p.key)} xuất hiện hai lần`,
    en: (p) => `Version ${String(p.key)} appears twice`,
  },
  'duplicate-effective-from': {
    vi: (p) => `Hai phiên bản của ${String(p.code)} cùng có hiệu lực từ ${String(p.date)}`,
    en: (p) => `Two versions of ${String(p.code)} take effect on the same day, ${String(p.date)}`,
  },
  'unknown-group': { vi: (p) => `Không có nhóm liên thông "${String(p.key)}" trong danh mục`, en: (p) => `There is no liên thông group "${String(p.key)}" in the catalogue` },
  'unknown-procedure': {
    vi: (p) => `Thủ tục ${String(p.key)} của xã không có trong danh mục`,
    en: (p) => `The commune procedure ${String(p.key)} is not in the catalogue`,
  },
};

const locales = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };

/** "procedures[2].form.fields[0].key" */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out === '' ? String(part) : `${out}.${String(part)}`), '');
}

function wordIssue(i: z.core.$ZodIssue, lang: 'vi' | 'en'): string {
  const own = messages[i.message];
  if (own !== undefined) return own[lang](i.code === 'custom' ? (i.params ?? {}) : {});
  if (i.code === 'invalid_union' && 'options' in i && Array.isArray(i.options)) {
    return `${i.message} (${lang === 'vi' ? 'một trong' : 'one of'}: ${i.options.map(String).join(', ')})`;
  }
  return i.message;
}

const SHOWN = 5;

/**
 * One `ValidationIssue`-ready text for a failed parse: how many problems, then the first few as
 * "path: message". `describeItem` may name the item at the start of a path ("1.001193@2").
 */
export function describeSchemaFailure(
  schema: z.ZodType,
  input: unknown,
  describeItem: (path: readonly PropertyKey[]) => string | undefined,
): LocalizedText | undefined {
  const vi = schema.safeParse(input, { error: locales.vi });
  if (vi.success) return undefined;
  const en = schema.safeParse(input, { error: locales.en });
  const enIssues = en.success ? [] : en.error.issues;
  const lines = (lang: 'vi' | 'en', issues: readonly z.core.$ZodIssue[]): string =>
    issues
      .slice(0, SHOWN)
      .map((i) => {
        const where = formatPath(i.path);
        const item = describeItem(i.path);
        const place = [item === undefined ? '' : `(${item})`, where].filter((s) => s !== '').join(' ');
        return `${place === '' ? '' : `${place}: `}${wordIssue(i, lang)}`;
      })
      .join('; ');
  const count = vi.error.issues.length;
  const more = count > SHOWN ? count - SHOWN : 0;
  return {
    vi: `${count} lỗi: ${lines('vi', vi.error.issues)}${more > 0 ? `; và ${more} lỗi khác` : ''}.`,
    en: `${count} problem${count === 1 ? '' : 's'}: ${lines('en', enIssues)}${more > 0 ? `; and ${more} more` : ''}.`,
  };
}
