/**
 * Autosaved forms (bản nháp): the intake form is saved as the clerk types, so a crash or a
 * power cut loses no keystroke. Local only; a draft becomes a dossier when it is received.
 */
import type { ReadDb, WriteDb } from '../db';
import { fromJson, prepared, toJson } from '../statements';

export interface Draft {
  readonly id: string;
  readonly userId: string;
  readonly procedureCode: string;
  readonly form: unknown;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DraftRow {
  readonly id: string;
  readonly user_id: string;
  readonly procedure_code: string;
  readonly form: string;
  readonly created_at: string;
  readonly updated_at: string;
}

function fromRow(r: DraftRow): Draft {
  return { id: r.id, userId: r.user_id, procedureCode: r.procedure_code, form: fromJson(r.form), createdAt: r.created_at, updatedAt: r.updated_at };
}

/**
 * Creates the draft, or replaces its form and procedure. The owner never changes: a draft
 * keeps the user who started it. `createdAt` is used only when the draft is new.
 */
export function upsertDraft(db: WriteDb, draft: Omit<Draft, 'updatedAt'>, updatedAt: string): void {
  prepared(
    db,
    `INSERT INTO drafts (id, user_id, procedure_code, form, created_at, updated_at) VALUES (@id, @user_id, @procedure_code, @form, @created_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET procedure_code = excluded.procedure_code, form = excluded.form, updated_at = excluded.updated_at`,
  ).run({ id: draft.id, user_id: draft.userId, procedure_code: draft.procedureCode, form: toJson(draft.form), created_at: draft.createdAt, updated_at: updatedAt });
}

export function getDraft(db: ReadDb, id: string): Draft | undefined {
  const row = prepared(db, 'SELECT * FROM drafts WHERE id = ?').get(id) as DraftRow | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** The user's drafts, most recently edited first. */
export function listDraftsByUser(db: ReadDb, userId: string): Draft[] {
  return (prepared(db, 'SELECT * FROM drafts WHERE user_id = ? ORDER BY updated_at DESC').all(userId) as DraftRow[]).map(fromRow);
}

/** Removes the draft (received or abandoned); true if it existed. */
export function deleteDraft(db: WriteDb, id: string): boolean {
  return prepared(db, 'DELETE FROM drafts WHERE id = ?').run(id).changes > 0;
}
