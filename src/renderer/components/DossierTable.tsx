import { useRef } from 'react';
import type { DossierListItem } from '../../shared/api/queues';

export interface DossierTableProps {
  readonly caption: string;
  readonly items: readonly DossierListItem[];
  readonly headers: { readonly code: string; readonly applicant: string; readonly procedure: string; readonly status: string; readonly due: string };
  readonly emptyText: string;
  readonly statusText: (item: DossierListItem) => string;
  readonly onOpen: (id: string) => void;
  readonly testId: string;
  /** Makes the headers buttons that sort by their column (the screen sorts). */
  readonly sort?: { readonly key: SortKey; readonly descending: boolean; readonly label: string; readonly onSort: (key: SortKey) => void };
}

export type SortKey = 'code' | 'applicant' | 'procedure' | 'status' | 'due';
const sortKeys: readonly SortKey[] = ['code', 'applicant', 'procedure', 'status', 'due'];

/** "2026-11-23T17:00" → "17:00 23/11/2026". */
export function formatLocal(local: string | null): string {
  if (!local) return '—';
  const [date = '', time = ''] = local.split('T');
  const [y, m, d] = date.split('-');
  return `${time} ${d}/${m}/${y}`;
}

/** Rows are buttons in one tab stop each; ↑/↓ move focus, Enter opens. */
export function DossierTable(props: DossierTableProps) {
  const body = useRef<HTMLTableSectionElement>(null);
  const move = (e: React.KeyboardEvent<HTMLTableRowElement>, delta: number) => {
    e.preventDefault();
    const rows = Array.from(body.current?.querySelectorAll<HTMLTableRowElement>('tr[tabindex]') ?? []);
    const i = rows.indexOf(e.currentTarget);
    rows[Math.max(0, Math.min(rows.length - 1, i + delta))]?.focus();
  };
  return (
    <table className="dossier-table" data-testid={props.testId}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {sortKeys.map((key) => {
            const sort = props.sort;
            if (!sort) return <th key={key}>{props.headers[key]}</th>;
            const active = sort.key === key;
            return (
              <th key={key} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                <button type="button" className="sort-button" title={`${sort.label} ${props.headers[key]}`} onClick={() => sort.onSort(key)}>
                  {props.headers[key]}{active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody ref={body}>
        {props.items.length === 0 && <tr><td colSpan={5} className="muted">{props.emptyText}</td></tr>}
        {props.items.map((item) => (
          <tr key={item.id} tabIndex={0} className={item.queueStatus === 'overdue' ? 'overdue' : undefined} data-testid="dossier-row"
            onClick={() => props.onOpen(item.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') props.onOpen(item.id);
              else if (e.key === 'ArrowDown') move(e, 1);
              else if (e.key === 'ArrowUp') move(e, -1);
            }}>
            <td className="code">{item.code ?? '—'}</td>
            <td>{item.applicantName}</td>
            <td>{item.procedureName ?? item.procedureCode}</td>
            <td>{props.statusText(item)}</td>
            <td>{formatLocal(item.dueLocal)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
