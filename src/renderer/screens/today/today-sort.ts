/** Sorting a queue section on the screen: by the column the clerk chose, Vietnamese collation. */
import type { DossierListItem } from '../../../shared/api/queues';
import type { SortKey } from '../../components/DossierTable';

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

function keyOf(item: DossierListItem, key: SortKey, status: (i: DossierListItem) => string): string | null {
  switch (key) {
    case 'code': return item.code;
    case 'applicant': return item.applicantName;
    case 'procedure': return item.procedureName ?? item.procedureCode;
    case 'status': return status(item);
    case 'due': return item.dueLocal;
  }
}

/**
 * A sorted copy; equal keys keep the core's order (Array.prototype.sort is stable). Rows without
 * the key (a draft's code, an online submission's due moment) stay at the end either way.
 */
export function sortItems(items: readonly DossierListItem[], key: SortKey, descending: boolean, status: (i: DossierListItem) => string): DossierListItem[] {
  const sign = descending ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = keyOf(a, key, status);
    const y = keyOf(b, key, status);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * collator.compare(x, y);
  });
}
