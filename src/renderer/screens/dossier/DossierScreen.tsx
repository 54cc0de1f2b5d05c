import { useCallback, useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import type { DossierView, ProcedureListItem, WorkflowTransitionName } from '../../../shared/api/dossiers';
import { formatLocal } from '../../components/DossierTable';
import { ErrorPanel } from '../../components/ErrorPanel';
import { InfoList } from '../../components/InfoList';
import { TransitionForm, type TransitionInputs } from '../../components/TransitionForm';
import { useSlipPrint } from '../../hooks/use-slip-print';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';
import { PageViewer } from './PageViewer';
import { ReadersPanel } from './ReadersPanel';
import { SlipsPanel } from './SlipsPanel';
import './dossier.css';

type Available = ApiOutput<'dossier.transitions-available'>;
type History = ApiOutput<'dossier.history'>['items'];

export function DossierScreen({ id, showReaders = false }: { readonly id: string; readonly showReaders?: boolean }) {
  const { t, pick } = useI18n();
  const [dossier, setDossier] = useState<DossierView>();
  const [history, setHistory] = useState<History>([]);
  const [available, setAvailable] = useState<Available>();
  const [error, setError] = useState<ApiError>();
  const [acting, setActing] = useState<Available['transitions'][number]>();
  const [actError, setActError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [catalogue, setCatalogue] = useState<ProcedureListItem[]>([]);
  const [printState, print, resetPrint] = useSlipPrint();
  const [slipsVersion, setSlipsVersion] = useState(0);
  useEffect(() => { void call('procedure.list', {}).then((r) => r.ok && setCatalogue(r.value.items)); }, []);

  const load = useCallback(async () => {
    const d = await call('dossier.get', { id });
    if (!d.ok) return setError(d.error);
    setDossier(d.value);
    const [h, a] = await Promise.all([call('dossier.history', { id }), call('dossier.transitions-available', { id })]);
    if (h.ok) setHistory(h.value.items);
    if (a.ok) setAvailable(a.value);
  }, [id]);
  useEffect(() => { void load(); }, [load]);

  const perform = async (inputs: TransitionInputs) => {
    if (!acting || !dossier || acting.call !== 'dossier.transition') return;
    setBusy(true);
    const r = await call('dossier.transition', { id, transition: acting.name as WorkflowTransitionName, rowVersion: dossier.rowVersion, ...inputs });
    setBusy(false);
    if (!r.ok) return setActError(pick(r.error.message));
    setActing(undefined);
    setActError(undefined);
    await load();
    // The slip the transition produced goes to the printer at once; the spooler's answer stays on screen.
    if (r.value.slip) {
      await print({ dossierId: id, kind: r.value.slip.kind, paper: 'a4' });
      setSlipsVersion((v) => v + 1);
    }
  };

  if (error) return <ErrorPanel message={pick(error.message)} retryText={t('today.refresh')} onRetry={() => void load()} />;
  if (!dossier) return <p aria-busy="true">{t('dossier.loading')}</p>;
  // Labels and select options from the catalogue version the dossier was received under (or the one in force).
  const procedure = catalogue.find((p) => p.code === dossier.procedure.code && p.version === dossier.procedure.version) ?? catalogue.find((p) => p.code === dossier.procedure.code);
  const form = procedure?.form;
  const names = new Map(history.flatMap((h) => (h.actor.id && h.actor.name ? [[h.actor.id, h.actor.name] as const] : [])));
  const fields = Object.entries(dossier.values).map(([key, value]) => {
    const field = form?.fields.find((f) => f.key === key);
    const option = field?.type === 'select' ? field.options.find((o) => o.value === value) : undefined;
    return { id: key, label: field ? pick(field.label) : key, value: option ? pick(option.label) : value === null ? '—' : String(value) };
  });
  return (
    <section className="dossier" data-testid="dossier-screen">
      <h2><span className="code" data-testid="dossier-code">{dossier.code ?? '—'}</span> · {pick(dossier.procedure.name)}</h2>
      <div className="dossier-body">
        <div>
          <h3>{t('dossier.actions')}</h3>
          <div className="actions" data-testid="transitions">
            {available?.transitions.length === 0 && <p className="muted">{t('dossier.noActions')}</p>}
            {available?.transitions.filter((x) => x.call === 'dossier.transition').map((x) => (
              <button key={x.name} type="button" data-testid={`transition-${x.name}`} onClick={() => { setActing(x); setActError(undefined); resetPrint(); }}>{pick(x.label)}</button>
            ))}
          </div>
          {acting && (
            <TransitionForm key={acting.name} title={pick(acting.label)} busy={busy} {...(actError ? { error: actError } : {})}
              {...(acting.name === 'request-supplement' && procedure ? { papers: { heading: t('action.papers'), items: procedure.documents.map((d) => ({ key: d.key, name: pick(d.name) })) } } : {})}
              needs={{ reason: acting.reasonRequired, result: acting.name === 'resolve', reschedule: acting.name === 'reschedule' }}
              labels={{ reason: t('action.reason'), resultNumber: t('action.resultNumber'), registerBook: t('action.registerBook'), registerPage: t('action.registerPage'), reschedule: t('action.reschedule'), confirm: t('action.confirm'), cancel: t('action.cancel') }}
              onConfirm={(i) => void perform(i)} onCancel={() => setActing(undefined)} />
          )}
          {printState.status && (
            <p role={printState.status.ok ? 'status' : 'alert'} aria-busy={printState.busy} className={printState.status.ok ? 'muted' : 'error-text'} data-testid="slip-print-status">
              {t('action.slipStatus')}: {printState.status.text}
            </p>
          )}
          <h3>{t('dossier.data')}</h3>
          <InfoList rows={[
            { id: 'status', label: t('dossier.status'), value: pick(dossier.statusLabel) },
            { id: 'applicant', label: t('list.applicant'), value: dossier.applicant.name },
            { id: 'due', label: t('list.due'), value: formatLocal(dossier.dueLocal) },
            { id: 'papers', label: t('dossier.papers'), value: dossier.documents.map((d) => d.title).join('; ') || '—' },
            ...(dossier.result ? [{ id: 'result', label: t('dossier.result'), value: [dossier.result.number, dossier.result.registerBook, dossier.result.registerPage].filter(Boolean).join(' / ') }] : []),
            ...fields,
          ]} />
        </div>
        <section className="dossier-pages" aria-labelledby="viewer-heading">
          <h3 id="viewer-heading">{t('viewer.heading')}</h3>
          <PageViewer documents={dossier.documents} />
        </section>
      </div>
      <div className="dossier-body dossier-lower">
        <div>
          <h3>{t('dossier.history')}</h3>
          <ol className="history" data-testid="history">
            {history.map((h) => (
              <li key={h.id}><time>{new Date(h.at).toLocaleString('vi-VN')}</time> · {h.actor.name ?? '—'} · {h.label ? pick(h.label) : h.action}{h.note ? ` — ${h.note}` : ''}</li>
            ))}
          </ol>
        </div>
        <SlipsPanel dossierId={id} dossierCode={dossier.code} version={slipsVersion} names={names} />
      </div>
      {showReaders && <ReadersPanel dossierId={id} />}
    </section>
  );
}
