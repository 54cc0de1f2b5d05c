import { describe, expect, it } from 'vitest';
import { birthReceipt, loginAs, newFormId, openCounterCore, valueOf } from '../../../../test/helpers/counter-core';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import type { Printer, PrinterInfo } from '../../devices/printer/printer';

// Which printer a slip goes to when the clerk chose none. The spooler is faked here so the
// test controls which printers exist; the real CUPS path is in printing.test.ts.
const tempDir = useTempDirs();

function fakeSpooler(printers: PrinterInfo[]): Printer & { sentTo: string[] } {
  const sentTo: string[] = [];
  return {
    sentTo,
    list: () => Promise.resolve(printers),
    print: (request) => {
      sentTo.push(request.printer);
      return Promise.resolve({ printer: request.printer, jobId: `${request.printer}-1` });
    },
    waitForJob: () => Promise.resolve('completed'),
  };
}

async function receiveWith(printer: Printer) {
  const t = await openCounterCore(tempDir(), undefined, { printer });
  const clerk = await loginAs(t.core, 'canbo');
  const { dossier } = valueOf<{ dossier: { id: string } }>(await t.core.invoke('dossier.receive', birthReceipt(newFormId()), clerk));
  return { t, clerk, dossier };
}

describe('choosing a printer for a slip (fake spooler)', () => {
  it('falls back to the PC’s default printer when none was remembered', async () => {
    const spooler = fakeSpooler([
      { name: 'Other', isDefault: false, enabled: true, description: null },
      { name: 'CounterLaser', isDefault: true, enabled: true, description: null },
    ]);
    const { t, clerk, dossier } = await receiveWith(spooler);
    const reply = await t.core.invoke('slip.print', { dossierId: dossier.id, kind: 'receipt' }, clerk);
    expect(reply).toMatchObject({ ok: true, value: { printer: 'CounterLaser', state: 'completed' } });
    expect(spooler.sentTo).toEqual(['CounterLaser']);
    t.close();
  });

  it('tells the clerk in Vietnamese to choose a printer when the PC has no default, sending nothing', async () => {
    const spooler = fakeSpooler([{ name: 'Other', isDefault: false, enabled: true, description: null }]);
    const { t, clerk, dossier } = await receiveWith(spooler);
    const reply = await t.core.invoke('slip.print', { dossierId: dossier.id, kind: 'receipt' }, clerk);
    expect(reply).toMatchObject({ ok: false, error: { code: 'printer.none-chosen' } });
    if (!reply.ok) expect(reply.error.message.vi).toContain('Chưa chọn máy in');
    expect(spooler.sentTo).toEqual([]);
    t.close();
  });
});
