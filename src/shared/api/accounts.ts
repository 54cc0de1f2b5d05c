import { z } from 'zod';
import { roles } from '../dossier/roles';

export const RoleSchema = z.enum(roles);

/**
 * How long a session may sit unused before it locks: the core locks it for calls, and the screen
 * locks itself at the same moment without waiting for a call (issue 13).
 */
export const SESSION_IDLE_MS = 15 * 60_000;

/** A signed-in account as every screen sees it. */
export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
});
export type SessionUser = z.infer<typeof SessionUser>;

const Username = z.string().trim().min(1).max(64);
const Password = z.string().min(1).max(256);

export const LoginInput = z.object({ username: Username, password: Password }).strict();
/**
 * `mustChangePassword`: the account signed in with a setup code or a password an administrator
 * reset; until `account.choose-password` succeeds, every other call is refused.
 */
export const LoginOutput = z.object({ token: z.string(), user: SessionUser, mustChangePassword: z.boolean() });

export const CurrentSession = z.object({ user: SessionUser.nullable(), locked: z.boolean(), mustChangePassword: z.boolean() });

/** The new password of an account that must choose one (first sign-in, after a reset). */
export const ChoosePasswordInput = z.object({ newPassword: Password }).strict();

export const UnlockInput = z.object({ password: Password }).strict();

export const ChangePasswordInput = z.object({ currentPassword: Password, newPassword: Password }).strict();

export const CreateAccountInput = z
  .object({ username: Username, displayName: z.string().trim().min(1).max(120), role: RoleSchema, password: Password })
  .strict();

export const AccountSummary = SessionUser.extend({ active: z.boolean(), lockedUntil: z.string().nullable(), mustChangePassword: z.boolean() });

/** An administrator's change to an account: any of role, active flag and name. */
export const UpdateAccountInput = z
  .object({ id: z.string().min(1).max(64), role: RoleSchema.optional(), active: z.boolean().optional(), displayName: z.string().trim().min(1).max(120).optional() })
  .strict();

export const AccountIdInput = z.object({ id: z.string().min(1).max(64) }).strict();

/** A reset: the one-time password to hand to the person, shown once, never stored in clear. */
export const PasswordReset = z.object({ account: AccountSummary, temporaryPassword: z.string() });
export const AccountList = z.array(AccountSummary);
