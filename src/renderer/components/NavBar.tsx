export interface NavItem {
  readonly id: string;
  readonly label: string;
  readonly shortcut: string;
}

export interface NavBarProps {
  readonly label: string;
  readonly items: readonly NavItem[];
  readonly current: string;
  readonly onGo: (id: string) => void;
  readonly end: React.ReactNode;
}

export function NavBar(props: NavBarProps) {
  return (
    <nav className="nav-bar" aria-label={props.label}>
      {props.items.map((item) => (
        <button key={item.id} type="button" data-testid={`nav-${item.id}`} aria-current={props.current === item.id ? 'page' : undefined} onClick={() => props.onGo(item.id)}>
          {item.label} <kbd>{item.shortcut}</kbd>
        </button>
      ))}
      <span className="nav-end">{props.end}</span>
    </nav>
  );
}
