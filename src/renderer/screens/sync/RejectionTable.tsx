import type { SyncRejectionView } from '../../../shared/api/sync';
import { useI18n } from '../../i18n';
import { officeTime } from '../status/status-items';

export interface RejectionTableProps {
  readonly items: readonly SyncRejectionView[];
  readonly onAck: (seq: number) => void;
}

/** Changes the hub refused for good, with its reason; a refusal stays listed after it is marked seen. */
export function RejectionTable({ items, onAck }: RejectionTableProps) {
  const { t, pick } = useI18n();
  return (
    <table className="dossier-table" data-testid="rejection-table">
      <thead>
        <tr>
          <th scope="col">{t('list.code')}</th><th scope="col">{t('syncScreen.refusedWhat')}</th><th scope="col">{t('syncScreen.reason')}</th>
          <th scope="col">{t('syncScreen.when')}</th><th scope="col">{t('syncScreen.seen')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.seq} data-testid="rejection-row">
            <td><span className="code">{r.dossierCode ?? r.dossierId}</span>{r.applicantName && <div className="muted">{r.applicantName}</div>}</td>
            <td>{pick(r.kindLabel)}</td>
            <td>{pick(r.message)} <span className="muted code">({r.code})</span></td>
            <td>{officeTime(r.rejectedAt)}</td>
            <td>
              {r.seenAt !== null ? <span className="muted">{t('syncScreen.seenAt')} {officeTime(r.seenAt)}</span> : (
                <button type="button" data-testid="rejection-ack" aria-label={`${t('syncScreen.ack')}: ${r.dossierCode ?? r.dossierId}`}
                  onClick={() => onAck(r.seq)}>{t('syncScreen.ack')}</button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
