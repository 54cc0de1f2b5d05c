/**
 * Schemas of the counter's lists: today's queue (`queue.today`) and the one search box
 * (`dossier.search`). Both return the same list row, so the screens render them alike. Cursors
 * are opaque strings: pass `next` back unchanged to get the following page.
 */
import { z } from 'zod';

/**
 * The sections of today's queue, in the order the screen shows them: `online` holds dossiers
 * received online waiting to be accepted, `drafts` volunteers' drafts waiting for a clerk.
 */
export const queueSections = ['dueToday', 'overdue', 'supplement', 'mine', 'online', 'drafts'] as const;
export type QueueSectionName = (typeof queueSections)[number];

/** The queue statuses of src/shared/deadline.ts, as they travel. */
export const QueueStatusSchema = z.enum(['stopped', 'overdue', 'due-today', 'due-soon', 'on-track']);

/** The most rows one page of a list may hold: a screen shows far fewer. */
export const MAX_LIST_PAGE = 100;

const PageSize = z.int().min(1).max(MAX_LIST_PAGE);
/** A cursor as the core issued it; its content is checked by the service that reads it. */
const Cursor = z.string().min(1).max(80);
const Instant = z.string();
const Localized = z.object({ vi: z.string(), en: z.string() });

/** One dossier as a row of a list: what the clerk needs to recognise it and act on it. */
export const DossierListItem = z.object({
  id: z.string(),
  /** Mã hồ sơ; null for a draft. */
  code: z.string().nullable(),
  applicantName: z.string(),
  procedureCode: z.string(),
  /** The procedure's Vietnamese name, when the catalogue knows the code. */
  procedureName: z.string().nullable(),
  status: z.string(),
  statusLabel: Localized,
  channel: z.enum(['counter', 'online', 'volunteer']),
  /** ISO UTC instants. */
  receivedAt: Instant.nullable(),
  dueAt: Instant.nullable(),
  /** The due moment on the office clock (Vietnam time), "2026-11-23T14:05". */
  dueLocal: z.string().nullable(),
  /** Null when no deadline applies (a result ready or returned, a dossier without a due moment). */
  queueStatus: QueueStatusSchema.nullable(),
  assigneeId: z.string().nullable(),
});
export type DossierListItem = z.infer<typeof DossierListItem>;

export const QueueTodayInput = z
  .object({
    /** Which sections to return; all when omitted. */
    sections: z.array(z.enum(queueSections)).min(1).max(queueSections.length).optional(),
    /** Rows per section; 20 when omitted. */
    limit: PageSize.optional(),
    /** Where each section's previous page stopped. */
    after: z.object({ dueToday: Cursor, overdue: Cursor, supplement: Cursor, mine: Cursor, online: Cursor, drafts: Cursor }).partial().strict().optional(),
  })
  .strict();

export const QueueSection = z.object({ items: z.array(DossierListItem), next: Cursor.nullable() });

export const QueueToday = z.object({
  /** The core's clock when the queue was read (ISO UTC). */
  now: Instant,
  /** Today on the office calendar (Vietnam time), `YYYY-MM-DD`. */
  today: z.string(),
  sections: z.object({ dueToday: QueueSection, overdue: QueueSection, supplement: QueueSection, mine: QueueSection, online: QueueSection, drafts: QueueSection }).partial(),
});
export type QueueToday = z.infer<typeof QueueToday>;

/** How the search box read the text: a code, an ID number, a phone, a number fragment or a name. */
export const searchRoutes = ['code', 'id-number', 'phone', 'number', 'name', 'name-any-order'] as const;
export type SearchRoute = (typeof searchRoutes)[number];

/** The longest text the search box sends: longer than any name, code or number. */
export const MAX_SEARCH_LENGTH = 100;

export const DossierSearchInput = z
  .object({
    q: z.string().trim().min(1).max(MAX_SEARCH_LENGTH),
    /** Rows per page; 20 when omitted. */
    limit: PageSize.optional(),
    after: Cursor.optional(),
  })
  .strict();

export const DossierSearchResult = z.object({
  route: z.enum(searchRoutes),
  items: z.array(DossierListItem),
  next: Cursor.nullable(),
});
export type DossierSearchResult = z.infer<typeof DossierSearchResult>;
