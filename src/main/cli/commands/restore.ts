/**
 * `restore <file> [--force-other-commune]`: replaces the database with a backup that passes the
 * integrity check and is a Motcua database of a known schema version. Before anything is replaced
 * it shows whose data the backup and the folder hold (commune, agency code, hub, device), and it
 * refuses another commune's backup unless `--force-other-commune` is given.
 */
import { restoreDataFolder } from '../../services/maintenance/backup';
import { describeIdentity } from '../../services/maintenance/restore-check';
import { printJson, UsageError, type CliCommand } from '../command';

export const restoreCommand: CliCommand = {
  name: 'restore',
  options: { 'force-other-commune': { type: 'boolean' } },
  async run(ctx) {
    const [file] = ctx.args;
    if (file === undefined) throw new UsageError('Thiếu đường dẫn tệp sao lưu: restore <tệp>.', 'The backup file is missing: restore <file>.');
    const result = await restoreDataFolder({
      dataDir: ctx.dataDir,
      file,
      forceOtherCommune: ctx.options['force-other-commune'] === true,
      compare: (c) => {
        // With --json, stdout stays one document: the comparison goes to stderr and into the answer.
        ctx.progress(`Bản sao lưu / Backup: ${describeIdentity(c.backup)}`);
        ctx.progress(`Thư mục hiện tại / Current folder: ${describeIdentity(c.current)}`);
        if (c.otherCommune) ctx.progress('Bản sao lưu thuộc xã khác. / The backup belongs to another commune.');
      },
    });
    if (ctx.json) printJson(ctx, { restoredFrom: file, previous: result.previous ?? null, backup: result.backup, current: result.current, otherCommune: result.otherCommune });
    else {
      ctx.print(`Đã khôi phục dữ liệu từ / Restored from: ${file}`);
      if (result.previous !== undefined) ctx.print(`Dữ liệu trước đó được giữ tại / Previous data kept at: ${result.previous}`);
      ctx.print('Hãy mở lại phần mềm. / Start the app again.');
    }
    return 0;
  },
};
