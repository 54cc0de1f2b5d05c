import { useCallback, useEffect, useState } from 'react';
import type { SyncStatusView } from '../../../shared/api/sync';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';
import { officeTime, syncItem } from '../status/status-items';
import { announceDevicesChanged } from '../status/use-status-items';
import { ActionResult, useAction } from './use-action';

/** The link to the city hub: its state for everyone, enrolment of this PC for the administrator. */
export function HubSettings({ canEnrol }: { readonly canEnrol: boolean }) {
  const { t, pick } = useI18n();
  const [status, setStatus] = useState<SyncStatusView>();
  const [hubUrl, setHubUrl] = useState('');
  const [code, setCode] = useState('');
  const [urlError, setUrlError] = useState<string>();
  const [enrolState, runEnrol] = useAction();
  const [syncState, runSync] = useAction();

  const load = useCallback(async () => {
    const r = await call('sync.status', {});
    if (r.ok) setStatus(r.value);
  }, []);
  useEffect(() => { void load(); }, [load]);

  const enrol = async () => {
    if (!/^https?:\/\/\S+$/u.test(hubUrl.trim())) {
      setUrlError(t('settings.hubUrlShape'));
      return document.getElementById('hub-url')?.focus();
    }
    setUrlError(undefined);
    const r = await runEnrol(() => call('sync.enrol', { hubUrl: hubUrl.trim(), code: code.trim() }), () => t('settings.enrolled'));
    if (r) { setStatus(r); setCode(''); announceDevicesChanged(); }
  };
  const syncNow = async () => {
    const r = await runSync(() => call('sync.now', {}), (v) => syncItem(t, v, pick).value);
    if (r) { setStatus(r); announceDevicesChanged(); }
  };

  const badge = syncItem(t, status, pick);
  return (
    <section data-testid="settings-hub" aria-labelledby="settings-hub-h">
      <h3 id="settings-hub-h">{t('settings.hub')}</h3>
      <p>{t('settings.syncState')}: <b data-testid="hub-state" className={`status-${badge.tone}`}>{badge.value}</b>
        {status?.hubUrl && <> — <span className="code">{status.hubUrl}</span></>}</p>
      <p className="muted">{t('settings.lastSuccess')}: {status?.lastSuccessAt ? officeTime(status.lastSuccessAt) : t('settings.never')}</p>
      {status?.lastError && <p className="field-error">{pick(status.lastError.message)}</p>}
      {status?.enrolled && (
        <div className="row">
          <button type="button" data-testid="sync-now" disabled={syncState.busy} onClick={() => void syncNow()}>{t('settings.syncNow')}</button>
          {syncState.busy && <progress aria-label={t('settings.syncNow')} />}
        </div>
      )}
      <ActionResult state={syncState} testId="sync-now" />
      {!canEnrol && !status?.enrolled && <p className="muted">{t('settings.adminOnly')}</p>}
      {canEnrol && !status?.enrolled && (
        <form noValidate data-testid="enrol-form" onSubmit={(e) => { e.preventDefault(); void enrol(); }}>
          <label htmlFor="hub-url">{t('settings.hubUrl')}
            <input id="hub-url" data-testid="hub-url" value={hubUrl} placeholder="https://" aria-invalid={urlError ? true : undefined}
              aria-describedby={urlError ? 'hub-url-error' : undefined} onChange={(e) => setHubUrl(e.target.value)} />
            {urlError && <span className="field-error" id="hub-url-error" role="alert">{urlError}</span>}
          </label>
          <label htmlFor="hub-code">{t('settings.hubCode')}
            <input id="hub-code" data-testid="hub-code" value={code} autoComplete="off" onChange={(e) => setCode(e.target.value)} />
          </label>
          <button type="submit" className="primary" data-testid="enrol" disabled={enrolState.busy || code.trim() === ''}>
            {enrolState.busy ? t('settings.enrolling') : t('settings.enrol')}
          </button>
          {enrolState.busy && <progress aria-label={t('settings.enrolling')} />}
        </form>
      )}
      <ActionResult state={enrolState} testId="enrol" />
    </section>
  );
}
