/**
 * `motcua provision <file>`: applies a provisioning package to the data folder, as the first-run
 * screen or a dropped-in file would, and prints what it did. Secrets in the package (enrolment and
 * setup codes) are never printed. Used by data-centre staff over a remote session, WAN or not.
 */
import { readFileSync } from 'node:fs';
import { askProvisionStatus } from '../../../sync/hub-api';
import { provisionFolder } from '../../services/desk/desk';
import { printJson, UsageError, type CliCommand } from '../command';

export const provisionCommand: CliCommand = {
  name: 'provision',
  options: {},
  async run(ctx) {
    const [file] = ctx.args;
    if (file === undefined) throw new UsageError('Thiếu tệp gói cài đặt (.motcua).', 'The provisioning file (.motcua) is missing.');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`Không đọc được tệp ${file}.`, `Cannot read the file ${file}.`);
    }
    const applied = await provisionFolder(ctx.root, text, ctx.clock.now(), (hubUrl, id) => askProvisionStatus(fetch, hubUrl, id, 3_000));
    if (ctx.json) return (printJson(ctx, applied), 0);
    const blocks = applied.blocks.map((b) => `${b.start}–${b.end}${b.from || b.until ? ` (${b.from ?? '…'} → ${b.until ?? '…'})` : ''}`).join(', ');
    ctx.print(`Đã cài đặt máy cho ${applied.commune.name} (${applied.commune.agencyCode}), ${applied.commune.province}; vị trí máy ${applied.slot}${applied.kind === 'replacement' ? ' (máy thay thế)' : ''}.`);
    ctx.print(`  Dải số hồ sơ / sequence blocks: ${blocks}`);
    ctx.print(`  Máy chủ / hub: ${applied.hubUrl} — đăng ký sẽ tự hoàn tất khi máy chủ trả lời / enrolment completes by itself when the hub answers.`);
    ctx.print(`  Quản trị viên đầu tiên / first administrator: ${applied.firstAdmin} (đăng nhập bằng mã cài đặt, rồi đặt mật khẩu mới / sign in with the setup code, then choose a password).`);
    ctx.print(`Provisioned for ${applied.commune.name}, slot ${applied.slot}. Hãy xoá tệp gói cài đặt: nó chứa mã dùng một lần / delete the package file: it holds one-time codes.`);
    return 0;
  },
};
