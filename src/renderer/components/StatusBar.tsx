export interface StatusBarProps {
  readonly commune: string;
  readonly user: string;
  readonly role: string;
  readonly labels: { readonly commune: string; readonly user: string; readonly role: string };
  /** Sync, scanner and printer: shown as not available until those services land. */
  readonly pending: readonly string[];
  readonly pendingTitle: string;
}

export function StatusBar(props: StatusBarProps) {
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span>{props.labels.commune}: <b data-testid="status-commune">{props.commune}</b></span>
      <span>{props.labels.user}: <b data-testid="status-user">{props.user}</b></span>
      <span>{props.labels.role}: <b data-testid="status-role">{props.role}</b></span>
      {props.pending.map((label) => (
        <span key={label} className="status-pending" title={props.pendingTitle}>{label}</span>
      ))}
    </footer>
  );
}
