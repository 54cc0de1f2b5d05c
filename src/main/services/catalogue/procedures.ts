/**
 * The procedure catalogue as use cases read it: stored versions parsed through the shared schema,
 * so intake validates against exactly what the hub (or the seed) published. A stored version
 * that no longer parses is treated as absent rather than trusted.
 */
import { AppError } from '../../../shared/api/errors';
import { parseProcedure } from '../../../shared/procedures/catalogue';
import type { Procedure } from '../../../shared/procedures/procedure';
import type { ReadDb } from '../../store/db';
import { getProcedureInForce, getProcedureVersion, listProceduresInForce, type ProcedureVersion } from '../../store/repos/procedures';

function parsed(stored: ProcedureVersion | undefined, day?: string): Procedure | undefined {
  if (stored === undefined) return undefined;
  const result = parseProcedure(stored.definition);
  if (!result.ok) {
    console.warn(`[catalogue] stored procedure ${stored.code}@${stored.version} does not parse: ${result.error.code}`);
    return undefined;
  }
  // The store picks by start date only; a version whose end date has come is no longer in force.
  if (day !== undefined && result.value.effectiveUntil !== undefined && result.value.effectiveUntil <= day) return undefined;
  return result.value;
}

/** The version of `code` in force on `day` (`YYYY-MM-DD`); AppError 'procedure.unknown' if none. */
export function requireProcedureInForce(db: ReadDb, code: string, day: string): Procedure {
  const procedure = parsed(getProcedureInForce(db, code, day), day);
  if (procedure === undefined) throw new AppError('procedure.unknown', { code });
  return procedure;
}

/** The exact version a dossier was received (or drafted) under, if this PC holds it. */
export function findProcedureVersion(db: ReadDb, code: string, version: number): Procedure | undefined {
  return parsed(getProcedureVersion(db, code, version));
}

/** The exact version a dossier was received (or drafted) under; AppError 'procedure.unknown' if gone. */
export function requireProcedureVersion(db: ReadDb, code: string, version: number): Procedure {
  const procedure = findProcedureVersion(db, code, version);
  if (procedure === undefined) throw new AppError('procedure.unknown', { code: `${code}@${version}` });
  return procedure;
}

/** Every procedure in force on `day`, by code. */
export function listProcedures(db: ReadDb, day: string): Procedure[] {
  return listProceduresInForce(db, day).flatMap((stored) => parsed(stored, day) ?? []);
}
