import type { Handlers } from '../router';
import { reportSummary, type ReportDeps } from './summary';

/** Binds the period report to the contract. The router has already checked the role. */
export function reportHandlers(deps: ReportDeps): Pick<Handlers, 'report.summary'> {
  return { 'report.summary': (input) => reportSummary(deps, input) };
}
