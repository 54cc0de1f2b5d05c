import { useState } from 'react';

export interface TransitionInputs { reason?: string; result?: { number: string; registerBook?: string; registerPage?: string }; rescheduleTo?: string; documents?: string[] }

export interface TransitionFormProps {
  readonly title: string;
  readonly needs: { readonly reason: boolean; readonly result: boolean; readonly reschedule: boolean };
  readonly labels: { readonly reason: string; readonly resultNumber: string; readonly registerBook: string; readonly registerPage: string; readonly reschedule: string; readonly confirm: string; readonly cancel: string };
  readonly error?: string;
  /** A supplement request's checklist: the procedure's papers the clerk may tick as missing or to correct. */
  readonly papers?: { readonly heading: string; readonly items: readonly { readonly key: string; readonly name: string }[] };
  readonly busy: boolean;
  readonly onConfirm: (inputs: TransitionInputs) => void;
  readonly onCancel: () => void;
}

/** Asks for what one transition needs; the refusal appears inline and the typed text stays. */
export function TransitionForm(props: TransitionFormProps) {
  const [reason, setReason] = useState('');
  const [number, setNumber] = useState('');
  const [book, setBook] = useState('');
  const [page, setPage] = useState('');
  const [when, setWhen] = useState('');
  const [ticked, setTicked] = useState<readonly string[]>([]);
  const toggle = (key: string) => setTicked((all) => (all.includes(key) ? all.filter((k) => k !== key) : [...all, key]));
  const { labels, needs } = props;
  return (
    <form className="transition-form" data-testid="transition-form" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
      onSubmit={(e) => {
        e.preventDefault();
        props.onConfirm({
          ...(reason.trim() ? { reason } : {}),
          ...(needs.result ? { result: { number, ...(book ? { registerBook: book } : {}), ...(page ? { registerPage: page } : {}) } } : {}),
          ...(needs.reschedule ? { rescheduleTo: when } : {}),
          // In the checklist's order, so the slip lists the papers as the procedure does.
          ...(props.papers && ticked.length > 0 ? { documents: props.papers.items.map((p) => p.key).filter((k) => ticked.includes(k)) } : {}),
        });
      }}>
      <h3>{props.title}</h3>
      <label>{labels.reason}<textarea data-testid="transition-reason" autoFocus rows={2} value={reason} required={needs.reason} onChange={(e) => setReason(e.target.value)} /></label>
      {needs.result && (
        <div className="row">
          <label>{labels.resultNumber}<input data-testid="result-number" value={number} onChange={(e) => setNumber(e.target.value)} /></label>
          <label>{labels.registerBook}<input value={book} onChange={(e) => setBook(e.target.value)} /></label>
          <label>{labels.registerPage}<input value={page} onChange={(e) => setPage(e.target.value)} /></label>
        </div>
      )}
      {props.papers && props.papers.items.length > 0 && (
        <fieldset className="transition-papers" data-testid="transition-papers">
          <legend>{props.papers.heading}</legend>
          {props.papers.items.map((p) => (
            <label key={p.key} className="paper"><input type="checkbox" data-testid={`transition-paper-${p.key}`} checked={ticked.includes(p.key)} onChange={() => toggle(p.key)} />{p.name}</label>
          ))}
        </fieldset>
      )}
      {needs.reschedule && <label>{labels.reschedule}<input data-testid="reschedule-to" value={when} placeholder="2026-11-30T16:00" onChange={(e) => setWhen(e.target.value)} /></label>}
      {props.error && <p className="field-error" role="alert" data-testid="transition-error">{props.error}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={props.busy}>{labels.confirm}</button>
        <button type="button" onClick={props.onCancel}>{labels.cancel}</button>
      </div>
    </form>
  );
}
