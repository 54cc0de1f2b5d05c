import { BEFORE_LOCK_EVENT } from '../../hooks/use-idle-lock';
import { stashForm } from '../shell/lock-stash';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProcedureListItem } from '../../../shared/api/dossiers';
import { uuidv7 } from '../../../shared/id/uuidv7';
import { formatLocal } from '../../components/DossierTable';
import { FormFields } from '../../components/FormFields';
import { PageStrip, pageFlag } from '../../components/PageStrip';
import { PaperChecklist } from '../../components/PaperChecklist';
import { ProcedurePicker } from '../../components/ProcedurePicker';
import { ReceiptCard } from '../../components/ReceiptCard';
import { useSlipPrint } from '../../hooks/use-slip-print';
import { useI18n } from '../../i18n';
import type { LocalizedText } from '../../../shared/validation';
import { call } from '../shell/call';
import { applicantOf, checkFields, estimateDue, initialValues, matchProcedures, type Values } from './intake-logic';
import type { LeaveGuard } from './leave-guard';
import { useDraftReopen } from './use-draft-reopen';
import { usePaperScans } from './use-paper-scans';

interface Receipt { readonly id: string; readonly code: string; readonly dueLocal: string | null; readonly dueText: string | null }

export interface IntakeScreenProps {
  readonly onDirty: (dirty: boolean) => void;
  readonly onOpen: (id: string) => void;
  /** Offers the shell a save/discard choice while the form has unsaved work. */
  readonly onGuard?: (guard: LeaveGuard | undefined) => void;
  /** Reopens this saved draft (a clerk's form or a dossier draft) instead of a blank form. */
  readonly draftId?: string;
}

const AUTOSAVE_MS = 800;
const DUE_TICK_MS = 30_000;

export function IntakeScreen({ onDirty, onOpen, onGuard, draftId: reopenId }: IntakeScreenProps) {
  const { t, pick } = useI18n();
  const [procedures, setProcedures] = useState<ProcedureListItem[]>([]);
  const [typed, setTyped] = useState('');
  const [procedure, setProcedure] = useState<ProcedureListItem>();
  const [draftId, setDraftId] = useState('');
  const [values, setValues] = useState<Values>({});
  const [papers, setPapers] = useState<Set<string>>(new Set());
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [serverError, setServerError] = useState<{ field?: string; text: string }>();
  const [savedAt, setSavedAt] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt>();
  const [printState, print, resetPrint] = useSlipPrint();
  const timer = useRef<number | undefined>(undefined);
  // Once a paper is scanned the form is a dossier draft: received later with its row version.
  const rowVersion = useRef<number | null>(null);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const paperScans = usePaperScans();
  const [edited, setEdited] = useState(false);

  useEffect(() => { void call('procedure.list', {}).then((r) => r.ok && setProcedures(r.value.items)); }, []);

  const pickProcedure = (key: string) => {
    const p = procedures.find((x) => x.key === key);
    if (!p) return;
    setProcedure(p);
    setDraftId(uuidv7(Date.now()));
    setValues(initialValues(p));
    setPapers(new Set());
    setTouched(new Set());
    setReceipt(undefined);
    setServerError(undefined);
    setEdited(false);
    rowVersion.current = null;
    paperScans.reset();
    window.setTimeout(() => document.querySelector<HTMLElement>('.form-fields input, .form-fields select')?.focus(), 0);
  };

  // Autosave, debounced: the whole form under the id chosen when it opened.
  const saveNow = useCallback((p: ProcedureListItem, id: string, v: Values, docs: Set<string>) => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const done = saving.current.then(() => call('draft.save', { id, procedureCode: p.code, applicant: applicantOf(p, v), values: v, documents: [...docs] })).then((r) => {
      if (!r.ok) return;
      setSavedAt(r.value.savedAt);
      if (r.value.kind === 'dossier') rowVersion.current = r.value.rowVersion;
    });
    saving.current = done;
    return done;
  }, []);
  const pendingSave = useRef<() => void>(undefined);
  const scheduleSave = useCallback((p: ProcedureListItem, id: string, v: Values, docs: Set<string>) => {
    window.clearTimeout(timer.current);
    pendingSave.current = () => void saveNow(p, id, v, docs);
    timer.current = window.setTimeout(() => void saveNow(p, id, v, docs), AUTOSAVE_MS);
  }, [saveNow]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  // The screen is about to lock and unmount this form (App, issue 13): a save still waiting goes
  // now, and the form is stashed in memory in case the core has locked already and refuses it.
  const latest = useRef({ procedure, draftId, values, papers, edited });
  latest.current = { procedure, draftId, values, papers, edited };
  useEffect(() => {
    const beforeLock = () => {
      const f = latest.current;
      if (f.procedure && f.edited) stashForm({ id: f.draftId, procedureCode: f.procedure.code, applicant: applicantOf(f.procedure, f.values), values: f.values, documents: [...f.papers] });
      if (timer.current !== undefined) pendingSave.current?.();
    };
    window.addEventListener(BEFORE_LOCK_EVENT, beforeLock);
    return () => window.removeEventListener(BEFORE_LOCK_EVENT, beforeLock);
  }, []);

  const reopening = useDraftReopen(reopenId, procedures, (draft, p) => {
    setProcedure(p);
    setDraftId(draft.id);
    setValues(Object.fromEntries(Object.entries(draft.values).map(([k, v]) => [k, v === null ? '' : String(v)])));
    setPapers(new Set(draft.documents));
    rowVersion.current = draft.rowVersion;
    onDirty(true);
    setEdited(true);
  }, paperScans.load);

  // Leaving with unsaved work asks (the shell's dialog); closing the tab asks the browser's way.
  const dirtyForm = procedure !== undefined && receipt === undefined && edited;
  useEffect(() => {
    if (!procedure || !dirtyForm) { onGuard?.(undefined); return; }
    onGuard?.({
      save: () => saveNow(procedure, draftId, values, papers),
      discard: async () => { window.clearTimeout(timer.current); await saving.current; await call('draft.discard', { id: draftId }); },
    });
    const warn = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [procedure, dirtyForm, draftId, values, papers, saveNow, onGuard]);
  useEffect(() => () => onGuard?.(undefined), [onGuard]);

  const scanPaper = async (key: string) => {
    if (!procedure) return;
    window.clearTimeout(timer.current);
    await saving.current;
    const next = new Set(papers).add(key);
    setPapers(next);
    onDirty(true);
    setEdited(true);
    const target = await paperScans.scan(key, () =>
      call('draft.document', { id: draftId, procedureCode: procedure.code, applicant: applicantOf(procedure, values), values, documents: [...next], paper: key }));
    if (target) rowVersion.current = target.rowVersion;
  };

  const change = (key: string, value: string) => {
    if (!procedure) return;
    const next = { ...values, [key]: value };
    setValues(next);
    onDirty(true);
    setEdited(true);
    if (serverError?.field === key) setServerError(undefined);
    scheduleSave(procedure, draftId, next, papers);
  };
  const toggle = (key: string) => {
    if (!procedure) return;
    const next = new Set(papers);
    if (next.has(key)) next.delete(key); else next.add(key);
    setPapers(next);
    onDirty(true);
    setEdited(true);
    scheduleSave(procedure, draftId, values, next);
  };

  const issues = useMemo(() => (procedure ? checkFields(procedure, values) : new Map<string, LocalizedText>()), [procedure, values]);
  // The appointment is shown live: the clock ticks while the clerk types.
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNowMs(Date.now()), DUE_TICK_MS);
    return () => window.clearInterval(id);
  }, []);
  const due = useMemo(() => (procedure ? estimateDue(procedure, nowMs) : undefined), [procedure, nowMs]);

  const submit = useCallback(async () => {
    if (!procedure || busy) return;
    if (issues.size > 0) {
      setTouched(new Set(issues.keys()));
      setServerError({ text: t('intake.fixFirst') });
      document.getElementById(`field-${[...issues.keys()][0] ?? ''}`)?.focus();
      return;
    }
    setBusy(true);
    window.clearTimeout(timer.current);
    await saving.current;
    const form = { applicant: applicantOf(procedure, values), values, documents: [...papers] };
    const r = rowVersion.current === null
      ? await call('dossier.receive', { from: 'counter', id: draftId, procedureCode: procedure.code, ...form })
      : await call('dossier.receive', { from: 'draft', id: draftId, rowVersion: rowVersion.current, ...form });
    setBusy(false);
    if (!r.ok) {
      const field = typeof r.error.params.field === 'string' ? r.error.params.field : undefined;
      return setServerError({ ...(field ? { field } : {}), text: pick(r.error.message) });
    }
    onDirty(false);
    setReceipt({ id: r.value.dossier.id, code: r.value.dossier.code ?? '', dueLocal: r.value.dossier.dueLocal, dueText: r.value.slip.dueText });
  }, [procedure, busy, issues, draftId, values, papers, onDirty, pick, t]);

  const errors = new Map<string, string>();
  for (const [key, message] of issues) if (touched.has(key)) errors.set(key, pick(message));
  if (serverError?.field) errors.set(serverError.field.replace(/^applicant\./u, ''), serverError.text);

  if (receipt) {
    return (
      <ReceiptCard heading={t('receipt.heading')} printText={t('receipt.print')}
        onPrint={() => void print({ dossierId: receipt.id, kind: 'receipt', paper: 'a4' })} printing={printState.busy} printStatus={printState.status}
        rows={[{ id: 'code', label: t('receipt.code'), value: receipt.code }, { id: 'due', label: t('receipt.due'), value: receipt.dueText ?? formatLocal(receipt.dueLocal) }]}
        openText={t('receipt.open')} nextText={t('receipt.next')} onOpen={() => onOpen(receipt.id)} onNext={() => { setProcedure(undefined); setReceipt(undefined); setTyped(''); resetPrint(); }} />
    );
  }
  if (!procedure && reopening) return <p aria-busy="true">{t('intake.reopening')}</p>;
  if (!procedure) {
    return (
      <section>
        <h2>{t('intake.heading')}</h2>
        <ProcedurePicker label={t('intake.pick')} noMatchText={t('intake.noMatch')} typed={typed} onType={setTyped} onPick={pickProcedure}
          options={matchProcedures(procedures, typed).map((p) => ({ key: p.key, code: p.code, name: pick(p.name) }))} />
      </section>
    );
  }
  return (
    <form className="intake" data-testid="intake-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}
      onKeyDown={(e) => { if (e.ctrlKey && e.key === 'Enter') { e.preventDefault(); void submit(); } }}>
      <div className="intake-head">
        <h2>{pick(procedure.name)} <small className="muted">{procedure.code}</small></h2>
        <button type="button" onClick={() => { if (window.confirm(t('nav.unsaved'))) { setProcedure(undefined); onDirty(false); } }}>{t('intake.change')}</button>
      </div>
      <div className="intake-body">
        <FormFields sections={procedure.form.sections} fields={procedure.form.fields} values={values} errors={errors} label={pick} requiredText={t('intake.required')}
          onChange={change} onLeave={(key) => setTouched((s) => new Set(s).add(key))} />
        <aside className="intake-side">
          <PaperChecklist heading={t('intake.papers')} ticked={papers} onToggle={toggle}
            papers={procedure.documents.map((d) => ({ key: d.key, name: pick(d.name), required: d.presence.kind === 'required' }))}
            scan={{ text: t('scan.button'), busy: (key) => paperScans.scans[key]?.jobId !== undefined, onScan: (key) => void scanPaper(key), below: (key) => {
              const s = paperScans.scans[key];
              if (!s) return null;
              return (
                <>
                  {s.jobId !== undefined && (
                    <p className="scan-progress" role="status" data-testid={`scan-progress-${key}`}>
                      <progress aria-label={t('scan.scanning')} /> {t('scan.scanning')} {s.pages.length} {t('scan.pages')}
                      <button type="button" onClick={() => paperScans.cancel(key)}>{t('scan.cancel')}</button>
                    </p>
                  )}
                  {s.error && <p className="field-error" role="alert" data-testid={`scan-error-${key}`}>{s.error}</p>}
                  <PageStrip testId={`pages-${key}`} keysHint={t('scan.keys')} label={(n) => `${t('scan.pageLabel')} ${n}`}
                    pages={s.pages.map((p) => ({ id: p.id, rotation: p.rotation, thumb: paperScans.thumbs[p.sha256], flag: pageFlag(p, t) }))}
                    onRotate={(id) => void paperScans.rotate(key, id)} onDelete={(id) => void paperScans.remove(key, id)} onMove={(id, delta) => void paperScans.move(key, id, delta)} />
                </>
              );
            } }} />
          <p className="due" data-testid="due-estimate"><b>{t('intake.due')}:</b> {due ?? '—'}<br /><small className="muted">{t('intake.dueNote')}</small></p>
          <p className="muted" aria-live="polite">{savedAt ? `${t('intake.saved')} ${new Date(savedAt).toLocaleTimeString('vi-VN')}` : ''}</p>
          {serverError && !serverError.field && <p className="field-error" role="alert" data-testid="intake-error">{serverError.text}</p>}
          {serverError?.field && <p className="field-error" role="alert" data-testid="intake-error">{serverError.text}</p>}
          <button type="submit" className="primary" disabled={busy}>{busy ? t('intake.busy') : t('intake.submit')}</button>
        </aside>
      </div>
    </form>
  );
}
