/**
 * What a shared validator returns when input is wrong. The clerk reads `message.vi` (the first
 * language of the UI); `message.en` is for the English switch and for support staff. `code` is
 * stable so tests and the UI can react without matching text.
 */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

export interface ValidationIssue {
  readonly code: string;
  /** The form field the issue belongs to, when there is one. */
  readonly field?: string;
  readonly message: LocalizedText;
}

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ValidationIssue };

export function issue(code: string, vi: string, en: string, field?: string): ValidationIssue {
  return field === undefined ? { code, message: { vi, en } } : { code, field, message: { vi, en } };
}
