export interface HelpPanelProps {
  readonly heading: string;
  readonly lines: readonly string[];
  readonly closeText: string;
  readonly onClose: () => void;
}

export function HelpPanel(props: HelpPanelProps) {
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="help-heading" data-testid="help-panel">
      <div className="dialog">
        <h2 id="help-heading">{props.heading}</h2>
        <ul>
          {props.lines.map((line) => <li key={line}>{line}</li>)}
        </ul>
        <button type="button" autoFocus onClick={props.onClose}>{props.closeText}</button>
      </div>
    </div>
  );
}
