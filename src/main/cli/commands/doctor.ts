/** `doctor`: the support engineer's first look at a PC; exit 1 when any check failed. */
import { appVersion } from '../../../shared/version';
import { runDoctor, type CheckLevel, type DoctorCheck } from '../../services/diagnostics/doctor';
import { printJson, type CliCommand } from '../command';

const tags: Record<CheckLevel, string> = { ok: '[OK]', info: '[--]', warn: '[CHÚ Ý/WARN]', fail: '[LỖI/FAIL]' };
const WIDTH = 13;
const both = (t: { vi: string; en: string }): string => (t.vi === t.en ? t.vi : `${t.vi} / ${t.en}`);

function line(c: DoctorCheck): string[] {
  const lines = [`${tags[c.level].padEnd(WIDTH)}${both(c.label)}: ${both(c.value)}`];
  const indent = ' '.repeat(WIDTH);
  if (c.advice !== undefined) lines.push(`${indent}→ ${c.advice.vi}`, `${indent}→ ${c.advice.en}`);
  return lines;
}

export const doctorCommand: CliCommand = {
  name: 'doctor',
  options: {},
  run(ctx) {
    const report = runDoctor({ version: appVersion, dataDir: ctx.dataDir, now: ctx.clock.now() });
    if (ctx.json) printJson(ctx, report);
    else {
      ctx.print('Motcua Desk — kiểm tra máy / doctor');
      ctx.print(report.checks.flatMap(line).join('\n'));
      ctx.print(report.ok ? 'Kết luận / Result: không có lỗi / no failures' : 'Kết luận / Result: CÓ LỖI, xem các dòng LỖI ở trên / FAILURES, see the FAIL lines above');
    }
    return Promise.resolve(report.ok ? 0 : 1);
  },
};
