/** One device or link shown in the bar; a button that opens where it is set up. */
export interface StatusItem {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly tone: 'ok' | 'warn' | 'bad' | 'muted';
  /** The longer explanation (tooltip and accessible description). */
  readonly title: string;
}

/** Which data is open (the commune's or the training sandbox), with the switch to the other when there is one. */
export interface DataInUse {
  /** "Dữ liệu thật" or "Bản đào tạo". */
  readonly label: string;
  readonly commune: string;
  readonly training: boolean;
  readonly switchText?: string;
  readonly onSwitch?: () => void;
}

export interface StatusBarProps {
  readonly data: DataInUse;
  readonly user: string;
  readonly role: string;
  readonly labels: { readonly user: string };
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
      <span className={props.data.training ? 'status-data status-data-training' : 'status-data'} data-testid="status-data">
        {props.data.label}: <b data-testid="status-commune">{props.data.commune}</b>
      </span>
      {props.data.onSwitch && props.data.switchText && (
        <button type="button" className="status-switch" data-testid="status-switch" onClick={props.data.onSwitch}>{props.data.switchText}</button>
      )}
      {/* Name and role in one item: with the data in use and its switch, a clerk's bar still fits 1024 px. */}
      <span>{props.labels.user}: <b data-testid="status-user">{props.user}</b> (<span data-testid="status-role">{props.role}</span>)</span>
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
