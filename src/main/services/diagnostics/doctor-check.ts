/** The shape of one `doctor` line, and a builder that keeps the check tables readable. */
import type { LocalizedText } from '../../../shared/validation';

/** `fail` makes the report unhealthy; `warn` needs attention; `info` is a fact. */
export type CheckLevel = 'ok' | 'info' | 'warn' | 'fail';

export interface DoctorCheck {
  readonly key: string;
  readonly level: CheckLevel;
  readonly label: LocalizedText;
  readonly value: LocalizedText;
  /** The value for scripts (bytes, counts, versions). */
  readonly raw: string | number | null;
  /** What to do about a warning or failure. */
  readonly advice?: LocalizedText;
}

/** The same text in both languages (versions, paths, numbers). */
export const same = (text: string): LocalizedText => ({ vi: text, en: text });

/** A check line; `advice` only when there is something to do. */
export function check(
  key: string,
  level: CheckLevel,
  label: LocalizedText,
  value: LocalizedText,
  raw: string | number | null,
  advice?: LocalizedText,
): DoctorCheck {
  return advice === undefined ? { key, level, label, value, raw } : { key, level, label, value, raw, advice };
}
