/**
 * Finding a dossier at the counter: by the applicant's name (folded prefixes through FTS5), by
 * a fragment of the code or ID number (FTS5), or by an exact code, ID number or phone (B-tree
 * indexes). Results come newest first: the citizen at the counter is most likely asking about a
 * recent dossier, and "newest first" is the one order FTS5 can serve without ranking every match
 * of a name as common as Nguyễn. Pages are keyset on the rowid.
 */
import type { ReadDb } from '../db';
import { pageSize, toPage, type Page } from '../paging';
import { fromSummaryRow, SUMMARY_COLUMNS, type DossierSummary, type SummaryRow } from '../repos/dossier-summary';
import { prepared } from '../statements';
import { nameMatch, numberMatch } from './fts-query';

/** Where the previous page stopped; pass `next` back unchanged. */
export interface SearchCursor {
  readonly before: number;
}

export interface SearchOptions {
  readonly limit?: number;
  readonly after?: SearchCursor;
}

export interface NameSearchOptions extends SearchOptions {
  /** Match the words in any order instead of as a phrase (see `nameMatch`). */
  readonly anyOrder?: boolean;
}

type SearchPage = Page<DossierSummary, SearchCursor>;

const NO_CURSOR = Number.MAX_SAFE_INTEGER;
const empty: SearchPage = { items: [] };

const FTS = `SELECT ${SUMMARY_COLUMNS} FROM dossiers_fts JOIN dossiers ON dossiers.rid = dossiers_fts.rowid
  WHERE dossiers_fts MATCH @match AND dossiers_fts.rowid < @before
  ORDER BY dossiers_fts.rowid DESC LIMIT @limit`;
const BY_ID_NUMBER = `SELECT ${SUMMARY_COLUMNS} FROM dossiers
  WHERE applicant_id_number = @value AND rid < @before ORDER BY rid DESC LIMIT @limit`;
const BY_PHONE = `SELECT ${SUMMARY_COLUMNS} FROM dossiers
  WHERE applicant_phone = @value AND rid < @before ORDER BY rid DESC LIMIT @limit`;
const BY_CODE = `SELECT ${SUMMARY_COLUMNS} FROM dossiers WHERE code = ?`;

function run(db: ReadDb, sql: string, params: Record<string, string>, options: SearchOptions): SearchPage {
  const limit = pageSize(options.limit, 20);
  const rows = prepared(db, sql).all({ ...params, before: options.after?.before ?? NO_CURSOR, limit: limit + 1 }) as SummaryRow[];
  return toPage(rows, limit, fromSummaryRow, (r) => ({ before: r.rid }));
}

/** By the applicant's name, diacritics and đ ignored: "nguyen van a" finds "Nguyễn Văn An". */
export function searchDossiersByName(db: ReadDb, text: string, options: NameSearchOptions = {}): SearchPage {
  const match = nameMatch(text, options.anyOrder);
  return match === undefined ? empty : run(db, FTS, { match }, options);
}

/** By a fragment of the dossier code or the first digits of an ID number. */
export function searchDossiersByNumber(db: ReadDb, text: string, options: SearchOptions = {}): SearchPage {
  const match = numberMatch(text);
  return match === undefined ? empty : run(db, FTS, { match }, options);
}

/** Every dossier of the person with this 12-digit ID number (digits only, as stored). */
export function searchDossiersByIdNumber(db: ReadDb, idNumber: string, options: SearchOptions = {}): SearchPage {
  return run(db, BY_ID_NUMBER, { value: idNumber }, options);
}

/** Every dossier with this phone number, in national form ("0912345678"). */
export function searchDossiersByPhone(db: ReadDb, phone: string, options: SearchOptions = {}): SearchPage {
  return run(db, BY_PHONE, { value: phone }, options);
}

/** The dossier with exactly this code, as a list row. */
export function findDossierSummaryByCode(db: ReadDb, code: string): DossierSummary | undefined {
  const row = prepared(db, BY_CODE).get(code) as SummaryRow | undefined;
  return row === undefined ? undefined : fromSummaryRow(row);
}
