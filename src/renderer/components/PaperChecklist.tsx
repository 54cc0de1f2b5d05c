export interface PaperChecklistProps {
  readonly heading: string;
  readonly papers: readonly { readonly key: string; readonly name: string; readonly required: boolean }[];
  readonly ticked: ReadonlySet<string>;
  readonly onToggle: (key: string) => void;
}

export function PaperChecklist(props: PaperChecklistProps) {
  return (
    <fieldset className="papers" data-testid="papers">
      <legend>{props.heading}</legend>
      {props.papers.map((p) => (
        <label key={p.key} className="paper">
          <input type="checkbox" data-testid={`paper-${p.key}`} checked={props.ticked.has(p.key)} onChange={() => props.onToggle(p.key)} />
          {p.name}{p.required && <span className="req"> *</span>}
        </label>
      ))}
    </fieldset>
  );
}
