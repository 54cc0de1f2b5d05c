/**
 * Dossiers (hồ sơ). The repository owns two invariants: the applicant's name is stored in NFC
 * beside its folded search form (so the FTS index can never disagree with the name), and every
 * update names the `row_version` it read, so two officers cannot overwrite each other silently.
 * Statuses are plain text here; which transitions are legal is the state machine's business.
 */
import { AppError } from '../../../shared/api/errors';
import { foldVietnamese } from '../../../shared/text/vietnamese';
import type { ReadDb, WriteDb } from '../db';
import { fromJson, prepared, toJson } from '../statements';

/** How the dossier reached the commune: at the counter, through the portal, or via a volunteer. */
export type DossierChannel = 'counter' | 'online' | 'volunteer';

/** What a use case supplies to create a dossier. Times are ISO 8601 UTC (`toISOString()`). */
export interface NewDossier {
  /** UUIDv7. */
  readonly id: string;
  /** Mã hồ sơ; null while the dossier is a draft. */
  readonly code: string | null;
  readonly procedureCode: string;
  readonly procedureVersion: number;
  readonly status: string;
  readonly channel: DossierChannel;
  readonly applicantName: string;
  readonly applicantIdNumber: string | null;
  /** National form, digits only ("0912345678"), so that search by phone is an exact match. */
  readonly applicantPhone: string | null;
  readonly form: unknown;
  readonly receivedAt: string | null;
  readonly receivedBy: string | null;
  readonly dueAt: string | null;
  /** Pauses of the statutory clock; the deadline code in src/shared owns their shape. */
  readonly clockStops?: unknown;
  readonly assigneeId?: string | null;
  /** Set when the dossier arrives already resolved or returned (pulled from the hub). */
  readonly resolvedAt?: string | null;
  readonly returnedAt?: string | null;
  readonly resultNumber?: string | null;
  readonly registerBook?: string | null;
  readonly registerPage?: string | null;
  readonly createdAt: string;
}

type Optional = 'clockStops' | 'assigneeId' | 'resolvedAt' | 'returnedAt' | 'resultNumber' | 'registerBook' | 'registerPage';

/** A dossier as stored. */
export interface StoredDossier extends Omit<NewDossier, Optional> {
  readonly clockStops: unknown;
  readonly assigneeId: string | null;
  readonly resolvedAt: string | null;
  readonly returnedAt: string | null;
  /** Number of the result (e.g. the birth certificate's số). */
  readonly resultNumber: string | null;
  /** Quyển số and trang of the civil-status register. */
  readonly registerBook: string | null;
  readonly registerPage: string | null;
  readonly updatedAt: string;
  /** Increments on every update; pass the one you read to `updateDossier`. */
  readonly rowVersion: number;
}

/** The fields a use case may change after creation. */
export type DossierChanges = Partial<
  Pick<
    StoredDossier,
    | 'code' | 'procedureVersion' | 'status' | 'applicantName' | 'applicantIdNumber' | 'applicantPhone' | 'form'
    | 'receivedAt' | 'receivedBy' | 'dueAt' | 'clockStops' | 'resolvedAt' | 'returnedAt' | 'resultNumber'
    | 'registerBook' | 'registerPage' | 'assigneeId'
  >
>;

/** The table's columns as SQLite returns them. */
export interface DossierRow {
  readonly rid: number;
  readonly id: string;
  readonly code: string | null;
  readonly procedure_code: string;
  readonly procedure_version: number;
  readonly status: string;
  readonly channel: DossierChannel;
  readonly applicant_name: string;
  readonly applicant_name_folded: string;
  readonly applicant_id_number: string | null;
  readonly applicant_phone: string | null;
  readonly form: string;
  readonly received_at: string | null;
  readonly received_by: string | null;
  readonly due_at: string | null;
  readonly clock_stops: string;
  readonly resolved_at: string | null;
  readonly returned_at: string | null;
  readonly result_number: string | null;
  readonly register_book: string | null;
  readonly register_page: string | null;
  readonly assignee_id: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly row_version: number;
}

/** Expects `applicantName` already in NFC: the folded form is derived from exactly what is stored. */
function toRow(d: StoredDossier): Omit<DossierRow, 'rid'> {
  const applicantName = d.applicantName;
  return {
    id: d.id,
    code: d.code,
    procedure_code: d.procedureCode,
    procedure_version: d.procedureVersion,
    status: d.status,
    channel: d.channel,
    applicant_name: applicantName,
    applicant_name_folded: foldVietnamese(applicantName),
    applicant_id_number: d.applicantIdNumber,
    applicant_phone: d.applicantPhone,
    form: toJson(d.form),
    received_at: d.receivedAt,
    received_by: d.receivedBy,
    due_at: d.dueAt,
    clock_stops: toJson(d.clockStops),
    resolved_at: d.resolvedAt,
    returned_at: d.returnedAt,
    result_number: d.resultNumber,
    register_book: d.registerBook,
    register_page: d.registerPage,
    assignee_id: d.assigneeId,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    row_version: d.rowVersion,
  };
}

function fromRow(r: DossierRow): StoredDossier {
  return {
    id: r.id,
    code: r.code,
    procedureCode: r.procedure_code,
    procedureVersion: r.procedure_version,
    status: r.status,
    channel: r.channel,
    applicantName: r.applicant_name,
    applicantIdNumber: r.applicant_id_number,
    applicantPhone: r.applicant_phone,
    form: fromJson(r.form),
    receivedAt: r.received_at,
    receivedBy: r.received_by,
    dueAt: r.due_at,
    clockStops: fromJson(r.clock_stops),
    resolvedAt: r.resolved_at,
    returnedAt: r.returned_at,
    resultNumber: r.result_number,
    registerBook: r.register_book,
    registerPage: r.register_page,
    assigneeId: r.assignee_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    rowVersion: r.row_version,
  };
}

const INSERT = `
  INSERT INTO dossiers (
    id, code, procedure_code, procedure_version, status, channel, applicant_name, applicant_name_folded,
    applicant_id_number, applicant_phone, form, received_at, received_by, due_at, clock_stops, resolved_at,
    returned_at, result_number, register_book, register_page, assignee_id, created_at, updated_at, row_version
  ) VALUES (
    @id, @code, @procedure_code, @procedure_version, @status, @channel, @applicant_name, @applicant_name_folded,
    @applicant_id_number, @applicant_phone, @form, @received_at, @received_by, @due_at, @clock_stops, @resolved_at,
    @returned_at, @result_number, @register_book, @register_page, @assignee_id, @created_at, @updated_at, @row_version
  )`;

/** Inserts a new dossier (row_version 1) and indexes it for search in the same transaction. */
export function insertDossier(db: WriteDb, dossier: NewDossier): StoredDossier {
  const stored: StoredDossier = {
    ...dossier,
    applicantName: dossier.applicantName.normalize('NFC'),
    clockStops: dossier.clockStops ?? [],
    assigneeId: dossier.assigneeId ?? null,
    resolvedAt: dossier.resolvedAt ?? null,
    returnedAt: dossier.returnedAt ?? null,
    resultNumber: dossier.resultNumber ?? null,
    registerBook: dossier.registerBook ?? null,
    registerPage: dossier.registerPage ?? null,
    updatedAt: dossier.createdAt,
    rowVersion: 1,
  };
  prepared(db, INSERT).run(toRow(stored));
  return stored;
}

const UPDATE = `
  UPDATE dossiers SET
    code = @code, procedure_version = @procedure_version, status = @status, applicant_name = @applicant_name,
    applicant_name_folded = @applicant_name_folded, applicant_id_number = @applicant_id_number,
    applicant_phone = @applicant_phone, form = @form, received_at = @received_at, received_by = @received_by,
    due_at = @due_at, clock_stops = @clock_stops, resolved_at = @resolved_at, returned_at = @returned_at,
    result_number = @result_number, register_book = @register_book, register_page = @register_page,
    assignee_id = @assignee_id, updated_at = @updated_at, row_version = @row_version
  WHERE id = @id AND row_version = @expected_row_version`;

/**
 * Applies `changes` to the dossier if it is still at `expectedRowVersion`, and returns the new
 * state. Throws AppError 'store.not-found' or 'store.stale-row' (which rolls back the caller's
 * whole transaction, as it should: the officer acted on an outdated screen).
 */
export function updateDossier(db: WriteDb, id: string, expectedRowVersion: number, changes: DossierChanges, updatedAt: string): StoredDossier {
  const current = getDossierById(db, id);
  if (current === undefined) throw new AppError('store.not-found', { entity: 'dossier' });
  if (current.rowVersion !== expectedRowVersion) throw new AppError('store.stale-row', { entity: 'dossier' });
  // A key present with `undefined` means "not given", as in a spread; null clears a field.
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as DossierChanges;
  const merged: StoredDossier = { ...current, ...given, updatedAt, rowVersion: current.rowVersion + 1 };
  const next: StoredDossier = { ...merged, applicantName: merged.applicantName.normalize('NFC') };
  const result = prepared(db, UPDATE).run({ ...toRow(next), expected_row_version: expectedRowVersion });
  if (result.changes !== 1) throw new AppError('store.stale-row', { entity: 'dossier' });
  return next;
}

/** Shorthand for a status change; the caller appends the matching event. */
export function updateDossierStatus(db: WriteDb, id: string, expectedRowVersion: number, status: string, updatedAt: string): StoredDossier {
  return updateDossier(db, id, expectedRowVersion, { status }, updatedAt);
}

/** The dossier with this id (UUIDv7), if any. */
export function getDossierById(db: ReadDb, id: string): StoredDossier | undefined {
  const row = prepared(db, 'SELECT * FROM dossiers WHERE id = ?').get(id) as DossierRow | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** The dossier with this exact code (mã hồ sơ), if any. */
export function findDossierByCode(db: ReadDb, code: string): StoredDossier | undefined {
  const row = prepared(db, 'SELECT * FROM dossiers WHERE code = ?').get(code) as DossierRow | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** How many dossiers the PC holds (drafts included). */
export function countDossiers(db: ReadDb): number {
  return (prepared(db, 'SELECT count(*) AS n FROM dossiers').get() as { n: number }).n;
}

/**
 * Dossiers in one status, most recently changed first, at most `limit`: the drafts volunteers left
 * for a clerk. Drafts have no due moment, so the queues (ordered by due_at) never show them.
 */
export function listDossiersInStatus(db: ReadDb, status: string, limit: number): StoredDossier[] {
  const rows = prepared(db, 'SELECT * FROM dossiers WHERE status = ? ORDER BY updated_at DESC, rid DESC LIMIT ?').all(status, limit) as DossierRow[];
  return rows.map(fromRow);
}

/**
 * Writes the hub's state of a dossier (sync pull): inserts it, or replaces the local row with the
 * hub's row version. The sync client decides when (never over local changes not yet pushed).
 */
export function putDossierFromHub(db: WriteDb, dossier: StoredDossier): void {
  const stored: StoredDossier = { ...dossier, applicantName: dossier.applicantName.normalize('NFC') };
  const existing = getDossierById(db, dossier.id);
  if (existing === undefined) {
    prepared(db, INSERT).run(toRow(stored));
    return;
  }
  prepared(db, UPDATE).run({ ...toRow(stored), expected_row_version: existing.rowVersion });
}
