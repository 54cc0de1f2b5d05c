/**
 * `scanners` lists every scanner the drivers find; `scan --device D --out file.pdf` scans one
 * batch into a PDF, for support staff checking a counter's scanner without opening a dossier.
 */
import { AppError } from '../../../shared/api/errors';
import { A4, A5, type Scanner, type ScanOptions } from '../../devices/scanner/scanner';
import { defaultScanners } from '../../services/scanning/drivers';
import { scanToFile } from '../../services/scanning/support-scan';
import { describeFailure, integerOption, printJson, stringOption, UsageError, type CliCommand } from '../command';

/** Drivers with a process of their own (the TWAIN worker) end it when the command is done. */
async function release(drivers: readonly Scanner[]): Promise<void> {
  for (const driver of drivers) if (Symbol.asyncDispose in driver) await (driver as Scanner & AsyncDisposable)[Symbol.asyncDispose]();
}

export const scannersCommand: CliCommand = {
  name: 'scanners',
  options: {},
  async run(ctx) {
    const drivers = defaultScanners();
    const found = await Promise.all(drivers.map((d) => d.listDevices().catch(() => [])));
    await release(drivers);
    const devices = found.flat();
    if (ctx.json) {
      printJson(ctx, devices);
      return 0;
    }
    if (devices.length === 0) ctx.print('Không tìm thấy máy quét nào / No scanner found');
    for (const d of devices) ctx.print(`${d.id}\t${d.label}`);
    return 0;
  },
};

function choice<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} phải là một trong: ${allowed.join(', ')}.`, `--${name} must be one of: ${allowed.join(', ')}.`);
}

export const scanCommand: CliCommand = {
  name: 'scan',
  options: {
    device: { type: 'string' },
    out: { type: 'string' },
    source: { type: 'string' },
    mode: { type: 'string' },
    resolution: { type: 'string' },
    size: { type: 'string' },
  },
  async run(ctx) {
    const deviceId = stringOption(ctx, 'device');
    const out = stringOption(ctx, 'out');
    if (deviceId === undefined || out === undefined) {
      throw new UsageError('Cần --device <mã máy quét> và --out <tệp.pdf>.', 'Give --device <scanner id> and --out <file.pdf>.');
    }
    const options: ScanOptions = {
      source: choice(stringOption(ctx, 'source'), ['flatbed', 'adf', 'adf-duplex'], 'flatbed', 'source'),
      colorMode: choice(stringOption(ctx, 'mode'), ['gray', 'color', 'bw'], 'gray', 'mode'),
      resolution: integerOption(ctx, 'resolution', 75, 600) ?? 300,
      pageSize: choice(stringOption(ctx, 'size'), ['A4', 'A5'], 'A4', 'size') === 'A5' ? A5 : A4,
    };
    const drivers = defaultScanners();
    const driver = drivers.find((d) => deviceId.startsWith(`${d.driver}:`));
    try {
      if (driver === undefined) throw new AppError('scanner.no-device', { device: deviceId });
      const result = await scanToFile(driver, deviceId, options, out, (i) => ctx.progress(`Trang / Page ${i + 1}`));
      if (ctx.json) printJson(ctx, { out, ...result });
      else ctx.print(`Đã quét ${result.pages} trang (${result.blankPages} trang trắng) vào ${out} / Scanned ${result.pages} pages (${result.blankPages} blank) into ${out}`);
      return 0;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      ctx.print(describeFailure(error));
      return 1;
    } finally {
      await release(drivers);
    }
  },
};
