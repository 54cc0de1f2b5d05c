/**
 * Schemas of intake and workflow: the procedure picker, autosaved drafts, receiving a dossier,
 * reading it and moving it through the state machine. Inputs are strict and every string has a
 * ceiling, so an oversize or unexpected value is refused at the gate before any service runs.
 * Ids of drafts and dossiers are UUIDv7 chosen by the screen when the form opens: a retried save
 * or receipt then names the same row, and a lost reply can never create a second dossier.
 */
import { z } from 'zod';
import { dossierStatuses, slipKinds, transitionNames } from '../dossier/states';
import { isUuidv7 } from '../id/uuidv7';
import { feeSchema, procedureCodeSchema, processingTimeSchema, requiredDocumentSchema } from '../procedures/procedure';
import { keySchema, procedureFormSchema } from '../procedures/fields';

/** The longest free text a clerk types into a reason or note (a slip has room for about this). */
export const MAX_NOTE_LENGTH = 2000;
/** The longest single form value; the catalogue's own limits are far below it. */
export const MAX_VALUE_LENGTH = 2000;
/** More fields than any declaration has, with room for a richer catalogue version. */
export const MAX_FORM_FIELDS = 200;
/** More papers than any procedure asks for. */
export const MAX_DOCUMENTS = 50;

const Localized = z.object({ vi: z.string(), en: z.string() });
/** ISO UTC instant, as the store keeps times. */
const Instant = z.string();

/** A row id created on a PC (UUIDv7, lower case). */
export const RowId = z.string().max(36).refine(isUuidv7, { message: 'uuidv7' });

/** Form values by field key, as the intake screen holds them: text, numbers, or null for a cleared field. */
export const FormValuesInput = z
  .record(keySchema, z.union([z.string().max(MAX_VALUE_LENGTH), z.number(), z.null()]))
  .refine((values) => Object.keys(values).length <= MAX_FORM_FIELDS, { message: 'too-many-fields' });

/** Keys of the required papers the clerk ticked as handed in or shown. */
export const DocumentKeysInput = z.array(keySchema).max(MAX_DOCUMENTS);

/** The person who files the dossier (người nộp hồ sơ), as typed. */
export const ApplicantInput = z
  .object({
    name: z.string().max(200),
    idNumber: z.string().max(32).optional(),
    phone: z.string().max(32).optional(),
  })
  .strict();

const ApplicantView = z.object({ name: z.string(), idNumber: z.string().nullable(), phone: z.string().nullable() });

// ---- procedure.list ----

/** One procedure version as the intake picker and form need it. */
export const ProcedureListItem = z.object({
  code: z.string(),
  version: z.number().int(),
  /** "1.001193@1": what a dossier stores to pin its version. */
  key: z.string(),
  name: Localized,
  sector: z.enum(['civil-status', 'attestation']),
  processingTime: processingTimeSchema,
  fee: feeSchema,
  documents: z.array(requiredDocumentSchema),
  form: procedureFormSchema,
});

/** `procedure.list`: the versions in force today. */
export const ProcedureListOutput = z.object({
  /** Today on the office calendar, `YYYY-MM-DD`: the day the versions are in force. */
  day: z.string(),
  items: z.array(ProcedureListItem),
});

// ---- drafts ----

/**
 * An autosave: the whole form as it stands, not a diff, so saving the same batch twice is
 * harmless. A volunteer's save keeps a dossier in status `draft`; anyone else's keeps a private
 * unsaved form. A volunteer draft being corrected by a clerk stays that dossier.
 */
export const DraftSaveInput = z
  .object({
    id: RowId,
    procedureCode: procedureCodeSchema,
    applicant: ApplicantInput.partial().strict().default({}),
    values: FormValuesInput.default({}),
    documents: DocumentKeysInput.default([]),
  })
  .strict();

/** `form`: a clerk's private unsaved form; `dossier`: a dossier in status draft (a volunteer's). */
export const DraftKind = z.enum(['form', 'dossier']);

/** `draft.save`'s answer: where the draft lives and when it was committed. */
export const DraftSaved = z.object({
  id: z.string(),
  kind: DraftKind,
  /** When the core committed this save (ISO UTC); the screen shows "đã lưu lúc …". */
  savedAt: Instant,
  /** The dossier draft's row version (pass it to accept the draft); null for a form draft. */
  rowVersion: z.number().int().nullable(),
});

/** Names a draft (`draft.get`, `draft.discard`). */
export const DraftIdInput = z.object({ id: RowId }).strict();

/** A draft as last saved, to reopen the form exactly. */
export const DraftView = z.object({
  id: z.string(),
  kind: DraftKind,
  procedureCode: z.string(),
  applicant: ApplicantView,
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  documents: z.array(z.string()),
  createdAt: Instant,
  updatedAt: Instant,
  rowVersion: z.number().int().nullable(),
});

/** `draft.list`: the caller's unsaved forms, then the dossier drafts they may act on. */
export const DraftList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: DraftKind,
      procedureCode: z.string(),
      applicantName: z.string(),
      updatedAt: Instant,
      rowVersion: z.number().int().nullable(),
      /** `volunteer` for a volunteer's draft; `counter` for a clerk's form (one that has scanned papers is a dossier draft too). */
      channel: z.enum(['counter', 'volunteer']),
    }),
  ),
});

// ---- dossiers ----

/** The statutory clock's pauses, as stored: ISO UTC instants; `to` null while it is stopped. */
export const ClockStopView = z.object({ from: Instant, to: Instant.nullable(), effect: z.enum(['pause', 'restart']), transition: z.string() });

/** One dossier as the dossier screen shows it. */
export const DossierView = z.object({
  id: z.string(),
  /** Mã hồ sơ; null for a draft. */
  code: z.string().nullable(),
  procedure: z.object({ code: z.string(), version: z.number().int(), name: Localized }),
  status: z.enum(dossierStatuses),
  statusLabel: Localized,
  channel: z.enum(['counter', 'online', 'volunteer']),
  applicant: ApplicantView,
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  documents: z.array(z.object({ id: z.string(), key: z.string(), title: z.string() })),
  receivedAt: Instant.nullable(),
  receivedBy: z.string().nullable(),
  /** The appointment (ISO UTC); while the clock is stopped, the one that applied when it stopped. */
  dueAt: Instant.nullable(),
  /** The appointment on the office clock (Vietnam time), "2026-11-23T17:00". */
  dueLocal: z.string().nullable(),
  clockStopped: z.boolean(),
  clockStops: z.array(ClockStopView),
  /** True once the return date was moved (it may be, once). */
  rescheduled: z.boolean(),
  resolvedAt: Instant.nullable(),
  returnedAt: Instant.nullable(),
  result: z.object({ number: z.string(), registerBook: z.string().nullable(), registerPage: z.string().nullable() }).nullable(),
  assigneeId: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  /** Pass it back with a transition: a change by someone else in between is then refused. */
  rowVersion: z.number().int(),
});

/** What a slip printer needs; the documents layer lays it out on the official form. */
export const SlipToPrint = z.object({
  kind: z.enum(slipKinds),
  title: Localized,
  dossierId: z.string(),
  dossierCode: z.string().nullable(),
  procedureName: z.string(),
  applicantName: z.string(),
  /** Display name of the officer who issues it. */
  officer: z.string(),
  issuedAt: Instant,
  dueAt: Instant.nullable(),
  /** "17 giờ 00 phút, ngày 23/11/2026". */
  dueText: z.string().nullable(),
  /** On an apology slip: the appointment it replaces. */
  previousDueAt: Instant.nullable(),
  reason: z.string().nullable(),
  /** The papers received (receipt) or concerned. */
  documents: z.array(z.object({ key: z.string(), name: z.string() })),
});

/** Receiving at the counter: everything the clerk entered and ticked. */
const ReceiveAtCounter = z
  .object({
    from: z.literal('counter'),
    id: RowId,
    procedureCode: procedureCodeSchema,
    applicant: ApplicantInput,
    values: FormValuesInput,
    documents: DocumentKeysInput,
  })
  .strict();

/**
 * Accepting a volunteer's draft (`accept-draft`): the version the clerk reviewed, and any
 * corrections made while reviewing (omitted parts are taken from the draft).
 */
const AcceptDraft = z
  .object({
    from: z.literal('draft'),
    id: RowId,
    rowVersion: z.int().min(1),
    applicant: ApplicantInput.optional(),
    values: FormValuesInput.optional(),
    documents: DocumentKeysInput.optional(),
  })
  .strict();

/** `dossier.receive`: from the counter form, or accepting a volunteer's draft. */
export const ReceiveInput = z.discriminatedUnion('from', [ReceiveAtCounter, AcceptDraft]);

/** `dossier.receive`'s answer: the received dossier and its receipt slip. */
export const ReceiveOutput = z.object({
  dossier: DossierView,
  /** The receipt and appointment slip (Mẫu 01). */
  slip: SlipToPrint,
  /** True when this id had already been received (a retried call): nothing new was written. */
  alreadyReceived: z.boolean(),
});

/** Names a dossier by its id. */
export const DossierIdInput = z.object({ id: RowId }).strict();

/** `dossier.history`: every event, oldest first, with the officer's name. */
export const DossierHistory = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: Instant,
      actor: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
      /** A transition name, or 'view'. */
      action: z.string(),
      label: Localized.nullable(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      note: z.string().nullable(),
      data: z.unknown(),
    }),
  ),
});

/** Transitions made through `dossier.transition`; the creating ones have calls of their own. */
export const WorkflowTransitionName = z.enum(transitionNames).exclude(['create-draft', 'accept-draft', 'receive']);

/** `dossier.transition`: the transition, the row version the screen showed, and what the transition needs. */
export const TransitionInput = z
  .object({
    id: RowId,
    transition: WorkflowTransitionName,
    rowVersion: z.int().min(1),
    /** Printed on the slip and kept in the history; required where the state machine says so. */
    reason: z.string().max(MAX_NOTE_LENGTH).optional(),
    /** An internal note for the history only. */
    note: z.string().max(MAX_NOTE_LENGTH).optional(),
    /** For `resolve`: the result's number and, for civil status, the register book and page. */
    result: z.object({ number: z.string().max(50), registerBook: z.string().max(50).optional(), registerPage: z.string().max(20).optional() }).strict().optional(),
    /** For `reschedule`: the new appointment on the office clock, "2026-11-30T16:00". */
    rescheduleTo: z.string().max(25).optional(),
    /** For `transfer`: the officer who will process it. */
    assigneeId: z.string().max(64).optional(),
    /**
     * For `transfer` to a linked agency (liên thông, e.g. the police for residence registration):
     * its electronic code when known, and its name as printed on the control sheet.
     */
    toAgency: z.object({ code: z.string().trim().max(20).optional(), name: z.string().trim().min(1).max(200) }).strict().optional(),
    /**
     * For `request-supplement`: the papers to supplement or correct, printed on Mẫu 02 and kept in
     * the history: keys of the procedure's papers, or a paper named in words.
     */
    documents: z.array(z.string().trim().min(1).max(300)).max(30).optional(),
  })
  .strict();

/** `dossier.transition`'s answer: the dossier after it and the slip to print, if any. */
export const TransitionOutput = z.object({ dossier: DossierView, slip: SlipToPrint.nullable() });

/** Which call performs a button: most go through `dossier.transition`. */
export const TransitionCall = z.enum(['dossier.transition', 'dossier.receive', 'draft.discard']);

/** `dossier.transitions-available`: the buttons for the signed-in role. */
export const AvailableTransitions = z.object({
  status: z.enum(dossierStatuses),
  rowVersion: z.number().int(),
  transitions: z.array(
    z.object({ name: z.enum(transitionNames), label: Localized, reasonRequired: z.boolean(), slip: z.enum(slipKinds).nullable(), call: TransitionCall }),
  ),
});

/** See `DossierView`. */
export type DossierView = z.infer<typeof DossierView>;
/** See `SlipToPrint`. */
export type SlipToPrint = z.infer<typeof SlipToPrint>;
/** See `DraftView`. */
export type DraftView = z.infer<typeof DraftView>;
/** See `ProcedureListItem`. */
export type ProcedureListItem = z.infer<typeof ProcedureListItem>;
/** See `WorkflowTransitionName`. */
export type WorkflowTransitionName = z.infer<typeof WorkflowTransitionName>;

// ---- scanning into a form ----

/**
 * `draft.document`: the form as `draft.save` takes it, plus the paper about to be scanned. Pages
 * need a dossier to belong to, so a clerk's unsaved form becomes a dossier draft (kept on this PC,
 * never synced) the first time one of its papers is scanned; it is then received with
 * `dossier.receive {from: 'draft'}`.
 */
export const DraftDocumentInput = DraftSaveInput.extend({ paper: keySchema }).strict();

/** Where the paper's pages go, and the dossier draft's row version (to receive it later). */
export const DraftDocument = z.object({ dossierId: z.string(), documentId: z.string(), rowVersion: z.number().int() });
