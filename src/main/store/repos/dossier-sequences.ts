/**
 * The running number in dossier codes, per receiving agency and day (domain-vn §2.1). Which
 * number comes next is decided by `nextDossierSequence` in src/shared (this PC's sequence
 * blocks); this table remembers what was issued. Allocation reads and writes inside the caller's
 * IMMEDIATE transaction, so two saves on one PC can never draw the same number, and the number
 * commits or rolls back together with the dossier that carries it.
 */
import type { ReadDb, WriteDb } from '../db';
import { prepared } from '../statements';

/** A number issued for an agency on a day (`YYYY-MM-DD`, the receipt's local date). */
export interface IssuedSequence {
  readonly day: string;
  readonly sequence: number;
}

/** The most recent day this PC issued a code for the agency, with the last number of that day. */
export function lastIssuedSequence(db: ReadDb, agencyCode: string): IssuedSequence | undefined {
  const row = prepared(db, 'SELECT day, last_sequence FROM dossier_sequences WHERE agency_code = ? ORDER BY day DESC LIMIT 1').get(agencyCode) as
    | { day: string; last_sequence: number }
    | undefined;
  return row === undefined ? undefined : { day: row.day, sequence: row.last_sequence };
}

/**
 * Allocates the next number for `agencyCode` on `day`: `pick` receives the last issued number
 * (any day, as `nextDossierSequence` wants it) and returns the new one, or throws to refuse.
 * Throws RangeError if `pick` returns a number that does not move that day's count forward
 * (a repeated code is a programmer error, not a clerk's).
 */
export function allocateDossierSequence(db: WriteDb, agencyCode: string, day: string, pick: (last: IssuedSequence | undefined) => number): number {
  const next = pick(lastIssuedSequence(db, agencyCode));
  const today = prepared(db, 'SELECT last_sequence FROM dossier_sequences WHERE agency_code = ? AND day = ?').get(agencyCode, day) as
    | { last_sequence: number }
    | undefined;
  if (!Number.isInteger(next) || next < 1 || next > 9999 || (today !== undefined && next <= today.last_sequence)) {
    throw new RangeError(`Sequence ${next} for ${agencyCode} on ${day} would repeat or leave 1–9999 (last ${today?.last_sequence ?? 'none'})`);
  }
  prepared(
    db,
    `INSERT INTO dossier_sequences (agency_code, day, last_sequence) VALUES (?, ?, ?)
     ON CONFLICT (agency_code, day) DO UPDATE SET last_sequence = excluded.last_sequence`,
  ).run(agencyCode, day, next);
  return next;
}
