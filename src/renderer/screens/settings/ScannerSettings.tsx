import { useCallback, useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';
import { announceDevicesChanged } from '../status/use-status-items';
import { ActionResult, useAction } from './use-action';

/** The counter's scanner: choose among what the drivers find, remember it, and scan a test page. */
export function ScannerSettings() {
  const { t } = useI18n();
  const [list, setList] = useState<ApiOutput<'scanner.list'>>();
  const [chosen, setChosen] = useState('');
  const [thumb, setThumb] = useState<string>();
  const [saveState, runSave] = useAction();
  const [testState, runTest] = useAction();
  const [loadState, runLoad] = useAction();

  const load = useCallback(async () => {
    const value = await runLoad(() => call('scanner.list', {}), () => '');
    if (!value) return;
    setList(value);
    setChosen((c) => c || (value.defaultId ?? value.scanners[0]?.id ?? ''));
  }, [runLoad]);
  useEffect(() => { void load(); }, [load]);

  const save = () => runSave(() => call('scanner.set-default', { deviceId: chosen }), () => t('settings.saved')).then(announceDevicesChanged);
  const test = async () => {
    setThumb(undefined);
    const r = await runTest(() => call('scanner.test', { deviceId: chosen }), (v) => (v.blank ? t('settings.testScanBlank') : `${t('settings.testScanDone')} (${v.width}×${v.height})`));
    if (r) setThumb(`data:image/webp;base64,${r.thumbnailBase64}`);
  };

  return (
    <section data-testid="settings-scanner" aria-labelledby="settings-scanner-h">
      <h3 id="settings-scanner-h">{t('settings.scanner')}</h3>
      {!list && loadState.busy && <p aria-busy="true">…</p>}
      <ActionResult state={{ busy: false, ...(loadState.error ? { error: loadState.error } : {}) }} testId="scanner-list" />
      {list && list.scanners.length === 0 && <p>{t('settings.scannerNone')}</p>}
      {list && list.scanners.length > 0 && (
        <label>{t('settings.scannerChoose')}
          <select data-testid="scanner-select" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {list.scanners.map((s) => <option key={s.id} value={s.id}>{s.label} ({s.id})</option>)}
          </select>
        </label>
      )}
      <div className="row">
        <button type="button" data-testid="scanner-save" disabled={!chosen || saveState.busy} onClick={() => void save()}>{t('settings.save')}</button>
        <button type="button" data-testid="scanner-test" disabled={!chosen || testState.busy} onClick={() => void test()}>
          {testState.busy ? t('settings.testScanning') : t('settings.testScan')}
        </button>
        <button type="button" disabled={loadState.busy} onClick={() => void load()}>{t('settings.rescan')}</button>
      </div>
      <ActionResult state={saveState} testId="scanner-save" />
      {testState.busy && <progress aria-label={t('settings.testScanning')} />}
      <ActionResult state={testState} testId="scanner-test" />
      {thumb && <img className="test-thumb" src={thumb} alt={t('settings.testScanDone')} data-testid="scanner-test-thumb" />}
    </section>
  );
}
