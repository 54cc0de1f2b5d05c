/**
 * The procedure catalogue (thủ tục hành chính), versioned, from the hub. A dossier records the
 * version it was received under; a new version applies from its `effectiveFrom` day, so the
 * version "in force" depends on the date asked about.
 */
import type { ReadDb, WriteDb } from '../db';
import { fromJson, prepared, toJson } from '../statements';

export interface ProcedureVersion {
  /** National procedure code (mã thủ tục), e.g. "1.001193". */
  readonly code: string;
  readonly version: number;
  /** First day in force, `YYYY-MM-DD`. */
  readonly effectiveFrom: string;
  readonly name: string;
  /** Form fields, required documents, time limit…; src/shared parses it. */
  readonly definition: unknown;
  readonly updatedAt: string;
}

interface ProcedureRow {
  readonly code: string;
  readonly version: number;
  readonly effective_from: string;
  readonly name: string;
  readonly definition: string;
  readonly updated_at: string;
}

function fromRow(r: ProcedureRow): ProcedureVersion {
  return { code: r.code, version: r.version, effectiveFrom: r.effective_from, name: r.name, definition: fromJson(r.definition), updatedAt: r.updated_at };
}

/** Stores a version as the hub published it, replacing an earlier copy of the same version. */
export function upsertProcedureVersion(db: WriteDb, p: ProcedureVersion): void {
  prepared(
    db,
    `INSERT INTO procedures (code, version, effective_from, name, definition, updated_at)
     VALUES (@code, @version, @effective_from, @name, @definition, @updated_at)
     ON CONFLICT (code, version) DO UPDATE SET effective_from = excluded.effective_from, name = excluded.name,
       definition = excluded.definition, updated_at = excluded.updated_at`,
  ).run({ code: p.code, version: p.version, effective_from: p.effectiveFrom, name: p.name.normalize('NFC'), definition: toJson(p.definition), updated_at: p.updatedAt });
}

export function getProcedureVersion(db: ReadDb, code: string, version: number): ProcedureVersion | undefined {
  const row = prepared(db, 'SELECT * FROM procedures WHERE code = ? AND version = ?').get(code, version) as ProcedureRow | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** The version of `code` in force on `day` (`YYYY-MM-DD`): the latest one that started by then. */
export function getProcedureInForce(db: ReadDb, code: string, day: string): ProcedureVersion | undefined {
  const row = prepared(db, 'SELECT * FROM procedures WHERE code = ? AND effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1').get(
    code,
    day,
  ) as ProcedureRow | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** Every procedure's version in force on `day`, by code (the intake picker). */
export function listProceduresInForce(db: ReadDb, day: string): ProcedureVersion[] {
  const rows = prepared(
    db,
    `SELECT p.* FROM procedures AS p
     WHERE p.effective_from <= @day AND NOT EXISTS (
       SELECT 1 FROM procedures AS later
       WHERE later.code = p.code AND later.effective_from <= @day
         AND (later.effective_from > p.effective_from OR (later.effective_from = p.effective_from AND later.version > p.version)))
     ORDER BY p.code`,
  ).all({ day }) as ProcedureRow[];
  return rows.map(fromRow);
}

/** How many procedure versions are stored (zero on a PC that has no catalogue yet). */
export function countProcedureVersions(db: ReadDb): number {
  return (prepared(db, 'SELECT count(*) AS n FROM procedures').get() as { n: number }).n;
}
