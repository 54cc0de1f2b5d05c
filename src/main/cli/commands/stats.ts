/** `stats`: dossiers per status, changes waiting for the hub, database size. Counts only. */
import { collectStats } from '../../services/diagnostics/stats';
import { formatBytes } from '../../services/diagnostics/units';
import { printJson, type CliCommand } from '../command';

export const statsCommand: CliCommand = {
  name: 'stats',
  options: {},
  async run(ctx) {
    const stats = await collectStats(ctx.dataDir);
    if (ctx.json) {
      printJson(ctx, stats);
      return 0;
    }
    ctx.print(`Hồ sơ / Dossiers: ${stats.dossiers}`);
    for (const row of stats.byStatus) ctx.print(`  ${row.label.vi} / ${row.label.en}: ${row.count}`);
    ctx.print(`Chờ gửi lên máy chủ / Waiting for the hub: ${stats.outboxUnsent}`);
    ctx.print(
      `Dung lượng CSDL / Database size: ${formatBytes(stats.databaseBytes)} (trống / free ${formatBytes(stats.freeBytes)}, WAL ${formatBytes(stats.walBytes)})`,
    );
    return 0;
  },
};
