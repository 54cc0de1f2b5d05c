import { z } from 'zod';
import { roles } from '../dossier/roles';

export const RoleSchema = z.enum(roles);

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
export const LoginOutput = z.object({ token: z.string(), user: SessionUser });

export const CurrentSession = z.object({ user: SessionUser.nullable(), locked: z.boolean() });

export const UnlockInput = z.object({ password: Password }).strict();

export const ChangePasswordInput = z.object({ currentPassword: Password, newPassword: Password }).strict();

export const CreateAccountInput = z
  .object({ username: Username, displayName: z.string().trim().min(1).max(120), role: RoleSchema, password: Password })
  .strict();

export const AccountSummary = SessionUser.extend({ active: z.boolean(), lockedUntil: z.string().nullable() });
export const AccountList = z.array(AccountSummary);
