import type { SessionUser } from '../../../shared/api/accounts';
import { AppError } from '../../../shared/api/errors';

/** The router established the user for every non-public call; its absence is a wiring bug, refused as unsigned. */
export function signedIn(user: SessionUser | undefined): SessionUser {
  if (user === undefined) throw new AppError('auth.required');
  return user;
}
