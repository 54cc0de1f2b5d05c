import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, HealthReport } from '../../../shared/api/app';
import type { ApiError } from '../../../shared/api/errors';
import { api } from '../../api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { InfoList } from '../../components/InfoList';
import { useI18n } from '../../i18n';

type State =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; info: AppInfo; health: HealthReport | undefined };

export function HomeScreen() {
  const { t, pick } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const info = await api.call('app.info', {});
    if (!info.ok) return setState({ kind: 'failed', error: info.error });
    const health = await api.call('health.check', {});
    setState({ kind: 'ready', info: info.value, health: health.ok ? health.value : undefined });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="about">
      <section>
        <h2>{t('home.heading')}</h2>
        {state.kind === 'loading' && <p aria-busy="true">{t('home.loading')}</p>}
        {state.kind === 'failed' && <ErrorPanel message={pick(state.error.message)} retryText={t('home.retry')} onRetry={() => void load()} />}
        {state.kind === 'ready' && (
          <InfoList
            rows={[
              { id: 'commune', label: t('home.commune'), value: state.info.commune.name },
              { id: 'province', label: t('home.province'), value: state.info.commune.province },
              { id: 'agency-code', label: t('home.agencyCode'), value: state.info.commune.agencyCode },
              { id: 'dossiers', label: t('home.dossiers'), value: state.info.counts.dossiers.toLocaleString('vi-VN') },
              { id: 'version', label: t('home.version'), value: state.info.version },
              { id: 'schema', label: t('home.schema'), value: String(state.info.schemaVersion) },
              { id: 'host', label: t('home.host'), value: t(`host.${state.info.host}`) },
              { id: 'data-dir', label: t('home.dataDir'), value: state.info.dataDir },
              {
                id: 'health',
                label: t('home.health'),
                value: state.health === undefined ? '—' : state.health.ok ? t('home.healthOk') : t('home.healthFail'),
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}
