/**
 * `seed-demo --dossiers N [--seed S]`: invented dossiers, always into the training sandbox
 * (never the commune's data). The sandbox core is opened first so that it gets its demo commune
 * and accounts; a folder with nothing open yet opens the sandbox from now on.
 */
import { appVersion } from '../../../shared/version';
import { openCore } from '../../services/core';
import { MAX_DEMO_DOSSIERS, seedDemoDossiers } from '../../services/demo/seed-demo';
import { withDataStore } from '../../services/maintenance/data-folder';
import { folderOf, readActiveProfile, writeActiveProfile, hasDatabase } from '../../services/desk/folders';
import { integerOption, printJson, UsageError, type CliCommand } from '../command';

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  options: { dossiers: { type: 'string' }, seed: { type: 'string' } },
  async run(ctx) {
    const count = integerOption(ctx, 'dossiers', 1, MAX_DEMO_DOSSIERS);
    if (count === undefined) throw new UsageError('Hãy cho biết số hồ sơ mẫu: --dossiers N.', 'Say how many demo dossiers: --dossiers N.');
    const seed = integerOption(ctx, 'seed', 0, 2 ** 32 - 1);
    const training = folderOf(ctx.root, 'training');
    (await openCore({ version: appVersion, dataDir: training, profile: 'training', host: 'cli', clock: ctx.clock })).dispose();
    if (readActiveProfile(ctx.root) === undefined && !hasDatabase(ctx.root, 'production')) writeActiveProfile(ctx.root, 'training');
    const started = performance.now();
    const result = await withDataStore(training, (store) =>
      seedDemoDossiers(
        { store, clock: ctx.clock },
        {
          count,
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
