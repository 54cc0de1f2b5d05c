export interface ReceiptCardProps {
  readonly heading: string;
  readonly rows: readonly { readonly id: string; readonly label: string; readonly value: string }[];
  readonly printText: string;
  readonly onPrint: () => void;
  /** True while the spooler has the job: the button waits instead of printing twice. */
  readonly printing: boolean;
  /** What became of the last print: done on which printer, or the clerk-facing error. */
  readonly printStatus?: { readonly ok: boolean; readonly text: string } | undefined;
  readonly openText: string;
  readonly nextText: string;
  readonly onOpen: () => void;
  readonly onNext: () => void;
}

export function ReceiptCard(props: ReceiptCardProps) {
  return (
    <section className="receipt" data-testid="receipt" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading">{props.heading}</h2>
      <dl>
        {props.rows.map((r) => (
          <div key={r.id}><dt>{r.label}</dt><dd data-testid={`receipt-${r.id}`}>{r.value}</dd></div>
        ))}
      </dl>
      <div className="actions">
        <button type="button" disabled={props.printing} aria-busy={props.printing} onClick={props.onPrint} data-testid="receipt-print">{props.printText}</button>
        <button type="button" autoFocus onClick={props.onNext}>{props.nextText}</button>
        <button type="button" onClick={props.onOpen}>{props.openText}</button>
      </div>
      {props.printStatus && (
        <p role={props.printStatus.ok ? 'status' : 'alert'} className={props.printStatus.ok ? 'muted' : 'error-text'} data-testid="receipt-print-status">
          {props.printStatus.text}
        </p>
      )}
    </section>
  );
}
