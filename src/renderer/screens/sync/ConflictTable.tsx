import type { SyncConflictView } from '../../../shared/api/sync';
import { useI18n } from '../../i18n';
import { conflictValueText } from './sync-values';

export interface ConflictTableProps {
  readonly items: readonly SyncConflictView[];
  /** The conflict being settled, so its buttons wait. */
  readonly busyId?: string;
  /** An error the core gave for one conflict, shown in its row. */
  readonly rowError?: { readonly id: string; readonly message: string };
  readonly onResolve: (id: string, choice: 'hub' | 'local') => void;
}

/** Open conflicts: which dossier and field, both values, which one is shown now, and the two choices. */
export function ConflictTable({ items, busyId, rowError, onResolve }: ConflictTableProps) {
  const { t, pick } = useI18n();
  return (
    <table className="dossier-table" data-testid="conflict-table">
      <thead>
        <tr>
          <th scope="col">{t('list.code')}</th><th scope="col">{t('syncScreen.field')}</th><th scope="col">{t('syncScreen.localValue')}</th>
          <th scope="col">{t('syncScreen.hubValue')}</th><th scope="col">{t('syncScreen.kept')}</th><th scope="col">{t('syncScreen.choose')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => {
          const what = `${c.dossierCode ?? c.entityId} — ${pick(c.fieldLabel)}`;
          // A status cannot be forced back to this PC's; the core refuses it, so it is not offered.
          const canKeepLocal = c.kind === 'field' || c.kept === 'local';
          return (
            <tr key={c.id} data-testid="conflict-row">
              <td><span className="code">{c.dossierCode ?? '—'}</span>{c.applicantName && <div className="muted">{c.applicantName}</div>}</td>
              <td>{pick(c.fieldLabel)}</td>
              <td data-testid="conflict-local">{conflictValueText(c.localValue, '—')}</td>
              <td data-testid="conflict-hub">{conflictValueText(c.hubValue, '—')}</td>
              <td data-testid="conflict-kept">{c.kept === 'hub' ? t('syncScreen.keptHub') : t('syncScreen.keptLocal')}</td>
              <td>
                {canKeepLocal && (
                  <button type="button" data-testid="keep-local" disabled={busyId === c.id} aria-label={`${t('syncScreen.keepLocal')}: ${what}`}
                    onClick={() => onResolve(c.id, 'local')}>{t('syncScreen.keepLocal')}</button>
                )}{' '}
                <button type="button" data-testid="keep-hub" disabled={busyId === c.id} aria-label={`${t('syncScreen.keepHub')}: ${what}`}
                  onClick={() => onResolve(c.id, 'hub')}>{t('syncScreen.keepHub')}</button>
                {!canKeepLocal && <div className="muted">{t('syncScreen.statusHubOnly')}</div>}
                {rowError?.id === c.id && <p className="field-error" role="alert" data-testid="conflict-error">{rowError.message}</p>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
