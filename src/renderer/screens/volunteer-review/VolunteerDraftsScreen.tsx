import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import type { DraftView, ProcedureListItem } from '../../../shared/api/dossiers';
import { formatLocal } from '../../components/DossierTable';
import { ErrorPanel } from '../../components/ErrorPanel';
import { InfoList } from '../../components/InfoList';
import { ReceiptCard } from '../../components/ReceiptCard';
import { useSlipPrint } from '../../hooks/use-slip-print';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';
import { reviewRows } from '../volunteer/volunteer-steps';
import './drafts.css';

type DraftItem = ApiOutput<'draft.list'>['items'][number];
interface Receipt { readonly id: string; readonly code: string; readonly due: string }

/**
 * The clerk's list of volunteers' drafts (dossiers in status draft), a read-only review of one,
 * and its acceptance (`dossier.receive` from 'draft' with the row version reviewed), which
 * gives a code, an appointment and the receipt to print, exactly as a counter intake does.
 */
export function VolunteerDraftsScreen({ onOpen }: { readonly onOpen: (id: string) => void }) {
  const { t, pick } = useI18n();
  const [items, setItems] = useState<DraftItem[]>();
  const [catalogue, setCatalogue] = useState<ProcedureListItem[]>([]);
  const [draft, setDraft] = useState<DraftView>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt>();
  const [printState, print, resetPrint] = useSlipPrint();
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  // Opening a draft moves the keyboard to its review, so Tab leads straight to "Tiếp nhận".
  useEffect(() => { if (draft) reviewHeading.current?.focus(); }, [draft]);

  const load = useCallback(async () => {
    const r = await call('draft.list', {});
    if (!r.ok) return setError(pick(r.error.message));
    setError(undefined);
    // A clerk's own form with scanned papers is a dossier draft too, but not a volunteer's.
    setItems(r.value.items.filter((i) => i.kind === 'dossier' && i.channel === 'volunteer'));
  }, [pick]);
  useEffect(() => { void load(); void call('procedure.list', {}).then((r) => r.ok && setCatalogue(r.value.items)); }, [load]);

  const open = async (id: string) => {
    const r = await call('draft.get', { id });
    if (!r.ok) return setError(pick(r.error.message));
    setError(undefined);
    setDraft(r.value);
  };

  const accept = async (d: DraftView) => {
    if (d.rowVersion === null) return;
    setBusy(true);
    const r = await call('dossier.receive', { from: 'draft', id: d.id, rowVersion: d.rowVersion });
    setBusy(false);
    if (!r.ok) return setError(pick(r.error.message));
    setError(undefined);
    setReceipt({ id: r.value.dossier.id, code: r.value.dossier.code ?? '', due: r.value.slip.dueText ?? formatLocal(r.value.dossier.dueLocal) });
  };

  if (receipt) {
    return (
      <ReceiptCard heading={t('receipt.heading')} printText={t('receipt.print')} printing={printState.busy} printStatus={printState.status}
        onPrint={() => void print({ dossierId: receipt.id, kind: 'receipt', paper: 'a4' })}
        rows={[{ id: 'code', label: t('receipt.code'), value: receipt.code }, { id: 'due', label: t('receipt.due'), value: receipt.due }]}
        openText={t('receipt.open')} nextText={t('drafts.heading')} onOpen={() => onOpen(receipt.id)}
        onNext={() => { setReceipt(undefined); setDraft(undefined); resetPrint(); void load(); }} />
    );
  }
  const procedure = draft && catalogue.find((p) => p.code === draft.procedureCode);
  return (
    <section aria-labelledby="drafts-heading" data-testid="volunteer-drafts">
      <h2 id="drafts-heading">{t('drafts.heading')}</h2>
      {error && <ErrorPanel message={error} retryText={t('today.refresh')} onRetry={() => void load()} />}
      {!items && !error && <p aria-busy="true">{t('today.loading')}</p>}
      {items?.length === 0 && <p className="muted">{t('drafts.empty')}</p>}
      {items && items.length > 0 && (
        <table className="dossier-table">
          <thead><tr><th>{t('list.applicant')}</th><th>{t('list.procedure')}</th><th>{t('drafts.updated')}</th><th><span className="visually-hidden">{t('drafts.open')}</span></th></tr></thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} data-testid="draft-row" className={draft?.id === i.id ? 'selected' : undefined}>
                <td>{i.applicantName || '—'}</td>
                <td>{pick(catalogue.find((p) => p.code === i.procedureCode)?.name ?? { vi: i.procedureCode, en: i.procedureCode })}</td>
                <td>{new Date(i.updatedAt).toLocaleString('vi-VN')}</td>
                <td><button type="button" data-testid="draft-open" onClick={() => void open(i.id)}>{t('drafts.open')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {draft && (
        <div className="draft-review" data-testid="draft-review">
          <h3 ref={reviewHeading} tabIndex={-1}>{draft.applicant.name || '—'} · {procedure ? pick(procedure.name) : draft.procedureCode}</h3>
          <p className="muted">{t('drafts.acceptNote')}</p>
          <InfoList rows={[
            ...(procedure ? reviewRows(procedure.form.fields, Object.fromEntries(Object.entries(draft.values).map(([k, v]) => [k, v === null ? '' : String(v)])), pick) : []),
            { id: 'papers', label: t('volunteer.papersTicked'), value: (procedure?.documents.filter((d) => draft.documents.includes(d.key)).map((d) => pick(d.name)) ?? draft.documents).join('; ') || t('volunteer.noPapers') },
          ]} />
          <div className="actions">
            <button type="button" className="primary" data-testid="draft-accept" disabled={busy} onClick={() => void accept(draft)}>
              {busy ? t('drafts.accepting') : t('drafts.accept')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
