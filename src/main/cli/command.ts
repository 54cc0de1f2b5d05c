/**
 * What every CLI command gets and returns. Commands are wiring: they read their options, call a
 * service, and print the answer in Vietnamese then English (or JSON with `--json`). Exit codes:
 * 0 done, 1 the service refused or found a problem, 2 the command line itself was wrong.
 */
import type { ParseArgsConfig } from 'node:util';
import type { AppError } from '../../shared/api/errors';
import type { Clock } from '../services/clock';

export interface CliContext {
  /** The root data folder (`--data-dir`). */
  readonly root: string;
  /** The folder of the open data: the root for the commune's data, `training/` in the sandbox. */
  readonly dataDir: string;
  readonly profile: 'production' | 'training';
  readonly json: boolean;
  /** Positional arguments after the command's name. */
  readonly args: readonly string[];
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
  readonly clock: Clock;
  /** The answer: stdout. */
  readonly print: (text: string) => void;
  /** Progress lines: stdout for people, stderr with `--json` so that stdout stays one document. */
  readonly progress: (text: string) => void;
}

export interface CliCommand {
  readonly name: string;
  /** Options of this command, besides the global `--data-dir`, `--json` and `--help`. */
  readonly options: NonNullable<ParseArgsConfig['options']>;
  run(ctx: CliContext): Promise<number>;
}

/** A mistake on the command line; printed with the usage hint, exit code 2. */
export class UsageError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'UsageError';
  }
}

/** `{ok: true, value}` as JSON, the shape `call` prints too. */
export function printJson(ctx: CliContext, value: unknown): void {
  ctx.print(JSON.stringify({ ok: true, value }, null, 2));
}

/** A whole number within bounds from an option, or a UsageError naming the option. */
export function integerOption(ctx: CliContext, name: string, min: number, max: number): number | undefined {
  const raw = ctx.options[name];
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' && /^\d+$/u.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} phải là số nguyên từ ${min} đến ${max}.`, `--${name} must be a whole number from ${min} to ${max}.`);
  }
  return n;
}

/** A string option, if given. */
export function stringOption(ctx: CliContext, name: string): string | undefined {
  const raw = ctx.options[name];
  return typeof raw === 'string' ? raw : undefined;
}

/** The error as people read it: the code, then the Vietnamese and English messages. */
export function describeFailure(error: AppError): string {
  const { code, message } = error.toApiError();
  return `LỖI / ERROR ${code}\n${message.vi}\n${message.en}`;
}
