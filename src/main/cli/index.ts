/**
 * Support CLI for data-centre staff: `motcua <command> [--data-dir DIR] [--json]`. Each command
 * lives in commands/ and calls services; this file only parses the line, picks the command and
 * turns failures into bilingual messages and exit codes (0 done, 1 refused or unhealthy, 2 usage).
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/api/errors';
import { systemClock, type Clock } from '../services/clock';
import { explainStartupError } from '../services/core';
import { defaultDataDir } from '../services/settings/data-dir';
import { describeFailure, UsageError, type CliCommand, type CliContext } from './command';
import { backupCommand } from './commands/backup';
import { callCommand, healthCommand, infoCommand } from './commands/call';
import { doctorCommand } from './commands/doctor';
import { restoreCommand } from './commands/restore';
import { printersCommand, printTestCommand } from './commands/print';
import { scanCommand, scannersCommand } from './commands/scan';
import { seedDemoCommand } from './commands/seed-demo';
import { provisionCommand } from './commands/provision';
import { folderOf, readActiveProfile } from '../services/desk/folders';
import { statsCommand } from './commands/stats';
import { usage } from './usage';

const commands: readonly CliCommand[] = [infoCommand, healthCommand, callCommand, doctorCommand, statsCommand, backupCommand, restoreCommand, seedDemoCommand, provisionCommand, scannersCommand, scanCommand, printersCommand, printTestCommand];
const globalOptions = { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } as const;

/** Runs one command line; resolves to the exit code. `clock` is for tests. */
export async function runCli(argv: string[], deps: { readonly clock?: Clock } = {}): Promise<number> {
  const first = parseArgs({ args: argv, allowPositionals: true, strict: false, options: globalOptions });
  const command = commands.find((c) => c.name === first.positionals[0]);
  if (first.values.help === true || command === undefined) {
    console.log(usage());
    return first.values.help === true ? 0 : 2;
  }
  let ctx: CliContext | undefined;
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...globalOptions, ...command.options } });
    const json = values.json === true;
    const root = typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir();
    // The CLI looks at whichever data the app would open: the commune's, or the sandbox.
    const profile = readActiveProfile(root) ?? 'production';
    ctx = {
      root,
      dataDir: folderOf(root, profile),
      profile,
      json,
      args: positionals.slice(1),
      options: values,
      clock: deps.clock ?? systemClock,
      print: (text) => console.log(text),
      progress: (text) => (json ? console.error(text) : console.log(text)),
    };
    return await command.run(ctx);
  } catch (error) {
    return report(error, ctx?.json === true);
  }
}

function report(error: unknown, json: boolean): number {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    const [vi, en] = error instanceof UsageError ? [error.vi, error.en] : ['Tuỳ chọn dòng lệnh không hợp lệ.', error.message];
    console.error(`${vi}\n${en}\nXem / see: motcua --help`);
    return 2;
  }
  if (error instanceof AppError) {
    if (json) console.log(JSON.stringify({ ok: false, error: error.toApiError() }, null, 2));
    else console.log(describeFailure(error));
    return 1;
  }
  console.error(explainStartupError(error));
  return 1;
}
