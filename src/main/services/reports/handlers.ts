import { dossierReaders, unusualAccess } from '../audit/reads';
import type { Handlers } from '../router';
import { reportSummary, type ReportDeps } from './summary';

/** Binds the period report and the audit of reads to the contract. The router has already checked the role. */
export function reportHandlers(deps: ReportDeps): Pick<Handlers, 'report.summary' | 'dossier.readers' | 'report.unusual-access'> {
  return {
    'report.summary': (input) => reportSummary(deps, input),
    'dossier.readers': (input) => dossierReaders(deps, input.id),
    'report.unusual-access': (input) => unusualAccess(deps, input),
  };
}
