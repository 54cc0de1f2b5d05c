/**
 * Issuing a dossier code (mã hồ sơ) inside the receipt's transaction: the next number of this
 * PC's sequence blocks for the receipt day, recorded in `dossier_sequences`, so the number
 * commits or rolls back with the dossier that carries it and no two receipts share one.
 */
import { AppError, validationError } from '../../../shared/api/errors';
import { formatIsoDate, parseIsoDate } from '../../../shared/calendar/civil-date';
import type { LocalDateTime } from '../../../shared/deadline';
import { formatDossierCode, isValidAgencyCode, nextDossierSequence } from '../../../shared/dossier/code';
import type { WriteDb } from '../../store/db';
import { allocateDossierSequence } from '../../store/repos/dossier-sequences';
import { readSequenceBlocks } from '../settings/sequence-blocks';

/** The code for a dossier received at `receivedAt` (office clock) by the unit `agencyCode`. */
export function issueDossierCode(db: WriteDb, agencyCode: string, receivedAt: LocalDateTime): string {
  if (!isValidAgencyCode(agencyCode)) throw new AppError('intake.not-provisioned', { detail: 'mã đơn vị / agency code' });
  const blocks = readSequenceBlocks(db);
  const date = receivedAt.date;
  const sequence = allocateDossierSequence(db, agencyCode, formatIsoDate(date), (last) => {
    const lastDate = last === undefined ? undefined : parseIsoDate(last.day);
    const next = nextDossierSequence({ blocks, lastIssued: lastDate === undefined || last === undefined ? undefined : { date: lastDate, sequence: last.sequence } }, date);
    if (!next.ok) throw validationError(next.error);
    return next.value;
  });
  return formatDossierCode({ agencyCode, date, sequence });
}
