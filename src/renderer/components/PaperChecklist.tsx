import type { ReactNode } from 'react';

export interface PaperChecklistProps {
  readonly heading: string;
  readonly papers: readonly { readonly key: string; readonly name: string; readonly required: boolean }[];
  readonly ticked: ReadonlySet<string>;
  readonly onToggle: (key: string) => void;
  /** A "Quét" button per paper, and what shows under it (progress, thumbnails). */
  readonly scan?: { readonly text: string; readonly busy: (key: string) => boolean; readonly onScan: (key: string) => void; readonly below: (key: string) => ReactNode };
}

export function PaperChecklist(props: PaperChecklistProps) {
  return (
    <fieldset className="papers" data-testid="papers">
      <legend>{props.heading}</legend>
      {props.papers.map((p) => (
        <div key={p.key} className="paper-row">
          <div className="paper">
            <label className="paper">
              <input type="checkbox" data-testid={`paper-${p.key}`} checked={props.ticked.has(p.key)} onChange={() => props.onToggle(p.key)} />
              {p.name}{p.required && <span className="req"> *</span>}
            </label>
            {props.scan && (
              <span className="paper-scan">
                <button type="button" data-testid={`scan-${p.key}`} disabled={props.scan.busy(p.key)} aria-label={`${props.scan.text}: ${p.name}`}
                  onClick={() => props.scan?.onScan(p.key)}>{props.scan.text}</button>
              </span>
            )}
          </div>
          {props.scan?.below(p.key)}
        </div>
      ))}
    </fieldset>
  );
}
