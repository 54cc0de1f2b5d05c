import { parseIsoDate } from '../calendar/civil-date';
import { issue, type LocalizedText, type ValidationIssue } from '../validation';
import type { FormField } from './fields';
import type { Procedure } from './procedure';

/*
 * Generic checks of a dossier's form values against its procedure version: presence, shape and
 * length. Meaning is checked elsewhere: personal IDs by parsePersonalId, phone numbers by
 * parsePhoneNumber (src/shared/identity), which the intake screen runs on fields of those types.
 * Values are what the screen stores: strings (ISO dates "2026-03-01", years "1990", times
 * "14:30"), numbers for number fields (numeric strings are accepted too).
 */

/** Form values by field key. */
export type FormValues = Readonly<Record<string, unknown>>;

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Every problem with `values`, in form order, each naming the field (key in `field`, label in the
 * message). An empty list means the form may be saved.
 */
export function validateDossierForm(procedure: Pick<Procedure, 'form'>, values: FormValues): ValidationIssue[] {
  const { sections, fields } = procedure.form;
  const sectionLabel = new Map(sections.map((s) => [s.key, s.label]));
  const fieldLabel = new Map(fields.map((f) => [f.key, f.label]));
  const issues: ValidationIssue[] = [];
  for (const field of fields) {
    const section = sectionLabel.get(field.section);
    const name: LocalizedText = {
      vi: `“${field.label.vi}”${section === undefined ? '' : ` (${section.vi})`}`,
      en: `“${field.label.en}”${section === undefined ? '' : ` (${section.en})`}`,
    };
    const value = values[field.key];
    if (isBlank(value)) {
      const other = field.requiredUnless === undefined ? undefined : fieldLabel.get(field.requiredUnless);
      if (field.required) {
        issues.push(issue('form.required', `Chưa nhập ${name.vi}.`, `${name.en} is required.`, field.key));
      } else if (field.requiredUnless !== undefined && other !== undefined && isBlank(values[field.requiredUnless])) {
        issues.push(
          issue(
            'form.required',
            `Chưa nhập ${name.vi}; ô này bắt buộc khi không có “${other.vi}”.`,
            `${name.en} is required when “${other.en}” is not given.`,
            field.key,
          ),
        );
      }
      continue;
    }
    const problem = checkValue(field, value, name);
    if (problem !== undefined) issues.push(problem);
  }
  return issues;
}

function checkValue(field: FormField, value: unknown, name: LocalizedText): ValidationIssue | undefined {
  const bad = (code: string, vi: string, en: string): ValidationIssue => issue(`form.${code}`, vi, en, field.key);
  if (field.type === 'number') {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
    if (!Number.isFinite(n) || (field.integer && !Number.isInteger(n))) {
      return bad('not-number', `${name.vi} phải là ${field.integer ? 'số nguyên' : 'số'}.`, `${name.en} must be ${field.integer ? 'a whole number' : 'a number'}.`);
    }
    if (field.min !== undefined && n < field.min) return bad('too-small', `${name.vi} không được nhỏ hơn ${field.min}.`, `${name.en} must be at least ${field.min}.`);
    if (field.max !== undefined && n > field.max) return bad('too-large', `${name.vi} không được lớn hơn ${field.max}.`, `${name.en} must be at most ${field.max}.`);
    return undefined;
  }
  // A year may arrive as a number from a numeric input.
  const raw = field.type === 'date' && field.precision === 'year' && typeof value === 'number' ? String(value) : value;
  if (typeof raw !== 'string') return bad('not-text', `${name.vi} phải là chữ.`, `${name.en} must be text.`);
  const text = raw.trim();
  if (field.maxLength !== undefined && [...text.normalize('NFC')].length > field.maxLength) {
    return bad('too-long', `${name.vi} dài quá ${field.maxLength} ký tự.`, `${name.en} is longer than ${field.maxLength} characters.`);
  }
  switch (field.type) {
    case 'date':
      return isDateOfPrecision(text, field.precision)
        ? undefined
        : bad('not-date', `${name.vi} không phải ${DATE_SHAPE[field.precision].vi} hợp lệ.`, `${name.en} is not a valid ${DATE_SHAPE[field.precision].en}.`);
    case 'time':
      return /^([01]\d|2[0-3]):[0-5]\d$/u.test(text) ? undefined : bad('not-time', `${name.vi} không phải giờ hợp lệ (giờ:phút).`, `${name.en} is not a valid time (HH:MM).`);
    case 'select':
      return field.options.some((o) => o.value === text)
        ? undefined
        : bad('not-an-option', `${name.vi} phải là một trong: ${field.options.map((o) => o.label.vi).join(', ')}.`, `${name.en} must be one of: ${field.options.map((o) => o.label.en).join(', ')}.`);
    case 'text':
    case 'name':
    case 'address':
    case 'personal-id':
    case 'phone':
      return undefined;
  }
}

const DATE_SHAPE: Readonly<Record<'day' | 'month' | 'year', LocalizedText>> = {
  day: { vi: 'ngày tháng năm', en: 'date' },
  month: { vi: 'tháng năm', en: 'month' },
  year: { vi: 'năm', en: 'year' },
};

function isDateOfPrecision(text: string, precision: 'day' | 'month' | 'year'): boolean {
  if (precision === 'day') return parseIsoDate(text) !== undefined;
  if (precision === 'month') return parseIsoDate(`${text}-01`) !== undefined && /^\d{4}-\d{2}$/u.test(text);
  return /^\d{4}$/u.test(text);
}
