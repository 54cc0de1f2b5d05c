import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { queueSections, type QueueToday } from '../../../shared/api/queues';
import { DossierTable } from '../../components/DossierTable';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';

export function TodayScreen({ onOpen }: { readonly onOpen: (id: string) => void }) {
  const { t, pick } = useI18n();
  const [queue, setQueue] = useState<QueueToday>();
  const [error, setError] = useState<ApiError>();

  const load = useCallback(async () => {
    const r = await call('queue.today', { limit: 20 });
    if (r.ok) { setQueue(r.value); setError(undefined); } else setError(r.error);
  }, []);
  useEffect(() => { void load(); }, [load]);

  const headers = { code: t('list.code'), applicant: t('list.applicant'), procedure: t('list.procedure'), status: t('list.status'), due: t('list.due') };
  return (
    <section className="today">
      <h2>{t('today.heading')} {queue && <small className="muted">{queue.today}</small>}</h2>
      {error && <ErrorPanel message={pick(error.message)} retryText={t('today.refresh')} onRetry={() => void load()} />}
      {!queue && !error && <p aria-busy="true">{t('today.loading')}</p>}
      {queue && queueSections.map((name) => {
        const section = queue.sections[name];
        if (!section) return null;
        const count = section.items.length + (section.next ? '+' : '');
        return (
          <DossierTable key={name} testId={`section-${name}`} caption={`${t(`section.${name}`)} (${count})`} items={section.items}
            headers={headers} emptyText={t('list.empty')} statusText={(i) => pick(i.statusLabel)} onOpen={onOpen} />
        );
      })}
    </section>
  );
}
