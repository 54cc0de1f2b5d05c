export interface ReceiptCardProps {
  readonly heading: string;
  readonly rows: readonly { readonly id: string; readonly label: string; readonly value: string }[];
  readonly printText: string;
  /** Undefined while the print API is not there: the button shows why it is disabled. */
  readonly onPrint?: () => void;
  readonly printUnavailableText: string;
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
        <button type="button" disabled={!props.onPrint} title={props.onPrint ? undefined : props.printUnavailableText} onClick={props.onPrint}>{props.printText}</button>
        <button type="button" autoFocus onClick={props.onNext}>{props.nextText}</button>
        <button type="button" onClick={props.onOpen}>{props.openText}</button>
      </div>
      {!props.onPrint && <p className="muted">{props.printUnavailableText}</p>}
    </section>
  );
}
