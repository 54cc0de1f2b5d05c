import { z } from 'zod';
import { isoDateSchema, keySchema, localizedTextSchema, procedureFormSchema } from './fields';
import type { ProcessingTime } from '../deadline/processing-time';

/*
 * One version of an administrative procedure (thủ tục hành chính) as the hub publishes it.
 * Versions: a dossier keeps the `code@version` it was received under, and a new version never
 * changes an open dossier (anchors-features §3.3). Facts the research could not confirm stay in
 * the data with a caveat (`unconfirmed: true`) instead of being dropped or stated as certain.
 */

/** DVCQG procedure code, "1.001193" (domain-vn §2.3). */
export const procedureCodeSchema = z.string().regex(/^\d\.\d{6}$/u, { error: 'procedure-code' });

/** A provincial copy of the code, "1.000656.000.00.00.H29" or "1.000948.H38" (§2.3). */
export const localProcedureCodeSchema = z.string().regex(/^\d\.\d{6}(\.[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2})?\.[A-Z][0-9A-Z]{2}$/u, {
  error: 'local-procedure-code',
});

/**
 * Statutory processing time: the deadline module's own union, so a catalogue entry goes straight
 * into `computeDue`. `days` may be a half (0.5-day steps are common practice, §5.1).
 */
export type { ProcessingTime };

/** Schema of `ProcessingTime`. */
export const processingTimeSchema: z.ZodType<ProcessingTime> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('working-days'), days: z.number().positive().multipleOf(0.5) }),
  z.object({ kind: z.literal('working-hours'), hours: z.number().positive() }),
  z.object({ kind: z.literal('same-day'), cutoffMinutes: z.int().min(0).max(24 * 60 - 1).optional() }),
  z.object({ kind: z.literal('immediate') }),
]);

/**
 * The time allowed in a named case (verification, many pages, remote commune): either days added
 * to the usual limit (`extra`, "kéo dài thêm không quá …") or a limit of its own (`limit`,
 * "không quá 05 ngày làm việc nếu phải xác minh").
 */
export const timeExtensionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('extra'), when: localizedTextSchema, workingDays: z.number().positive().multipleOf(0.5) }),
  z.object({ kind: z.literal('limit'), when: localizedTextSchema, processingTime: processingTimeSchema }),
]);

const vnd = z.int().min(0);

/** How much is charged, in VND. */
export const feeAmountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free') }),
  z.object({ kind: z.literal('fixed'), amountVnd: vnd, per: z.enum(['dossier', 'copy', 'case']) }),
  /** Attestation of copies: a price for the first pages, another after, a cap per copy. */
  z.object({ kind: z.literal('per-page'), firstPages: z.int().positive(), firstPageVnd: vnd, laterPageVnd: vnd, maxPerCopyVnd: vnd.optional() }),
  /** Set by the provincial People's Council; the hub fills `amountVnd` for its province. */
  z.object({ kind: z.literal('set-by-province'), amountVnd: vnd.optional() }),
]);

/** The fee: the usual amount, the cases that change it, and who is exempt. */
export const feeSchema = z.object({
  amount: feeAmountSchema,
  cases: z.array(z.object({ when: localizedTextSchema, amount: feeAmountSchema })).default([]),
  exemptions: z.array(localizedTextSchema).default([]),
});

/** Kinds of paper (bản chính, bản sao có chứng thực, bản sao kèm bản chính để đối chiếu, bản chụp). */
export const paperForms = ['original', 'certified-copy', 'copy-for-comparison', 'copy'] as const;

/** One required paper: what the clerk checks off and scans into its slot. */
export const requiredDocumentSchema = z.object({
  key: keySchema,
  name: localizedTextSchema,
  /** `submit`: kept in the dossier (nộp); `present`: shown and handed back (xuất trình). */
  handling: z.enum(['submit', 'present']),
  /** Which forms of the paper are accepted. */
  accepts: z.array(z.enum(paperForms)).min(1),
  copies: z.int().positive().default(1),
  presence: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('required') }),
    z.object({ kind: z.literal('optional') }),
    z.object({ kind: z.literal('conditional'), condition: localizedTextSchema }),
  ]),
  /** Papers accepted in its place (a witness statement instead of the birth certificate). */
  alternatives: z.array(localizedTextSchema).default([]),
  note: localizedTextSchema.optional(),
});

/** What a caveat is about. */
export const caveatSubjects = ['code', 'name', 'competence', 'processing-time', 'fee', 'documents', 'form', 'links', 'versioning'] as const;

/** A fact the sources did not settle (domain-vn tags [U] and [C-2]). */
export const caveatSchema = z.object({ about: z.enum(caveatSubjects), unconfirmed: z.boolean(), note: z.string().min(1) });

const versioned = {
  /** Increases with each published change of this code. */
  version: z.int().positive(),
  effectiveFrom: isoDateSchema,
  /** First day it no longer applies (exclusive); absent while in force. */
  effectiveUntil: isoDateSchema.optional(),
};

/** One version of a procedure. */
export const procedureSchema = z
  .object({
    code: procedureCodeSchema,
    localCode: localProcedureCodeSchema.optional(),
    ...versioned,
    name: localizedTextSchema,
    sector: z.enum(['civil-status', 'attestation']),
    competence: z.object({ level: z.enum(['commune', 'province']), authority: localizedTextSchema }),
    /** Toàn trình / một phần (NĐ 42/2022, §1.6); absent when not known. */
    onlineService: z.enum(['full', 'partial']).optional(),
    processingTime: processingTimeSchema,
    extensions: z.array(timeExtensionSchema).default([]),
    fee: feeSchema,
    documents: z.array(requiredDocumentSchema),
    form: procedureFormSchema,
    /** Ids of liên thông groups the procedure belongs to (§4). */
    linkedGroups: z.array(keySchema).default([]),
    legalBasis: z.array(z.string().min(1)).min(1),
    caveats: z.array(caveatSchema).default([]),
  })
  .superRefine((p, ctx) => {
    if (p.effectiveUntil !== undefined && p.effectiveUntil <= p.effectiveFrom) {
      ctx.addIssue({ code: 'custom', message: 'effective-range', path: ['effectiveUntil'] });
    }
    const keys = new Set<string>();
    p.documents.forEach((d, i) => {
      if (keys.has(d.key)) ctx.addIssue({ code: 'custom', message: 'duplicate-key', params: { key: d.key }, path: ['documents', i, 'key'] });
      keys.add(d.key);
    });
  });

/** A member of a liên thông group; procedures of other agencies may have no code in our catalogue. */
export const groupMemberSchema = z.object({
  key: keySchema,
  code: procedureCodeSchema.optional(),
  name: localizedTextSchema,
  agency: z.enum(['commune', 'police', 'social-insurance', 'labour-affairs']),
  /** False when the applicant may leave it out of the group. */
  required: z.boolean(),
});

/** A liên thông group (§4): several procedures of several agencies filed as one. */
export const procedureGroupSchema = z
  .object({
    id: keySchema,
    ...versioned,
    name: localizedTextSchema,
    /** NĐ 63/2024 groups are filed online only (DVCQG or VNeID); the counter may assist. */
    channel: z.enum(['online-only', 'counter-or-online']),
    /** Its own portal code, when it has one. */
    code: procedureCodeSchema.optional(),
    members: z.array(groupMemberSchema).min(2),
    /** Absent when the sources give no limit for the group as a whole. */
    processingTime: processingTimeSchema.optional(),
    /** A shorter or longer limit when only some members are filed. */
    variants: z.array(z.object({ members: z.array(keySchema).min(1), processingTime: processingTimeSchema })).default([]),
    extensions: z.array(timeExtensionSchema).default([]),
    legalBasis: z.array(z.string().min(1)).min(1),
    caveats: z.array(caveatSchema).default([]),
  })
  .superRefine((g, ctx) => {
    const keys = new Set(g.members.map((m) => m.key));
    if (keys.size !== g.members.length) ctx.addIssue({ code: 'custom', message: 'duplicate-key', params: { key: g.id }, path: ['members'] });
    g.variants.forEach((v, i) =>
      v.members.forEach((m, j) => {
        if (!keys.has(m)) ctx.addIssue({ code: 'custom', message: 'unknown-field', params: { key: m }, path: ['variants', i, 'members', j] });
      }),
    );
  });

/** A fee amount after parsing. */
export type FeeAmount = z.infer<typeof feeAmountSchema>;
/** A fee after parsing. */
export type Fee = z.infer<typeof feeSchema>;
/** A required paper after parsing. */
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;
/** A time extension after parsing. */
export type TimeExtension = z.infer<typeof timeExtensionSchema>;
/** A caveat after parsing. */
export type Caveat = z.infer<typeof caveatSchema>;
/** One procedure version after parsing (defaults filled in). */
export type Procedure = z.infer<typeof procedureSchema>;
/** What the hub (or the seed) writes: defaults may be left out. */
export type ProcedureInput = z.input<typeof procedureSchema>;
/** One liên thông group version after parsing. */
export type ProcedureGroup = z.infer<typeof procedureGroupSchema>;
/** A group as written, before defaults. */
export type ProcedureGroupInput = z.input<typeof procedureGroupSchema>;

/** True when a caveat marks this part of the procedure (or group) unconfirmed. */
export function isUnconfirmed(item: { readonly caveats: readonly Caveat[] }, about: Caveat['about']): boolean {
  return item.caveats.some((c) => c.about === about && c.unconfirmed);
}
