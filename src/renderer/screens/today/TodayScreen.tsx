import { useCallback, useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { queueSections, type DossierListItem, type QueueToday } from '../../../shared/api/queues';
import { DossierTable, type SortKey } from '../../components/DossierTable';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';
import { sortItems } from './today-sort';

type DraftItem = ApiOutput<'draft.list'>['items'][number];

export interface TodayScreenProps {
  readonly onOpen: (id: string) => void;
  /** Reopens a draft in the intake form (volunteers' drafts and the clerk's unfinished forms). */
  readonly onOpenDraft?: (id: string) => void;
  /** Whether this role has unsaved forms (`draft.list`): clerks. */
  readonly showDrafts?: boolean;
}

/** A draft as a list row, so the same keyboard table shows it. */
function draftRow(d: DraftItem, label: { vi: string; en: string }): DossierListItem {
  const local = new Date(Date.parse(d.updatedAt) + 7 * 3_600_000).toISOString().slice(0, 16);
  return {
    id: d.id, code: null, applicantName: d.applicantName || '—', procedureCode: d.procedureCode, procedureName: null, status: 'draft', statusLabel: label,
    channel: 'counter', receivedAt: null, dueAt: null, dueLocal: local, queueStatus: null, assigneeId: null,
  };
}

export function TodayScreen({ onOpen, onOpenDraft, showDrafts = true }: TodayScreenProps) {
  const { t, pick } = useI18n();
  const [queue, setQueue] = useState<QueueToday>();
  const [drafts, setDrafts] = useState<DraftItem[]>();
  const [error, setError] = useState<ApiError>();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'due', descending: false });

  const load = useCallback(async () => {
    const r = await call('queue.today', { limit: 20 });
    if (r.ok) { setQueue(r.value); setError(undefined); } else setError(r.error);
    if (showDrafts) {
      const d = await call('draft.list', {});
      if (d.ok) setDrafts(d.value.items);
    }
  }, [showDrafts]);
  useEffect(() => { void load(); }, [load]);

  const headers = { code: t('list.code'), applicant: t('list.applicant'), procedure: t('list.procedure'), status: t('list.status'), due: t('list.due') };
  const statusText = (i: DossierListItem) => pick(i.statusLabel);
  const sortProps = { ...sort, label: t('today.sortBy'), onSort: (key: SortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false })) };
  const mine = (drafts ?? []).filter((d) => d.channel === 'counter');
  const draftLabel = { vi: t('today.myDrafts'), en: t('today.myDrafts') };
  return (
    <section className="today">
      <h2>{t('today.heading')} {queue && <small className="muted">{queue.today}</small>}</h2>
      {error && <ErrorPanel message={pick(error.message)} retryText={t('today.refresh')} onRetry={() => void load()} />}
      {!queue && !error && <p aria-busy="true">{t('today.loading')}</p>}
      {queue && queueSections.map((name) => {
        const section = queue.sections[name];
        if (!section) return null;
        const count = section.items.length + (section.next ? '+' : '');
        const open = name === 'drafts' && onOpenDraft ? onOpenDraft : onOpen;
        return (
          <DossierTable key={name} testId={`section-${name}`} caption={`${t(`section.${name}`)} (${count})`} items={sortItems(section.items, sort.key, sort.descending, statusText)}
            headers={headers} emptyText={t('list.empty')} statusText={statusText} onOpen={open} sort={sortProps} />
        );
      })}
      {queue && showDrafts && onOpenDraft && drafts && (
        <DossierTable testId="section-my-drafts" caption={`${t('today.myDrafts')} (${mine.length})`} items={sortItems(mine.map((d) => draftRow(d, draftLabel)), sort.key, sort.descending, statusText)}
          headers={{ ...headers, due: t('today.updated') }} emptyText={t('today.myDraftsEmpty')} statusText={statusText} onOpen={onOpenDraft}
          sort={sortProps} />
      )}
    </section>
  );
}
