export interface AppHeaderProps {
  readonly title: string;
  readonly subtitle: string;
  readonly office?: string;
  readonly switchText: string;
  readonly switchLabel: string;
  readonly onSwitchLanguage: () => void;
  /** The training sandbox is open: a band no screen can hide, the word itself plus stripes, never colour alone. */
  readonly training?: { readonly mark: string; readonly explain: string };
}

export function AppHeader(props: AppHeaderProps) {
  return (
    <header className={props.training ? 'app-header training' : 'app-header'}>
      <div>
        <h1>{props.title}</h1>
        <p className="subtitle">{props.subtitle}</p>
      </div>
      {props.training && (
        <p className="training-mark" data-testid="training-mark">
          <strong>{props.training.mark}</strong>
          <span>{props.training.explain}</span>
        </p>
      )}
      {props.office && <p className="office" data-testid="office">{props.office}</p>}
      {/* The visible word is the accessible name (WCAG 2.5.3, label in name); the longer phrase is its description. */}
      <button type="button" className="lang-switch" onClick={props.onSwitchLanguage} title={props.switchLabel} accessKey="l">
        {props.switchText}
      </button>
    </header>
  );
}
