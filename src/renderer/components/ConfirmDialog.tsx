import { useRef, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  readonly heading: string;
  readonly children: ReactNode;
  /** Omitted for a dialog that only informs (the temporary password): one button closes it. */
  readonly confirmText?: string;
  readonly cancelText: string;
  readonly busy?: boolean;
  readonly error?: string;
  readonly onConfirm?: () => void;
  readonly onCancel: () => void;
  readonly testId: string;
}

const focusable = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal question. The safe answer has the focus (Enter on a dialog that opened by mistake
 * changes nothing), Esc is the same answer, and Tab stays inside the dialog.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const box = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') { e.stopPropagation(); e.preventDefault(); if (!props.busy) props.onCancel(); return; }
    if (e.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(focusable)];
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  };
  const headingId = `${props.testId}-heading`;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby={headingId} aria-describedby={`${props.testId}-body`} data-testid={props.testId} onKeyDown={onKeyDown}>
      <div className="dialog confirm-dialog" ref={box}>
        <h2 id={headingId}>{props.heading}</h2>
        <div id={`${props.testId}-body`}>{props.children}</div>
        {props.error && <p className="field-error" role="alert" data-testid={`${props.testId}-error`}>{props.error}</p>}
        <div className="actions">
          <button type="button" autoFocus data-testid={`${props.testId}-cancel`} disabled={props.busy} onClick={props.onCancel}>{props.cancelText}</button>
          {props.confirmText && props.onConfirm && (
            <button type="button" className="primary" data-testid={`${props.testId}-confirm`} aria-disabled={props.busy ? true : undefined}
              onClick={() => { if (!props.busy) props.onConfirm?.(); }}>{props.confirmText}</button>
          )}
        </div>
      </div>
    </div>
  );
}
