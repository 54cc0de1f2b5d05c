import { AppError } from '../../../shared/api/errors';
import type { Handlers } from '../router';
import { resetPassword, updateAccount } from './account-admin';
import { accountList, changePassword, choosePassword, createAccount, login, toSessionUser, unlock, type AccountsDeps } from './accounts';
import type { StoredUser } from '../../store/repos/users';

type AccountHandlers = Pick<
  Handlers,
  | 'session.login'
  | 'session.current'
  | 'session.logout'
  | 'session.unlock'
  | 'account.change-password'
  | 'account.choose-password'
  | 'account.create'
  | 'account.list'
  | 'account.update'
  | 'account.reset-password'
>;

const summary = (u: StoredUser) => ({ ...toSessionUser(u), active: u.active, lockedUntil: u.lockedUntil, mustChangePassword: u.mustChangePassword });

/** Binds the accounts use cases to the contract. The router has already checked access. */
export function accountHandlers(deps: AccountsDeps): AccountHandlers {
  const signedIn = (user: ReturnType<typeof toSessionUser> | undefined) => {
    if (!user) throw new AppError('auth.required');
    return user;
  };
  return {
    'session.login': (input) => login(deps, input.username, input.password),
    'session.current': (_input, ctx) => {
      const check = deps.sessions.check(ctx.token);
      if (check.kind === 'none' || check.kind === 'ended') return { user: null, locked: false, mustChangePassword: false };
      return { user: check.user, locked: check.kind === 'locked', mustChangePassword: check.mustChangePassword };
    },
    'session.logout': (_input, ctx) => {
      deps.sessions.close(ctx.token);
      return { done: true } as const;
    },
    'session.unlock': (input, ctx) => unlock(deps, ctx.token ?? '', signedIn(ctx.user), input.password),
    'account.change-password': async (input, ctx) => {
      await changePassword(deps, ctx.token, signedIn(ctx.user), input.currentPassword, input.newPassword);
      return { done: true } as const;
    },
    'account.choose-password': async (input, ctx) => {
      // Only a session opened with a setup code or a reset password, and not locked: otherwise
      // anyone at an idle or open counter could replace the password without knowing it.
      const session = deps.sessions.check(ctx.token);
      const user = signedIn(ctx.user);
      if (session.kind !== 'active' || !session.mustChangePassword) throw new AppError('auth.forbidden', { role: user.role, action: 'account.choose-password' });
      await choosePassword(deps, ctx.token, user, input.newPassword);
      return { done: true } as const;
    },
    'account.create': async (input) => summary(await createAccount(deps, input)),
    'account.list': () => accountList(deps).map(summary),
    'account.update': (input, ctx) => summary(updateAccount(deps, signedIn(ctx.user), input)),
    'account.reset-password': async (input, ctx) => {
      const { account, temporaryPassword } = await resetPassword(deps, signedIn(ctx.user), input.id);
      return { account: summary(account), temporaryPassword };
    },
  };
}
