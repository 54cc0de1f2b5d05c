/**
 * The state machine's refusals as API errors. Its issue already says, in Vietnamese, why; the
 * code tells the screen what kind of refusal it is: a role that may not act is `auth.forbidden`
 * (as the router's own role check), a wrong status `dossier.illegal-transition`, anything else
 * (a missing reason, a second reschedule) `validation.failed`.
 */
import { AppError, validationError } from '../../../shared/api/errors';
import type { Role } from '../../../shared/dossier/roles';
import type { TransitionName } from '../../../shared/dossier/states';
import type { ValidationIssue } from '../../../shared/validation';

/** The API error for a refusal of `transition` by the state machine. */
export function transitionError(issue: ValidationIssue, role: Role, transition: TransitionName): AppError {
  switch (issue.code) {
    case 'dossier.role-not-allowed':
      return new AppError('auth.forbidden', { role, action: transition }, issue.message);
    case 'dossier.transition-not-allowed':
    case 'dossier.not-created':
      return new AppError('dossier.illegal-transition', { transition, issue: issue.code }, issue.message);
    default:
      return validationError(issue);
  }
}
