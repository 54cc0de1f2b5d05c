import { useCallback, useEffect, useState } from 'react';
import type { SyncConflictView, SyncRejectionView, SyncStatusView } from '../../../shared/api/sync';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useI18n } from '../../i18n';
import { ActionResult, useAction } from '../settings/use-action';
import { call } from '../shell/call';
import { officeTime, syncItem } from '../status/status-items';
import { announceDevicesChanged } from '../status/use-status-items';
import { ConflictTable } from './ConflictTable';
import { RejectionTable } from './RejectionTable';
import './sync.css';

/**
 * "Đồng bộ": what the clerk must see about the link to the city hub (issue 7): its state, a
 * "sync now" with progress, the conflicts to settle and the changes the hub refused for good.
 */
export function SyncProblemsScreen() {
  const { t, pick } = useI18n();
  const [status, setStatus] = useState<SyncStatusView>();
  const [conflicts, setConflicts] = useState<SyncConflictView[]>();
  const [rejections, setRejections] = useState<SyncRejectionView[]>();
  const [error, setError] = useState<string>();
  const [busyId, setBusyId] = useState<string>();
  const [rowError, setRowError] = useState<{ id: string; message: string }>();
  const [syncState, runSync] = useAction();

  const load = useCallback(async () => {
    const [s, c, r] = await Promise.all([call('sync.status', {}), call('sync.conflicts', {}), call('sync.rejections', {})]);
    const failed = [s, c, r].find((x) => !x.ok);
    setError(failed && !failed.ok ? pick(failed.error.message) : undefined);
    if (s.ok) setStatus(s.value);
    if (c.ok) setConflicts(c.value.items);
    if (r.ok) setRejections(r.value.items);
  }, [pick]);
  useEffect(() => { void load(); }, [load]);

  const syncNow = async () => {
    const r = await runSync(() => call('sync.now', {}), (v) => syncItem(t, v, pick).value);
    if (r) { setStatus(r); announceDevicesChanged(); await load(); }
  };
  const resolve = async (id: string, choice: 'hub' | 'local') => {
    setBusyId(id);
    const r = await call('sync.conflict-resolve', { id, choice });
    setBusyId(undefined);
    if (!r.ok) return setRowError({ id, message: pick(r.error.message) });
    setRowError(undefined);
    announceDevicesChanged();
    await load();
    // The row is gone: keep the keyboard in the list instead of dropping it on the page.
    (document.querySelector<HTMLButtonElement>('[data-testid="keep-hub"]') ?? document.getElementById('sync-conflicts-h'))?.focus();
  };
  const ack = async (seq: number) => {
    const r = await call('sync.rejection-ack', { seq });
    if (!r.ok) return setError(pick(r.error.message));
    setRejections((list) => list?.map((x) => (x.seq === seq ? r.value : x)));
    document.getElementById('sync-rejections-h')?.focus();
  };

  const badge = syncItem(t, status, pick);
  return (
    <section aria-labelledby="sync-heading" data-testid="sync-screen">
      <h2 id="sync-heading">{t('syncScreen.heading')}</h2>
      {error && <ErrorPanel message={error} retryText={t('today.refresh')} onRetry={() => void load()} />}
      <section aria-labelledby="sync-status-h" data-testid="sync-status">
        <h3 id="sync-status-h">{t('syncScreen.status')}</h3>
        <dl className="sync-facts">
          <dt>{t('settings.syncState')}</dt><dd><b data-testid="sync-state" className={`status-${badge.tone}`}>{badge.value}</b></dd>
          <dt>{t('syncScreen.waiting')}</dt><dd data-testid="sync-waiting">{status ? `${status.waiting} + ${status.attachmentsWaiting} ${t('syncScreen.files')}` : '—'}</dd>
          <dt>{t('settings.lastSuccess')}</dt><dd>{status?.lastSuccessAt ? officeTime(status.lastSuccessAt) : t('settings.never')}</dd>
          {status?.offlineSince && <><dt>{t('sync.offlineSince')}</dt><dd>{officeTime(status.offlineSince)}</dd></>}
          {status?.lastError && <><dt>{t('syncScreen.lastError')}</dt><dd className="field-error">{pick(status.lastError.message)}</dd></>}
          {status?.clockWarning && <><dt>{t('syncScreen.clock')}</dt><dd className="field-error">{pick(status.clockWarning.message)}</dd></>}
        </dl>
        <div className="row">
          <button type="button" className="primary" data-testid="sync-now" disabled={syncState.busy || status?.enrolled === false} onClick={() => void syncNow()}>
            {syncState.busy ? t('sync.syncing') : t('settings.syncNow')}
          </button>
          {syncState.busy && <progress aria-label={t('settings.syncNow')} />}
        </div>
        <ActionResult state={syncState} testId="sync-now" />
      </section>
      <section aria-labelledby="sync-conflicts-h" data-testid="sync-conflicts">
        <h3 id="sync-conflicts-h" tabIndex={-1}>{t('syncScreen.conflicts')} ({conflicts?.length ?? '…'})</h3>
        <p className="muted">{t('syncScreen.conflictsExplain')}</p>
        {conflicts?.length === 0 && <p className="muted" data-testid="no-conflicts">{t('syncScreen.noConflicts')}</p>}
        {conflicts && conflicts.length > 0 && <ConflictTable items={conflicts} busyId={busyId} rowError={rowError} onResolve={(id, c) => void resolve(id, c)} />}
      </section>
      <section aria-labelledby="sync-rejections-h" data-testid="sync-rejections">
        <h3 id="sync-rejections-h" tabIndex={-1}>{t('syncScreen.rejections')} ({rejections?.length ?? '…'})</h3>
        <p className="muted">{t('syncScreen.rejectionsExplain')}</p>
        {rejections?.length === 0 && <p className="muted" data-testid="no-rejections">{t('syncScreen.noRejections')}</p>}
        {rejections && rejections.length > 0 && <RejectionTable items={rejections} onAck={(seq) => void ack(seq)} />}
      </section>
    </section>
  );
}
