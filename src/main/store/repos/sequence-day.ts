/**
 * The last running number issued on one given day. `lastIssuedSequence` answers for the most
 * recent day only, which is what issuing a code needs; filling past days with demo dossiers
 * needs each day's own count, so that a second seeding continues where the first one stopped.
 */
import type { ReadDb } from '../db';
import { prepared } from '../statements';

/** The last number issued for `agencyCode` on `day` (`YYYY-MM-DD`), if any. */
export function sequenceIssuedOn(db: ReadDb, agencyCode: string, day: string): number | undefined {
  const row = prepared(db, 'SELECT last_sequence FROM dossier_sequences WHERE agency_code = ? AND day = ?').get(agencyCode, day) as
    | { last_sequence: number }
    | undefined;
  return row?.last_sequence;
}
