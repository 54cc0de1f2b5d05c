import { useState } from 'react';

export interface TransitionInputs { reason?: string; result?: { number: string; registerBook?: string; registerPage?: string }; rescheduleTo?: string }

export interface TransitionFormProps {
  readonly title: string;
  readonly needs: { readonly reason: boolean; readonly result: boolean; readonly reschedule: boolean };
  readonly labels: { readonly reason: string; readonly resultNumber: string; readonly registerBook: string; readonly registerPage: string; readonly reschedule: string; readonly confirm: string; readonly cancel: string };
  readonly error?: string;
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
  const { labels, needs } = props;
  return (
    <form className="transition-form" data-testid="transition-form" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
      onSubmit={(e) => {
        e.preventDefault();
        props.onConfirm({
          ...(reason.trim() ? { reason } : {}),
          ...(needs.result ? { result: { number, ...(book ? { registerBook: book } : {}), ...(page ? { registerPage: page } : {}) } } : {}),
          ...(needs.reschedule ? { rescheduleTo: when } : {}),
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
      {needs.reschedule && <label>{labels.reschedule}<input data-testid="reschedule-to" value={when} placeholder="2026-11-30T16:00" onChange={(e) => setWhen(e.target.value)} /></label>}
      {props.error && <p className="field-error" role="alert" data-testid="transition-error">{props.error}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={props.busy}>{labels.confirm}</button>
        <button type="button" onClick={props.onCancel}>{labels.cancel}</button>
      </div>
    </form>
  );
}
