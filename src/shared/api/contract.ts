/**
 * The API contract: every call the renderer (or CLI) can make, by name, with zod schemas for
 * input and output. Electron IPC, the browser host's `POST /api/<name>` and the CLI are all
 * derived from this table, so a call name is written exactly once.
 */
import { z } from 'zod';
import { AppInfo, HealthReport } from './app';

const NoInput = z.object({}).strict();

export const contract = {
  /** Version, data folder, commune and counts: the first thing every screen shows. */
  'app.info': { input: NoInput, output: AppInfo },
  /** Quick self-check of the core (database reachable and intact, data folder writable). */
  'health.check': { input: NoInput, output: HealthReport },
} as const;

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
