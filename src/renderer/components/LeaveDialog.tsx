export interface LeaveDialogProps {
  readonly heading: string;
  readonly explain: string;
  readonly saveText: string;
  readonly discardText: string;
  readonly stayText: string;
  readonly onSave: () => void;
  readonly onDiscard: () => void;
  readonly onStay: () => void;
}

/** Leaving a form with unsaved work: a choice, never a silent loss. Saving is the default; Esc stays. */
export function LeaveDialog(props: LeaveDialogProps) {
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="leave-heading" data-testid="leave-dialog"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); props.onStay(); } }}>
      <div className="dialog leave-dialog">
        <h2 id="leave-heading">{props.heading}</h2>
        <p>{props.explain}</p>
        <div className="actions">
          <button type="button" className="primary" autoFocus data-testid="leave-save" onClick={props.onSave}>{props.saveText}</button>
          <button type="button" data-testid="leave-discard" onClick={props.onDiscard}>{props.discardText}</button>
          <button type="button" data-testid="leave-stay" onClick={props.onStay}>{props.stayText}</button>
        </div>
      </div>
    </div>
  );
}
