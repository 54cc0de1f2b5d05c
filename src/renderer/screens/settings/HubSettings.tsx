import { useCallback, useEffect, useState } from 'react';
import type { DeskStatus } from '../../../shared/api/desk';
import type { SyncStatusView } from '../../../shared/api/sync';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/vi';
import { call } from '../shell/call';
import { officeTime, syncItem } from '../status/status-items';
import { announceDevicesChanged } from '../status/use-status-items';
import { ActionResult, useAction } from './use-action';

const enrolmentWord: Record<'pending' | 'enrolled' | 'refused', MessageKey> = { pending: 'hub.pending', enrolled: 'hub.enrolled', refused: 'hub.refused' };
const enrolmentTone = { pending: 'warn', enrolled: 'ok', refused: 'bad' } as const;

/**
 * The link to the city hub. A PC trusts only the hub its provisioning package names and enrols by
 * itself (issue 12), so this shows what the package set up (hub, commune, PC number) and how the
 * enrolment stands, then the sync state with "Đồng bộ ngay". The training copy has no hub: it says so, and nothing else.
 */
export function HubSettings() {
  const { t, pick } = useI18n();
  const [status, setStatus] = useState<SyncStatusView>();
  const [desk, setDesk] = useState<DeskStatus>();
  const [syncState, runSync] = useAction();

  const load = useCallback(async () => {
    const [s, d] = await Promise.all([call('sync.status', {}), api.call('desk.status', {})]);
    if (s.ok) setStatus(s.value);
    if (d.ok) setDesk(d.value);
  }, []);
  useEffect(() => { void load(); }, [load]);

  const syncNow = async () => {
    const r = await runSync(() => call('sync.now', {}), (v) => syncItem(t, v, pick).value);
    if (r) { setStatus(r); announceDevicesChanged(); void load(); }
  };

  const badge = syncItem(t, status, pick, desk?.provision);
  const provision = desk?.mode === 'production' ? desk.provision : null;
  return (
    <section data-testid="settings-hub" aria-labelledby="settings-hub-h">
      <h3 id="settings-hub-h">{t('settings.hub')}</h3>
      {desk?.mode === 'training' && <p data-testid="hub-training">{t('hub.training')}</p>}
      {desk?.mode === 'production' && !provision && <p className="muted">{t('hub.notProvisioned')}</p>}
      {provision && (
        <dl className="hub-facts" data-testid="hub-provision">
          <div><dt>{t('hub.address')}</dt><dd className="code" data-testid="hub-address">{provision.hubUrl}</dd></div>
          <div><dt>{t('hub.commune')}</dt><dd>{provision.commune.name} ({provision.commune.agencyCode}), {provision.commune.province}</dd></div>
          <div><dt>{t('hub.slot')}</dt><dd data-testid="hub-slot">{provision.slot}</dd></div>
          <div><dt>{t('hub.appliedAt')}</dt><dd>{officeTime(provision.appliedAt)}</dd></div>
          <div><dt>{t('hub.enrolment')}</dt>
            <dd><b data-testid="hub-enrolment" className={`status-${enrolmentTone[provision.enrolment]}`}>{t(enrolmentWord[provision.enrolment])}</b></dd></div>
          {provision.lastError && provision.enrolment !== 'enrolled' && (
            <div><dt>{t('hub.lastError')}</dt><dd className="error-text" data-testid="hub-enrolment-error">{pick(provision.lastError.message)}</dd></div>
          )}
        </dl>
      )}
      {desk?.mode !== 'training' && (
        <>
          <p>{t('settings.syncState')}: <b data-testid="hub-state" className={`status-${badge.tone}`}>{badge.value}</b></p>
          <p className="muted">{t('settings.lastSuccess')}: {status?.lastSuccessAt ? officeTime(status.lastSuccessAt) : t('settings.never')}</p>
          {status?.lastError && <p className="field-error">{pick(status.lastError.message)}</p>}
          {status?.enrolled && (
            <div className="row">
              <button type="button" data-testid="sync-now" disabled={syncState.busy} onClick={() => void syncNow()}>{t('settings.syncNow')}</button>
              {syncState.busy && <progress aria-label={t('settings.syncNow')} />}
            </div>
          )}
        </>
      )}
      <ActionResult state={syncState} testId="sync-now" />
    </section>
  );
}
