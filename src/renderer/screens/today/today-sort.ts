/** Sorting a queue section on the screen: by the column the clerk chose, Vietnamese collation. */
import type { DossierListItem } from '../../../shared/api/queues';
import type { SortKey } from '../../components/DossierTable';

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

function keyOf(item: DossierListItem, key: SortKey, status: (i: DossierListItem) => string): string {
  switch (key) {
    case 'code': return item.code ?? '';
    case 'applicant': return item.applicantName;
    case 'procedure': return item.procedureName ?? item.procedureCode;
    case 'status': return status(item);
    // Rows without a due moment (drafts, online submissions) keep their arrival order at the end.
    case 'due': return item.dueLocal ?? '~';
  }
}

/** A sorted copy; equal keys keep the core's order (Array.prototype.sort is stable). */
export function sortItems(items: readonly DossierListItem[], key: SortKey, descending: boolean, status: (i: DossierListItem) => string): DossierListItem[] {
  const sign = descending ? -1 : 1;
  return [...items].sort((a, b) => sign * collator.compare(keyOf(a, key, status), keyOf(b, key, status)));
}
