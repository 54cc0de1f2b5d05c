/**
 * Turns what went wrong in a sync attempt into a catalogue error (src/shared/api/errors.ts), so
 * the badge and `sync.enrol` speak Vietnamese and English with codes support can look up.
 */
import { AppError, describeError, type ApiError } from '../shared/api/errors';
import { SyncError } from './hub-api';

/** The catalogue error for a failed sync call against `hubUrl`. */
export function syncFailure(error: unknown, hubUrl: string): ApiError {
  if (error instanceof AppError) return error.toApiError();
  if (!(error instanceof SyncError)) return describeError('internal');
  if (error.code === 'network') return describeError('sync.hub-unreachable', { hubUrl });
  if (error.code === 'seq-gap') return describeError('sync.out-of-step');
  // 426: the hub no longer serves this protocol version (issue 7c).
  if (error.code === 'upgrade-required') return describeError('sync.upgrade-required');
  if (error.status === 401 || error.status === 403 || error.code === 'device-key-invalid') return describeError('sync.device-refused');
  return describeError('sync.hub-error', { reason: error.status === undefined ? error.code : `${error.code}, HTTP ${error.status}` });
}

/** Why an enrolment failed: a refused code or a hub that is not the package's is the data centre's to fix, the rest as above. */
export function enrolFailure(error: unknown, hubUrl: string): AppError {
  if (error instanceof SyncError && error.code === 'hub-signature') return new AppError('sync.hub-signature');
  if (error instanceof SyncError && (error.code === 'enrol-code-invalid' || error.status === 400 || error.status === 403)) {
    return new AppError('sync.enrol-code-invalid');
  }
  const failure = syncFailure(error, hubUrl);
  return new AppError(failure.code, failure.params);
}

/** True when the hub could not be reached at all (the lane goes offline and probes). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof SyncError && error.code === 'network';
}
