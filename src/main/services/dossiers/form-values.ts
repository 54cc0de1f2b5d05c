import { z } from 'zod';

/** Form values as stored in `dossiers.form` and `drafts.form`: text, numbers, or null. */
export type StoredFormValues = Record<string, string | number | null>;

const FormValues = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

/** The values of a stored form; a column that does not parse reads as empty rather than failing a screen. */
export function readFormValues(value: unknown): StoredFormValues {
  const parsed = FormValues.safeParse(value);
  return parsed.success ? parsed.data : {};
}
