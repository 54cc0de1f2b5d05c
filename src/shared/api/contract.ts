/**
 * The API contract: every call the renderer (or CLI) can make, by name, with zod schemas for
 * input and output. Electron IPC, the browser host's `POST /api/<name>` and the CLI are all
 * derived from this table, so a call name is written exactly once.
 */
import { z } from 'zod';
import type { Role } from '../dossier/roles';
import { AccountList, AccountSummary, ChangePasswordInput, CreateAccountInput, CurrentSession, LoginInput, LoginOutput, SessionUser, UnlockInput } from './accounts';
import { AppInfo, HealthReport } from './app';

const NoInput = z.object({}).strict();
const Done = z.object({ done: z.literal(true) });

/**
 * Who may make a call: `public` needs no session; `session` any session, even one locked for
 * idleness (unlock, logout); `signed-in` an unlocked session; a role list one of those roles.
 * Transitions of a dossier are checked again, per transition, against the state machine.
 */
export type Access = 'public' | 'session' | 'signed-in' | readonly Role[];

export const contract = {
  /** Version, data folder, commune and counts: the first thing every screen shows. */
  'app.info': { input: NoInput, output: AppInfo, access: 'public' },
  /** Quick self-check of the core (database reachable and intact, data folder writable). */
  'health.check': { input: NoInput, output: HealthReport, access: 'public' },
  /** Signs in with a local account; the token goes with every later call. */
  'session.login': { input: LoginInput, output: LoginOutput, access: 'public' },
  /** Who is signed in on this token, and whether the screen is locked; `user` is null without a session. */
  'session.current': { input: NoInput, output: CurrentSession, access: 'public' },
  /** Ends the session; the token stops working at once. */
  'session.logout': { input: NoInput, output: Done, access: 'session' },
  /** Unlocks a session locked after idle time, with the account's password. */
  'session.unlock': { input: UnlockInput, output: SessionUser, access: 'session' },
  /** Changes the signed-in account's password; needs the current one. */
  'account.change-password': { input: ChangePasswordInput, output: Done, access: 'signed-in' },
  /** Creates a local account (administrators only). */
  'account.create': { input: CreateAccountInput, output: AccountSummary, access: ['admin'] },
  /** Every local account, by user name (administrators only). */
  'account.list': { input: NoInput, output: AccountList, access: ['admin'] },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType; access: Access }>;

export type Contract = typeof contract;
export type ApiName = keyof Contract;
export type ApiInput<N extends ApiName> = z.input<Contract[N]['input']>;
export type ApiOutput<N extends ApiName> = z.output<Contract[N]['output']>;
/** The input as a handler receives it: after the contract's schema has parsed it. */
export type ApiParsedInput<N extends ApiName> = z.output<Contract[N]['input']>;

export const apiNames = Object.keys(contract) as ApiName[];

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
