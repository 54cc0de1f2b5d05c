/** `backup [--dir D] [--keep N] [--list]`: a consistent copy now (the app may keep running). */
import { basename } from 'node:path';
import { backupDataFolder, DEFAULT_BACKUP_KEEP, listDataFolderBackups } from '../../services/maintenance/backup';
import { formatBytes } from '../../services/diagnostics/units';
import { integerOption, printJson, stringOption, type CliCommand } from '../command';

/** More than a year of daily backups is an archive, not a rotation. */
const MAX_KEEP = 400;

export const backupCommand: CliCommand = {
  name: 'backup',
  options: { dir: { type: 'string' }, keep: { type: 'string' }, list: { type: 'boolean' } },
  async run(ctx) {
    const dir = stringOption(ctx, 'dir');
    if (ctx.options.list === true) {
      const files = listDataFolderBackups(ctx.dataDir, dir);
      if (ctx.json) printJson(ctx, files);
      else if (files.length === 0) ctx.print('Chưa có bản sao lưu nào. / No backups yet.');
      else ctx.print(files.map((f) => `${f.path}  ${formatBytes(f.bytes)}`).join('\n'));
      return 0;
    }
    const keep = integerOption(ctx, 'keep', 1, MAX_KEEP) ?? DEFAULT_BACKUP_KEEP;
    const result = await backupDataFolder({ dataDir: ctx.dataDir, keep, now: ctx.clock.now(), ...(dir === undefined ? {} : { dir }) });
    if (ctx.json) printJson(ctx, result);
    else {
      ctx.print(`Đã sao lưu / Backed up: ${result.path} (${formatBytes(result.bytes)})`);
      if (result.removed.length > 0) {
        ctx.print(`Đã xoá ${result.removed.length} bản cũ (giữ ${keep}) / Removed ${result.removed.length} old (keeping ${keep}): ${result.removed.map((p) => basename(p)).join(', ')}`);
      }
    }
    return 0;
  },
};
