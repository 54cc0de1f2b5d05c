import { AppError } from '../../../shared/api/errors';
import type { Handlers } from '../router';
import { accountList, changePassword, createAccount, login, toSessionUser, unlock, type AccountsDeps } from './accounts';

type AccountHandlers = Pick<
  Handlers,
  'session.login' | 'session.current' | 'session.logout' | 'session.unlock' | 'account.change-password' | 'account.create' | 'account.list'
>;

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
      return check.kind === 'none' ? { user: null, locked: false } : { user: check.user, locked: check.kind === 'locked' };
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
    'account.create': async (input) => {
      const user = await createAccount(deps, input);
      return { ...toSessionUser(user), active: user.active, lockedUntil: user.lockedUntil };
    },
    'account.list': () => accountList(deps).map((u) => ({ ...toSessionUser(u), active: u.active, lockedUntil: u.lockedUntil })),
  };
}
