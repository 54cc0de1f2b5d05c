/** Binds the backup calls of the Settings screen to the contract. The router has already checked the role and the input. */
import type { Handlers } from '../router';
import type { BackupJobs } from './backup-jobs';

export function maintenanceHandlers(jobs: BackupJobs): Pick<Handlers, 'backup.start' | 'backup.status' | 'backup.list'> {
  return {
    'backup.start': () => ({ jobId: jobs.start() }),
    'backup.status': (input) => jobs.status(input.jobId),
    'backup.list': () => jobs.list(),
  };
}
