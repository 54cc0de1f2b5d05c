import { z } from 'zod';
import { parseIsoDate } from '../calendar/civil-date';

/*
 * The form part of a procedure: the fields of its declaration (tờ khai) as the counter screen
 * shows them. Field types name the shared validator the intake screen runs (`personal-id` →
 * parsePersonalId, `phone` → parsePhoneNumber, in src/shared/identity); the catalogue only says
 * which one. Custom error messages are keys of schema-messages.ts, which turns them into
 * Vietnamese and English. Unknown properties are dropped rather than refused, so an older PC
 * still reads a catalogue from a newer hub.
 */

/** `{vi, en}` as the catalogue carries it: both languages, neither blank. */
export const localizedTextSchema = z.object({
  vi: z.string().trim().min(1, { error: 'blank-text' }),
  en: z.string().trim().min(1, { error: 'blank-text' }),
});

/** An ISO calendar date, "2025-07-01", that names a real day. */
export const isoDateSchema = z.string().refine((s) => parseIsoDate(s) !== undefined, { error: 'iso-date' });

/** Keys of fields, sections and documents: stored in dossiers, so ASCII and stable. */
export const keySchema = z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/u, { error: 'key' });

/** The kinds of field the intake screen knows how to render and check. */
export const fieldTypes = ['text', 'name', 'address', 'date', 'time', 'personal-id', 'phone', 'number', 'select'] as const;

/** See `fieldTypes`. */
export type FieldType = (typeof fieldTypes)[number];

const selectOptionSchema = z.object({
  value: z.string().min(1).max(64),
  label: localizedTextSchema,
});

const fieldBase = {
  key: keySchema,
  label: localizedTextSchema,
  /** The section (tờ khai block) the field belongs to. */
  section: keySchema,
  required: z.boolean().default(false),
  /**
   * Required only while this other field is empty: the TT 04/2024 forms ask for residence and
   * date of birth only when the person gives no personal ID number (domain-vn §3.1).
   */
  requiredUnless: keySchema.optional(),
  maxLength: z.int().positive().optional(),
  /** What the clerk sees under the field: an example, where to find the value. */
  hint: localizedTextSchema.optional(),
  defaultValue: z.string().optional(),
};

/** One field of the form. */
export const formFieldSchema = z.discriminatedUnion('type', [
  z.object({ ...fieldBase, type: z.literal('text'), multiline: z.boolean().default(false) }),
  z.object({ ...fieldBase, type: z.literal('name') }),
  z.object({ ...fieldBase, type: z.literal('address') }),
  z.object({
    ...fieldBase,
    type: z.literal('date'),
    /** `year`: the form asks for the year only (parents' "Năm sinh" on the birth declaration). */
    precision: z.enum(['day', 'month', 'year']).default('day'),
  }),
  z.object({ ...fieldBase, type: z.literal('time') }),
  z.object({ ...fieldBase, type: z.literal('personal-id') }),
  z.object({ ...fieldBase, type: z.literal('phone') }),
  z.object({
    ...fieldBase,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(true),
  }),
  z.object({
    ...fieldBase,
    type: z.literal('select'),
    options: z
      .array(selectOptionSchema)
      .min(1)
      .refine((options) => new Set(options.map((o) => o.value)).size === options.length, { error: 'duplicate-option' }),
  }),
]);

/** A block of the declaration ("Người yêu cầu", "Người được khai sinh", "Mẹ", …). */
export const formSectionSchema = z.object({ key: keySchema, label: localizedTextSchema });

/** The declaration: sections in print order, fields in entry order. */
export const procedureFormSchema = z
  .object({
    sections: z.array(formSectionSchema).min(1),
    fields: z.array(formFieldSchema).min(1),
  })
  .superRefine((form, ctx) => {
    const sections = new Set<string>();
    form.sections.forEach((s, i) => {
      if (sections.has(s.key)) ctx.addIssue({ code: 'custom', message: 'duplicate-key', params: { key: s.key }, path: ['sections', i, 'key'] });
      sections.add(s.key);
    });
    const keys = new Set<string>();
    form.fields.forEach((f, i) => {
      if (keys.has(f.key)) ctx.addIssue({ code: 'custom', message: 'duplicate-key', params: { key: f.key }, path: ['fields', i, 'key'] });
      keys.add(f.key);
      if (!sections.has(f.section)) ctx.addIssue({ code: 'custom', message: 'unknown-section', params: { key: f.section }, path: ['fields', i, 'section'] });
    });
    form.fields.forEach((f, i) => {
      if (f.requiredUnless !== undefined && (!keys.has(f.requiredUnless) || f.requiredUnless === f.key)) {
        ctx.addIssue({ code: 'custom', message: 'unknown-field', params: { key: f.requiredUnless }, path: ['fields', i, 'requiredUnless'] });
      }
    });
  });

/** `{vi, en}` after parsing. */
export type CatalogueText = z.infer<typeof localizedTextSchema>;
/** One field after parsing (defaults filled in). */
export type FormField = z.infer<typeof formFieldSchema>;
/** A section of the declaration. */
export type FormSection = z.infer<typeof formSectionSchema>;
/** The declaration after parsing. */
export type ProcedureForm = z.infer<typeof procedureFormSchema>;
