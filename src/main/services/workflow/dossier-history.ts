/**
 * The dossier's history (`dossier.history`, nhật ký xử lý): every event oldest first, each with
 * the officer's name and the transition's label, as the control sheet (phiếu kiểm soát) lists them.
 */
import { AppError } from '../../../shared/api/errors';
import { dossierTransitions, isTransitionName } from '../../../shared/dossier/states';
import type { LocalizedText } from '../../../shared/validation';
import { listDossierEvents } from '../../store/repos/dossier-events';
import { getDossierById } from '../../store/repos/dossiers';
import { getUserById } from '../../store/repos/users';
import type { DossierDeps } from '../dossiers/deps';

/** Events that are not transitions: reads (issue 13), page deletions, sync decisions (issue 7c). */
const otherLabels: Readonly<Record<string, LocalizedText>> = {
  view: { vi: 'Xem hồ sơ', en: 'Viewed' },
  'view-page': { vi: 'Xem trang giấy tờ đã quét', en: 'Viewed a scanned page' },
  'view-slip': { vi: 'Xem phiếu', en: 'Viewed a slip' },
  export: { vi: 'Xuất giấy tờ ra tệp PDF', en: 'Exported a paper as PDF' },
  'page-delete': { vi: 'Xoá trang giấy tờ đã quét', en: 'Deleted a scanned page' },
  'sync-keep-local': { vi: 'Giữ giá trị của máy này khi xử lý xung đột đồng bộ', en: "Kept this PC's value when settling a sync conflict" },
};

/** One line of the history. */
export interface HistoryItem {
  readonly id: string;
  readonly at: string;
  readonly actor: { readonly id: string | null; readonly name: string | null };
  readonly action: string;
  readonly label: LocalizedText | null;
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly note: string | null;
  readonly data: unknown;
}

/** The history of dossier `id`, oldest first; 'store.not-found' when there is no such dossier. */
export function dossierHistory(deps: DossierDeps, id: string): { items: HistoryItem[] } {
  return deps.store.read((db) => {
    if (getDossierById(db, id) === undefined) throw new AppError('store.not-found', { entity: 'dossier' });
    const names = new Map<string, string | null>();
    const nameOf = (actorId: string | null): string | null => {
      if (actorId === null) return null;
      if (!names.has(actorId)) names.set(actorId, getUserById(db, actorId)?.displayName ?? null);
      return names.get(actorId) ?? null;
    };
    const items = listDossierEvents(db, id).map(
      (e): HistoryItem => ({
        id: e.id,
        at: e.at,
        actor: { id: e.actorId, name: nameOf(e.actorId) },
        action: e.action,
        label: isTransitionName(e.action) ? dossierTransitions[e.action].label : (otherLabels[e.action] ?? null),
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: e.note,
        data: e.data,
      }),
    );
    return { items };
  });
}
