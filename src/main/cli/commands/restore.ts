/** `restore <file>`: replaces the database with a backup that passes the integrity check. */
import { restoreDataFolder } from '../../services/maintenance/backup';
import { printJson, UsageError, type CliCommand } from '../command';

export const restoreCommand: CliCommand = {
  name: 'restore',
  options: {},
  async run(ctx) {
    const [file] = ctx.args;
    if (file === undefined) throw new UsageError('Thiếu đường dẫn tệp sao lưu: restore <tệp>.', 'The backup file is missing: restore <file>.');
    const result = await restoreDataFolder({ dataDir: ctx.dataDir, file });
    if (ctx.json) printJson(ctx, { restoredFrom: file, previous: result.previous ?? null });
    else {
      ctx.print(`Đã khôi phục dữ liệu từ / Restored from: ${file}`);
      if (result.previous !== undefined) ctx.print(`Dữ liệu trước đó được giữ tại / Previous data kept at: ${result.previous}`);
      ctx.print('Hãy mở lại phần mềm. / Start the app again.');
    }
    return 0;
  },
};
