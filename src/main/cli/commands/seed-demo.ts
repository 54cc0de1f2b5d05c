/**
 * `seed-demo --dossiers N [--force] [--seed S]`: invented dossiers for a training PC. The core
 * is opened first so that a fresh folder gets its demo commune and accounts, as on first run.
 */
import { appVersion } from '../../../shared/version';
import { openCore } from '../../services/core';
import { MAX_DEMO_DOSSIERS, seedDemoDossiers } from '../../services/demo/seed-demo';
import { withDataStore } from '../../services/maintenance/data-folder';
import { integerOption, printJson, UsageError, type CliCommand } from '../command';

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  options: { dossiers: { type: 'string' }, force: { type: 'boolean' }, seed: { type: 'string' } },
  async run(ctx) {
    const count = integerOption(ctx, 'dossiers', 1, MAX_DEMO_DOSSIERS);
    if (count === undefined) throw new UsageError('Hãy cho biết số hồ sơ mẫu: --dossiers N.', 'Say how many demo dossiers: --dossiers N.');
    const seed = integerOption(ctx, 'seed', 0, 2 ** 32 - 1);
    (await openCore({ version: appVersion, dataDir: ctx.dataDir, host: 'cli', clock: ctx.clock })).dispose();
    const started = performance.now();
    const result = await withDataStore(ctx.dataDir, (store) =>
      seedDemoDossiers(
        { store, clock: ctx.clock },
        {
          count,
          force: ctx.options.force === true,
          ...(seed === undefined ? {} : { seed }),
          onProgress: (done, total) => ctx.progress(`Đã tạo / Created ${done.toLocaleString('vi-VN')} / ${total.toLocaleString('vi-VN')} hồ sơ / dossiers`),
        },
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    if (ctx.json) printJson(ctx, { ...result, seconds });
    else {
      ctx.print(`Xong: ${result.inserted} hồ sơ mẫu cho ${result.commune}, tiếp nhận từ ${result.firstDay} đến ${result.lastDay} (${seconds.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây).`);
      ctx.print(`Done: ${result.inserted} demo dossiers for ${result.commune}, received ${result.firstDay} to ${result.lastDay} (${seconds.toFixed(1)} s).`);
    }
    return 0;
  },
};
