import { useEffect, useRef } from 'react';

export interface StripPage {
  readonly id: string;
  readonly rotation: 0 | 90 | 180 | 270;
  /** A data: URL once the thumbnail has arrived. */
  readonly thumb: string | undefined;
  /** What the pipeline noticed (blank guess, over the size target), for the clerk to act on. */
  readonly flag?: string | undefined;
}

export interface PageStripProps {
  readonly pages: readonly StripPage[];
  readonly label: (n: number) => string;
  readonly keysHint: string;
  readonly onRotate: (id: string) => void;
  readonly onDelete: (id: string) => void;
  readonly onMove: (id: string, delta: -1 | 1) => void;
  readonly testId: string;
}

/**
 * The scanned pages of one paper as thumbnails, each a tab stop: ←/→ move the focus, R rotates,
 * Delete removes, Ctrl+←/→ reorder. Focus stays on the page acted on, so corrections chain.
 */
export function PageStrip(props: PageStripProps) {
  const list = useRef<HTMLUListElement>(null);
  const focusAfter = useRef<{ id: string } | { index: number }>(undefined);
  useEffect(() => {
    const want = focusAfter.current;
    if (!want || !list.current) return;
    focusAfter.current = undefined;
    const buttons = Array.from(list.current.querySelectorAll<HTMLButtonElement>('button[data-page-id]'));
    const target = 'id' in want ? buttons.find((b) => b.dataset.pageId === want.id) : buttons[Math.min(want.index, buttons.length - 1)];
    target?.focus();
  }, [props.pages]);

  const onKey = (e: React.KeyboardEvent<HTMLButtonElement>, id: string, index: number) => {
    const buttons = Array.from(list.current?.querySelectorAll<HTMLButtonElement>('button[data-page-id]') ?? []);
    if (e.key === 'r' || e.key === 'R') { e.preventDefault(); focusAfter.current = { id }; props.onRotate(id); }
    else if (e.key === 'Delete' || e.key === 'Backspace') { e.preventDefault(); focusAfter.current = { index }; props.onDelete(id); }
    else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && e.ctrlKey) { e.preventDefault(); focusAfter.current = { id }; props.onMove(id, e.key === 'ArrowLeft' ? -1 : 1); }
    else if (e.key === 'ArrowLeft') { e.preventDefault(); buttons[Math.max(0, index - 1)]?.focus(); }
    else if (e.key === 'ArrowRight') { e.preventDefault(); buttons[Math.min(buttons.length - 1, index + 1)]?.focus(); }
  };

  if (props.pages.length === 0) return null;
  return (
    <ul className="page-strip" ref={list} data-testid={props.testId} title={props.keysHint}>
      {props.pages.map((p, i) => (
        <li key={p.id}>
          <button type="button" className="page-thumb" data-page-id={p.id} data-testid="page-thumb" aria-label={`${props.label(i + 1)}. ${p.flag ? `${p.flag}. ` : ''}${props.keysHint}`}
            title={p.flag}
            data-rotation={p.rotation} onKeyDown={(e) => onKey(e, p.id, i)}>
            {p.thumb ? <img src={p.thumb} alt="" className={`rot-${p.rotation}`} /> : <span aria-busy="true">…</span>}
            <span className="num">{i + 1}</span>
            {p.flag && <span className="page-flag" aria-hidden="true" data-testid="page-flag">!</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The clerk's warning for a scanned page, or undefined when there is nothing to say. */
export function pageFlag(page: { readonly blank: boolean; readonly oversize: boolean }, t: (key: 'scan.flagBlank' | 'scan.flagOversize') => string): string | undefined {
  if (page.oversize) return t('scan.flagOversize');
  return page.blank ? t('scan.flagBlank') : undefined;
}
