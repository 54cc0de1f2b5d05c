import { useCallback, useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/vi';
import { call } from '../shell/call';
import { announceDevicesChanged } from '../status/use-status-items';
import { ActionResult, useAction } from './use-action';

type Paper = 'roll-80mm' | 'a4';
const papers: readonly { paper: Paper; label: MessageKey }[] = [
  { paper: 'roll-80mm', label: 'settings.printerReceipt' },
  { paper: 'a4', label: 'settings.printerA4' },
];

/** The receipt and A4 printers of this PC, each with a test page followed to the spooler's answer. */
export function PrinterSettings() {
  const { t } = useI18n();
  const [list, setList] = useState<ApiOutput<'printer.list'>>();
  const [chosen, setChosen] = useState<Record<Paper, string>>({ 'roll-80mm': '', a4: '' });

  const load = useCallback(async () => {
    const r = await call('printer.list', {});
    if (!r.ok) return;
    setList(r.value);
    setChosen({ 'roll-80mm': r.value.receiptPrinter ?? '', a4: r.value.a4Printer ?? '' });
  }, []);
  useEffect(() => { void load(); }, [load]);

  return (
    <section data-testid="settings-printer" aria-labelledby="settings-printer-h">
      <h3 id="settings-printer-h">{t('settings.printer')}</h3>
      {papers.map(({ paper, label }) => (
        <PaperPrinter key={paper} paper={paper} label={t(label)} printers={list?.printers ?? []} value={chosen[paper]}
          onChange={(name) => setChosen((c) => ({ ...c, [paper]: name }))} />
      ))}
    </section>
  );
}

interface PaperPrinterProps {
  readonly paper: Paper;
  readonly label: string;
  readonly printers: ApiOutput<'printer.list'>['printers'];
  readonly value: string;
  readonly onChange: (name: string) => void;
}

function PaperPrinter({ paper, label, printers, value, onChange }: PaperPrinterProps) {
  const { t } = useI18n();
  const [saveState, runSave] = useAction();
  const [testState, runTest] = useAction();
  const save = () => runSave(() => call('printer.set-default', { paper, printer: value }), () => t('settings.saved')).then(announceDevicesChanged);
  const test = () => runTest(() => call('printer.test', { paper, ...(value ? { printer: value } : {}) }), (v) => `${t('settings.testPrinted')} ${v.printer} (${v.jobId})`);
  return (
    <div data-testid={`printer-${paper}`}>
      <label>{label}
        <select data-testid={`printer-select-${paper}`} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('settings.printerNone')}</option>
          {printers.map((p) => <option key={p.name} value={p.name}>{p.name}{p.enabled ? '' : ` (${t('settings.printerDisabled')})`}</option>)}
        </select>
      </label>
      <div className="row">
        <button type="button" data-testid={`printer-save-${paper}`} disabled={!value || saveState.busy} onClick={() => void save()}>{t('settings.save')}</button>
        <button type="button" data-testid={`printer-test-${paper}`} disabled={testState.busy} onClick={() => void test()}>
          {testState.busy ? t('settings.testPrinting') : t('settings.testPage')}
        </button>
      </div>
      {testState.busy && <progress aria-label={t('settings.testPrinting')} />}
      <ActionResult state={saveState} testId={`printer-save-${paper}`} />
      <ActionResult state={testState} testId={`printer-test-${paper}`} />
    </div>
  );
}
