import { BEFORE_LOCK_EVENT } from '../../hooks/use-idle-lock';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ProcedureListItem } from '../../../shared/api/dossiers';
import { uuidv7 } from '../../../shared/id/uuidv7';
import type { LocalizedText } from '../../../shared/validation';
import { FormFields } from '../../components/FormFields';
import { InfoList } from '../../components/InfoList';
import { PaperChecklist } from '../../components/PaperChecklist';
import { ProcedurePicker } from '../../components/ProcedurePicker';
import { useI18n } from '../../i18n';
import { applicantOf, checkFields, initialValues, matchProcedures, type Values } from '../intake/intake-logic';
import { call } from '../shell/call';
import { StepList } from './StepList';
import { reviewRows, volunteerSteps } from './volunteer-steps';
import './volunteer.css';

/**
 * A volunteer's guided entry: procedure → details → papers → review → "Gửi cho cán bộ". Every
 * step saves the draft (draft.save keeps it as a dossier in status draft), so nothing is lost if
 * the citizen leaves half-way; only a clerk can accept it, print a receipt or see other dossiers.
 */
export function VolunteerWizard() {
  const { t, pick } = useI18n();
  const [procedures, setProcedures] = useState<ProcedureListItem[]>([]);
  const [typed, setTyped] = useState('');
  const [procedure, setProcedure] = useState<ProcedureListItem>();
  const [step, setStep] = useState(0);
  const [id, setId] = useState('');
  const [values, setValues] = useState<Values>({});
  const [papers, setPapers] = useState<Set<string>>(new Set());
  const [showErrors, setShowErrors] = useState(false);
  const [savedAt, setSavedAt] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => { void call('procedure.list', {}).then((r) => r.ok && setProcedures(r.value.items)); }, []);
  // A new step is announced by moving focus to its heading, then Tab leads into its first box.
  // Step 0 keeps the procedure box's own autofocus.
  useEffect(() => { if (step > 0 || sent) heading.current?.focus(); }, [step, sent]);

  const issues = useMemo(() => (procedure ? checkFields(procedure, values) : new Map<string, LocalizedText>()), [procedure, values]);

  const save = async (): Promise<boolean> => {
    if (!procedure) return false;
    setBusy(true);
    const r = await call('draft.save', { id, procedureCode: procedure.code, applicant: applicantOf(procedure, values), values, documents: [...papers] });
    setBusy(false);
    if (!r.ok) { setError(pick(r.error.message)); return false; }
    setError(undefined);
    setSavedAt(r.value.savedAt);
    return true;
  };

  // The screen is about to lock and unmount (App, issue 13): what is typed in this step is saved first.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const beforeLock = () => void saveRef.current();
    window.addEventListener(BEFORE_LOCK_EVENT, beforeLock);
    return () => window.removeEventListener(BEFORE_LOCK_EVENT, beforeLock);
  }, []);

  const pickProcedure = (key: string) => {
    const p = procedures.find((x) => x.key === key);
    if (!p) return;
    // Back to step 1 and the same procedure again: the answers stay.
    if (procedure?.key === key) return setStep(1);
    // Another procedure is another dossier: the draft already sent for the first one goes.
    if (procedure && savedAt) void call('draft.discard', { id });
    setSavedAt(undefined);
    setProcedure(p);
    setId(uuidv7(Date.now()));
    setValues(initialValues(p));
    setPapers(new Set());
    setShowErrors(false);
    setStep(1);
  };

  const next = async () => {
    if (volunteerSteps[step] === 'fields' && issues.size > 0) {
      setShowErrors(true);
      setError(t('volunteer.fixFirst'));
      document.getElementById(`field-${[...issues.keys()][0] ?? ''}`)?.focus();
      return;
    }
    if (!(await save())) return;
    if (volunteerSteps[step] === 'review') setSent(true);
    else setStep((s) => s + 1);
  };

  const restart = () => {
    setProcedure(undefined);
    setTyped('');
    setStep(0);
    setSent(false);
    setSavedAt(undefined);
    setError(undefined);
  };

  const stepTitles = volunteerSteps.map((s) => ({ id: s, title: t(`volunteer.step.${s}`) }));
  const current = volunteerSteps[step] ?? 'procedure';
  const errors = new Map<string, string>();
  if (showErrors) for (const [key, message] of issues) errors.set(key, pick(message));

  if (sent) {
    return (
      <section className="volunteer" data-testid="volunteer-sent" aria-labelledby="volunteer-heading">
        <h2 id="volunteer-heading" ref={heading} tabIndex={-1}>{t('volunteer.sent')}</h2>
        <button type="button" className="primary" onClick={restart} data-testid="volunteer-another">{t('volunteer.another')}</button>
      </section>
    );
  }
  return (
    <section className="volunteer" data-testid="volunteer-wizard" aria-labelledby="volunteer-heading">
      <StepList label={t('volunteer.steps')} steps={stepTitles} current={step} />
      <h2 id="volunteer-heading" ref={heading} tabIndex={-1} data-testid="volunteer-step">
        {t('volunteer.step')} {step + 1}/{volunteerSteps.length}: {t(`volunteer.step.${current}`)}
      </h2>
      <p className="volunteer-help">{t(`volunteer.help.${current}`)}</p>
      {current === 'procedure' ? (
        <ProcedurePicker label={t('intake.pick')} noMatchText={t('intake.noMatch')} typed={typed} onType={setTyped} onPick={pickProcedure}
          options={matchProcedures(procedures, typed).map((p) => ({ key: p.key, code: p.code, name: pick(p.name) }))} />
      ) : procedure && (
        <form data-testid={`volunteer-${current}`} onSubmit={(e) => { e.preventDefault(); void next(); }}>
          <p className="volunteer-procedure">{pick(procedure.name)}</p>
          {current === 'fields' && (
            <FormFields sections={procedure.form.sections} fields={procedure.form.fields} values={values} errors={errors} label={pick}
              requiredText={t('intake.required')} onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))} onLeave={() => undefined} />
          )}
          {current === 'papers' && (
            <PaperChecklist heading={t('intake.papers')} ticked={papers} onToggle={(key) => setPapers((s) => { const n = new Set(s); if (n.has(key)) n.delete(key); else n.add(key); return n; })}
              papers={procedure.documents.map((d) => ({ key: d.key, name: pick(d.name), required: d.presence.kind === 'required' }))} />
          )}
          {current === 'review' && (
            <div data-testid="volunteer-review">
              <InfoList rows={[
                ...reviewRows(procedure.form.fields, values, pick),
                { id: 'papers', label: t('volunteer.papersTicked'), value: procedure.documents.filter((d) => papers.has(d.key)).map((d) => pick(d.name)).join('; ') || t('volunteer.noPapers') },
              ]} />
            </div>
          )}
          {error && <p className="field-error" role="alert" data-testid="volunteer-error">{error}</p>}
          <div className="actions volunteer-actions">
            <button type="button" onClick={() => setStep((s) => Math.max(0, s - 1))}>{t('volunteer.back')}</button>
            <button type="submit" className="primary" disabled={busy} data-testid="volunteer-next">
              {current === 'review' ? (busy ? t('volunteer.sending') : t('volunteer.send')) : t('volunteer.next')}
            </button>
          </div>
          <p className="muted" aria-live="polite">{savedAt ? `${t('volunteer.saved')} ${new Date(savedAt).toLocaleTimeString('vi-VN')}` : ''}</p>
        </form>
      )}
    </section>
  );
}
