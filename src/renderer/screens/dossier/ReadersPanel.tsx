import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import type { MessageKey } from '../../i18n/vi';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';

type Readers = ApiOutput<'dossier.readers'>;

/** "Who looked at this dossier", for leaders (issue 13): every read recorded by the core, newest first. */
export function ReadersPanel({ dossierId }: { readonly dossierId: string }) {
  const { t, pick } = useI18n();
  const [readers, setReaders] = useState<Readers>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void call('dossier.readers', { id: dossierId }).then((r) => (r.ok ? setReaders(r.value) : setError(pick(r.error.message))));
  }, [dossierId, pick]);
  return (
    <section aria-labelledby="readers-heading" data-testid="readers">
      <h3 id="readers-heading">{t('readers.heading')}</h3>
      {error && <p className="error-text" role="alert">{error}</p>}
      {readers?.length === 0 && <p className="muted">{t('readers.none')}</p>}
      {readers && readers.length > 0 && (
        <table className="dossier-table">
          <thead><tr><th scope="col">{t('readers.when')}</th><th scope="col">{t('readers.who')}</th><th scope="col">{t('readers.what')}</th></tr></thead>
          <tbody>
            {readers.map((r, i) => (
              <tr key={`${r.at}-${i}`}>
                <td><time dateTime={r.at}>{new Date(r.at).toLocaleString('vi-VN')}</time></td>
                <td>{r.displayName ?? r.username ?? '—'}</td>
                <td>{t(`readers.${r.action}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
