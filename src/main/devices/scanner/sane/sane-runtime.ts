/**
 * libsane's process-wide lifetime (init/exit, counted across driver instances) and its statuses
 * as the clerk's errors.
 */
import { AppError } from '../../../../shared/api/errors';
import { loadedSane, loadSane, SaneStatus, type SaneLibrary } from './sane-ffi';

/** Turns a SANE status into the clerk's error. */
export function saneError(status: number, lib?: SaneLibrary): AppError {
  switch (status) {
    case SaneStatus.JAMMED:
      return new AppError('scanner.paper-jam');
    case SaneStatus.NO_DOCS:
      return new AppError('scanner.no-paper');
    case SaneStatus.DEVICE_BUSY:
      return new AppError('scanner.busy');
    case SaneStatus.CANCELLED:
      return new AppError('scanner.cancelled');
    case SaneStatus.COVER_OPEN:
      return new AppError('scanner.cover-open');
    default:
      return new AppError('scanner.failed', { reason: lib?.strstatus(status) ?? `SANE status ${status}` });
  }
}

/**
 * libsane's state is per process, so the count of its users is too: sane_exit runs only when
 * the last listing or session of any SaneScanner instance is done.
 */
let saneUsers = 0;

export async function acquireSane(): Promise<SaneLibrary> {
  let lib: SaneLibrary;
  try {
    lib = await loadSane();
  } catch {
    throw new AppError('scanner.no-device', { device: 'SANE' });
  }
  if (saneUsers === 0) {
    const status = lib.init();
    if (status !== SaneStatus.GOOD) throw saneError(status, lib);
  }
  saneUsers++;
  return lib;
}

export function releaseSane(): void {
  saneUsers--;
  if (saneUsers === 0) loadedSane()?.exit();
}
