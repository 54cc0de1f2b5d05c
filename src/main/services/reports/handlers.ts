import { dossierReaders, unusualAccess } from '../audit/reads';
import { exportSubject } from '../audit/subject-export';
import { AppError } from '../../../shared/api/errors';
import type { Handlers } from '../router';
import { reportSummary, type ReportDeps } from './summary';

/** Binds the period report and the audit of reads to the contract. The router has already checked the role. */
export function reportHandlers(deps: ReportDeps): Pick<Handlers, 'report.summary' | 'dossier.readers' | 'report.unusual-access' | 'subject.export'> {
  return {
    'report.summary': (input) => reportSummary(deps, input),
    'dossier.readers': (input) => dossierReaders(deps, input.id),
    'report.unusual-access': (input) => unusualAccess(deps, input),
    'subject.export': (input, ctx) => {
      if (!ctx.user) throw new AppError('auth.required');
      return exportSubject(deps, ctx.user, input.idNumber);
    },
  };
}
