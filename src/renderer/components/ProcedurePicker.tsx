import { useState } from 'react';

export interface ProcedurePickerProps {
  readonly label: string;
  readonly noMatchText: string;
  readonly typed: string;
  readonly options: readonly { readonly key: string; readonly code: string; readonly name: string }[];
  readonly onType: (text: string) => void;
  readonly onPick: (key: string) => void;
}

/** A combobox: type to filter, ↑/↓ to move, Enter to pick. */
export function ProcedurePicker(props: ProcedurePickerProps) {
  const [active, setActive] = useState(0);
  const index = Math.min(active, Math.max(0, props.options.length - 1));
  const current = props.options[index];
  return (
    <div className="picker">
      <label htmlFor="procedure-search">{props.label}</label>
      <input id="procedure-search" data-testid="procedure-search" role="combobox" aria-expanded="true" aria-controls="procedure-options" autoFocus
        aria-activedescendant={current ? `proc-${current.key}` : undefined} value={props.typed}
        onChange={(e) => { props.onType(e.target.value); setActive(0); }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setActive(Math.min(index + 1, props.options.length - 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive(Math.max(index - 1, 0)); }
          else if (e.key === 'Enter' && current) { e.preventDefault(); props.onPick(current.key); }
        }} />
      <ul id="procedure-options" role="listbox" className="options">
        {props.options.length === 0 && <li className="muted">{props.noMatchText}</li>}
        {props.options.map((o, i) => (
          <li key={o.key} id={`proc-${o.key}`} role="option" aria-selected={i === index} className={i === index ? 'active' : undefined} onClick={() => props.onPick(o.key)}>
            <span className="code">{o.code}</span> {o.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
