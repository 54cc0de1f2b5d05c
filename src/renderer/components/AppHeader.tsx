export interface AppHeaderProps {
  readonly title: string;
  readonly subtitle: string;
  readonly office?: string;
  readonly switchText: string;
  readonly switchLabel: string;
  readonly onSwitchLanguage: () => void;
}

export function AppHeader(props: AppHeaderProps) {
  return (
    <header className="app-header">
      <div>
        <h1>{props.title}</h1>
        <p className="subtitle">{props.subtitle}</p>
      </div>
      {props.office && <p className="office" data-testid="office">{props.office}</p>}
      {/* The visible word is the accessible name (WCAG 2.5.3, label in name); the longer phrase is its description. */}
      <button type="button" className="lang-switch" onClick={props.onSwitchLanguage} title={props.switchLabel} accessKey="l">
        {props.switchText}
      </button>
    </header>
  );
}
