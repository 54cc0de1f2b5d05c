import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { DossierListItem } from '../../../shared/api/queues';
import { DossierTable } from '../../components/DossierTable';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';

export function SearchScreen({ onOpen }: { readonly onOpen: (id: string) => void }) {
  const { t, pick } = useI18n();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<DossierListItem[]>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();

  const search = async (after?: string) => {
    if (q.trim() === '') return;
    const r = await call('dossier.search', { q, limit: 20, ...(after ? { after } : {}) });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setItems((prev) => (after ? [...(prev ?? []), ...r.value.items] : r.value.items));
    setNext(r.value.next);
  };

  return (
    <section className="search">
      <h2>{t('search.heading')}</h2>
      <form className="search-box" onSubmit={(e) => { e.preventDefault(); void search(); }}>
        <label>{t('search.box')}
          <input data-testid="search-input" autoFocus value={q} onChange={(e) => setQ(e.target.value)} aria-invalid={error ? true : undefined} />
        </label>
        <button type="submit">{t('search.submit')}</button>
      </form>
      {error && <p className="field-error" role="alert">{pick(error.message)}</p>}
      {items && (
        <DossierTable testId="search-results" caption={`${t('search.heading')} (${items.length}${next ? '+' : ''})`} items={items} onOpen={onOpen}
          headers={{ code: t('list.code'), applicant: t('list.applicant'), procedure: t('list.procedure'), status: t('list.status'), due: t('list.due') }}
          emptyText={t('search.none')} statusText={(i) => pick(i.statusLabel)} />
      )}
      {next && <button type="button" onClick={() => void search(next)}>{t('search.more')}</button>}
    </section>
  );
}
