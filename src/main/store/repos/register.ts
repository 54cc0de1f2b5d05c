/**
 * The register of received dossiers (Sổ theo dõi hồ sơ) for a period: every dossier with a code
 * received in [from, to), in order of receipt, over the received_at index. Instants are ISO UTC.
 */
import type { ReadDb } from '../db';
import { prepared } from '../statements';

/** One line of the register as stored. */
export interface RegisterLine {
  readonly code: string;
  readonly applicantName: string;
  readonly procedureName: string;
  readonly receivedAt: string;
  readonly dueAt: string | null;
  readonly status: string;
}

const SELECT = `SELECT d.code, d.applicant_name AS applicantName, COALESCE(p.name, d.procedure_code) AS procedureName,
    d.received_at AS receivedAt, d.due_at AS dueAt, d.status
  FROM dossiers d
  LEFT JOIN procedures p ON p.code = d.procedure_code AND p.version = d.procedure_version
  WHERE d.received_at >= ? AND d.received_at < ? AND d.code IS NOT NULL
  ORDER BY d.received_at, d.rid
  LIMIT ?`;

/** Dossiers received in [from, to), at most `limit`. */
export function listReceivedBetween(db: ReadDb, from: string, to: string, limit: number): RegisterLine[] {
  return prepared(db, SELECT).all(from, to, limit) as RegisterLine[];
}
