/**
 * Support CLI for data-centre staff: `motcua-cli <command> [--data-dir DIR] [--json]`.
 * It opens the same core as the app and calls it through the same contract.
 */
import { parseArgs } from 'node:util';
import { apiNames } from '../../shared/api/contract';
import { appVersion } from '../../shared/version';
import { systemClock } from '../services/clock';
import { explainStartupError, openCore } from '../services/core';
import { defaultDataDir } from '../services/settings/data-dir';
import { formatReply } from './format';

const usage = `Motcua Desk ${appVersion} — công cụ hỗ trợ / support CLI

Cách dùng / usage:
  motcua-cli info                 thông tin phần mềm và dữ liệu / app and data info
  motcua-cli health               tự kiểm tra / self-check
  motcua-cli call <tên> [JSON]    gọi một chức năng của API / call an API function
                                  (${apiNames.join(', ')})
Tuỳ chọn / options:
  --data-dir DIR   thư mục dữ liệu / data folder (mặc định / default: ${defaultDataDir()})
  --json           in JSON / print JSON`;

export async function runCli(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  const call = resolveCall(command, rest);
  if (values.help || call === undefined) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  let input: unknown;
  try {
    input = call.input === undefined ? {} : (JSON.parse(call.input) as unknown);
  } catch {
    console.error('Dữ liệu JSON không hợp lệ. / The JSON input is not valid.');
    return 2;
  }
  let core;
  try {
    core = await openCore({ version: appVersion, dataDir: values['data-dir'] ?? defaultDataDir(), host: 'cli', clock: systemClock });
  } catch (error) {
    console.error(explainStartupError(error));
    return 1;
  }
  try {
    const reply = await core.invoke(call.name, input);
    console.log(values.json ? JSON.stringify(reply, null, 2) : formatReply(reply));
    return reply.ok ? 0 : 1;
  } finally {
    core.dispose();
  }
}

function resolveCall(command: string | undefined, rest: string[]): { name: string; input?: string } | undefined {
  if (command === 'info') return { name: 'app.info' };
  if (command === 'health') return { name: 'health.check' };
  if (command === 'call' && rest[0] !== undefined) return rest[1] === undefined ? { name: rest[0] } : { name: rest[0], input: rest[1] };
  return undefined;
}
