import type { ValidationIssue } from '../validation';

/**
 * Thrown by the deadline functions for input they cannot work with. `issue.code` is stable;
 * `issue.message.vi` tells the clerk (or the administrator who set up the procedure catalogue)
 * what to correct, `issue.message.en` is for the English switch and support staff.
 */
export class DeadlineError extends Error {
  readonly issue: ValidationIssue;

  constructor(issue: ValidationIssue) {
    super(`${issue.code}: ${issue.message.en}`);
    this.name = 'DeadlineError';
    this.issue = issue;
  }
}

/** Throws the issue as a DeadlineError when there is one. */
export function throwIfIssue(problem: ValidationIssue | undefined): void {
  if (problem !== undefined) throw new DeadlineError(problem);
}
