import { useCallback, useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import { slipKinds, slips, type SlipKind } from '../../../shared/dossier/states';
import { base64Bytes, download } from '../../download';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/vi';
import { call } from '../shell/call';

type Kept = ApiOutput<'slip.list'>['items'][number];
type Printed = ApiOutput<'slip.print-log'>['items'][number];

export interface SlipsPanelProps {
  readonly dossierId: string;
  readonly dossierCode: string | null;
  /** Changes after each print the screen made, so the lists are read again. */
  readonly version: number;
  /** Officer names by account id (from the dossier's history). */
  readonly names: ReadonlyMap<string, string>;
}

const stateKey: Record<Printed['state'], MessageKey> = { completed: 'slips.completed', failed: 'slips.failed', stuck: 'slips.stuck' };

/**
 * The slips kept with the dossier and its print log. "Xem" downloads the kept PDF: the app's CSP
 * (object-src 'none', frames from 'self' only) and Electron's denied new windows leave no way to
 * show a PDF inside the app. "In lại" sends the logged bytes again.
 */
export function SlipsPanel(props: SlipsPanelProps) {
  const { t, pick } = useI18n();
  const [kept, setKept] = useState<Kept[]>([]);
  const [log, setLog] = useState<Printed[]>([]);
  const [busy, setBusy] = useState<string>();
  const [answer, setAnswer] = useState<{ ok: boolean; text: string }>();
  const load = useCallback(async () => {
    const [k, l] = await Promise.all([call('slip.list', { id: props.dossierId }), call('slip.print-log', { id: props.dossierId })]);
    if (k.ok) setKept(k.value.items);
    if (l.ok) setLog(l.value.items);
  }, [props.dossierId]);
  useEffect(() => { void load(); }, [load, props.version]);

  const kind = (k: string) => ((slipKinds as readonly string[]).includes(k) ? pick(slips[k as SlipKind].label) : k);
  const who = (id: string) => props.names.get(id) ?? '—';
  const when = (iso: string) => new Date(iso).toLocaleString('vi-VN');

  const view = async (slip: Kept) => {
    setBusy(slip.id);
    const r = await call('slip.kept', { id: slip.id });
    setBusy(undefined);
    if (!r.ok) return setAnswer({ ok: false, text: pick(r.error.message) });
    download(base64Bytes(r.value.pdfBase64), `${props.dossierCode ?? props.dossierId}-${slip.slipKind}.pdf`, 'application/pdf');
  };
  const reprint = async (entry: Printed) => {
    setBusy(entry.id);
    setAnswer({ ok: true, text: t('receipt.printing') });
    const r = await call('slip.reprint', { logId: entry.id });
    setBusy(undefined);
    setAnswer(r.ok ? { ok: true, text: `${t('receipt.printed')} ${r.value.printer}` } : { ok: false, text: pick(r.error.message) });
    await load();
  };

  return (
    <section className="slips" aria-labelledby="slips-heading" data-testid="slips">
      <h3 id="slips-heading">{t('slips.heading')}</h3>
      {kept.length === 0 && <p className="muted">{t('slips.none')}</p>}
      {kept.length > 0 && (
        <table className="dossier-table" data-testid="slips-kept">
          <caption>{t('slips.kept')}</caption>
          <thead><tr><th scope="col">{t('slips.kind')}</th><th scope="col">{t('slips.when')}</th><th scope="col">{t('slips.by')}</th><th scope="col">{t('slips.lastPrint')}</th><th scope="col"><span className="sr-only">{t('slips.actions')}</span></th></tr></thead>
          <tbody>
            {kept.map((s) => (
              <tr key={s.id} data-testid="slip-kept-row" data-kind={s.slipKind}>
                <td>{kind(s.slipKind)}</td>
                <td>{when(s.keptAt)}</td>
                <td>{who(s.keptBy)}</td>
                <td>{s.lastPrint ? `${t(stateKey[s.lastPrint.state])} · ${s.lastPrint.printer}` : t('slips.notPrinted')}</td>
                <td><button type="button" data-testid="slip-view" disabled={busy === s.id} onClick={() => void view(s)} aria-label={`${t('slips.view')}: ${kind(s.slipKind)}`}>{t('slips.view')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log.length > 0 && (
        <table className="dossier-table" data-testid="slips-log">
          <caption>{t('slips.log')}</caption>
          <thead><tr><th scope="col">{t('slips.kind')}</th><th scope="col">{t('slips.state')}</th><th scope="col">{t('slips.by')}</th><th scope="col">{t('slips.when')}</th><th scope="col">{t('slips.printer')}</th><th scope="col"><span className="sr-only">{t('slips.actions')}</span></th></tr></thead>
          <tbody>
            {log.map((p) => (
              <tr key={p.id} data-testid="slip-log-row" data-kind={p.slipKind} data-state={p.state}>
                <td>{kind(p.slipKind)}{p.reprintOf ? ` (${t('slips.reprinted')})` : ''}</td>
                <td className={p.state === 'completed' ? '' : 'error-text'}>{t(stateKey[p.state])}</td>
                <td>{who(p.printedBy)}</td>
                <td>{when(p.printedAt)}</td>
                <td>{p.printer}</td>
                <td><button type="button" data-testid="slip-reprint" disabled={busy === p.id} onClick={() => void reprint(p)} aria-label={`${t('slips.reprint')}: ${kind(p.slipKind)}, ${when(p.printedAt)}`}>{t('slips.reprint')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {answer && <p role={answer.ok ? 'status' : 'alert'} className={answer.ok ? 'muted' : 'error-text'} data-testid="slips-answer">{answer.text}</p>}
    </section>
  );
}
