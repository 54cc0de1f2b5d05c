/**
 * `printers` lists the spooler's printers; `print-test --printer P [--paper roll-80mm]` prints a
 * fictitious receipt and waits until the spooler reports it printed, for support staff.
 */
import { AppError } from '../../../shared/api/errors';
import { CupsPrinter } from '../../devices/printer/cups-printer';
import { printTestPage } from '../../services/printing/test-page';
import { describeFailure, printJson, stringOption, UsageError, type CliCommand } from '../command';

export const printersCommand: CliCommand = {
  name: 'printers',
  options: {},
  async run(ctx) {
    const printers = await new CupsPrinter().list();
    if (ctx.json) {
      printJson(ctx, printers);
      return 0;
    }
    if (printers.length === 0) ctx.print('Không có máy in nào / No printer found');
    for (const p of printers) ctx.print(`${p.name}${p.isDefault ? ' *' : ''}\t${p.enabled ? 'sẵn sàng / ready' : 'tạm dừng / disabled'}`);
    return 0;
  },
};

export const printTestCommand: CliCommand = {
  name: 'print-test',
  options: { printer: { type: 'string' }, paper: { type: 'string' } },
  async run(ctx) {
    const name = stringOption(ctx, 'printer');
    if (name === undefined) throw new UsageError('Cần --printer <tên máy in>.', 'Give --printer <printer name>.');
    const paper = stringOption(ctx, 'paper') === 'roll-80mm' ? 'roll-80mm' : 'a4';
    try {
      const job = await printTestPage(new CupsPrinter(), name, paper, ctx.clock.now());
      if (ctx.json) printJson(ctx, { ...job, state: 'completed' });
      else ctx.print(`Đã in xong trang thử (lệnh ${job.jobId}) / Test page printed (job ${job.jobId})`);
      return 0;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      ctx.print(describeFailure(error));
      return 1;
    }
  },
};
