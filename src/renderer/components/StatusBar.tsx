/** One device or link shown in the bar; a button that opens where it is set up. */
export interface StatusItem {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly tone: 'ok' | 'warn' | 'bad' | 'muted';
  /** The longer explanation (tooltip and accessible description). */
  readonly title: string;
}

export interface StatusBarProps {
  readonly commune: string;
  readonly user: string;
  readonly role: string;
  readonly labels: { readonly commune: string; readonly user: string; readonly role: string };
  /** Sync, scanner and printer: shown as not available until those services land. */
  readonly pending: readonly string[];
  readonly pendingTitle: string;
  /** Sync, scanner and printer once they are known; replaces `pending` where given. */
  readonly items?: readonly StatusItem[];
  readonly onItem?: (id: string) => void;
}

export function StatusBar(props: StatusBarProps) {
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span>{props.labels.commune}: <b data-testid="status-commune">{props.commune}</b></span>
      <span>{props.labels.user}: <b data-testid="status-user">{props.user}</b></span>
      <span>{props.labels.role}: <b data-testid="status-role">{props.role}</b></span>
      {props.items?.map((item) => (
        <button key={item.id} type="button" className={`status-item status-${item.tone}`} data-testid={`status-${item.id}`} title={item.title}
          aria-label={`${item.label}: ${item.value}. ${item.title}`} onClick={() => props.onItem?.(item.id)}>
          {item.label}: <b>{item.value}</b>
        </button>
      ))}
      {props.pending.map((label) => (
        <span key={label} className="status-pending" title={props.pendingTitle}>{label}</span>
      ))}
    </footer>
  );
}
