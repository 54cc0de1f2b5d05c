/**
 * `info`, `health` and `call <name> [json]`: any contract entry through the same core and router
 * as the app, so a support engineer sees exactly what a screen would.
 */
import { appVersion } from '../../../shared/version';
import { explainStartupError, openCore } from '../../services/core';
import type { CliCommand, CliContext } from '../command';
import { UsageError } from '../command';
import { formatReply } from '../format';

async function invoke(ctx: CliContext, name: string, input: unknown): Promise<number> {
  let core;
  try {
    core = await openCore({ version: appVersion, dataDir: ctx.dataDir, profile: ctx.profile, host: 'cli', clock: ctx.clock });
  } catch (error) {
    console.error(explainStartupError(error));
    return 1;
  }
  try {
    const reply = await core.invoke(name, input);
    ctx.print(ctx.json ? JSON.stringify(reply, null, 2) : formatReply(reply));
    return reply.ok ? 0 : 1;
  } finally {
    core.dispose();
  }
}

export const infoCommand: CliCommand = { name: 'info', options: {}, run: (ctx) => invoke(ctx, 'app.info', {}) };

export const healthCommand: CliCommand = { name: 'health', options: {}, run: (ctx) => invoke(ctx, 'health.check', {}) };

export const callCommand: CliCommand = {
  name: 'call',
  options: {},
  async run(ctx) {
    const [name, json] = ctx.args;
    if (name === undefined) throw new UsageError('Thiếu tên chức năng cần gọi.', 'The name of the call is missing.');
    let input: unknown = {};
    try {
      if (json !== undefined) input = JSON.parse(json) as unknown;
    } catch {
      throw new UsageError('Dữ liệu JSON không hợp lệ.', 'The JSON input is not valid.');
    }
    return invoke(ctx, name, input);
  },
};
