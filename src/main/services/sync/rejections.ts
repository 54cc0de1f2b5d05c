/**
 * Changes the hub refused for good (sync.md §4.4 step 3), as the clerk sees them on the "Đồng bộ"
 * screen: which dossier, what was refused, the hub's reason and when. Acknowledging only marks a
 * refusal seen; the row is never deleted, so the audit keeps it.
 */
import { AppError } from '../../../shared/api/errors';
import type { SyncRejectionView } from '../../../shared/api/sync';
import type { LocalizedText } from '../../../shared/validation';
import type { ReadDb } from '../../store/db';
import { getDossierById } from '../../store/repos/dossiers';
import { getSyncRejection, listSyncRejections, markSyncRejectionSeen, type SyncRejection } from '../../store/repos/sync-rejections';
import type { DossierDeps } from '../dossiers/deps';

const kindLabels: Readonly<Record<string, LocalizedText>> = {
  'dossier.received': { vi: 'Tiếp nhận hồ sơ', en: 'Dossier received' },
  'dossier.transitioned': { vi: 'Chuyển bước xử lý hồ sơ', en: 'Dossier moved to another status' },
  'dossier.edited': { vi: 'Sửa thông tin hồ sơ', en: 'Dossier details edited' },
  'dossier.viewed': { vi: 'Xem hồ sơ', en: 'Dossier viewed' },
};

function view(db: ReadDb, r: SyncRejection): SyncRejectionView {
  const dossier = getDossierById(db, r.entityId);
  return {
    seq: r.seq,
    dossierId: r.entityId,
    dossierCode: dossier?.code ?? null,
    applicantName: dossier?.applicantName ?? null,
    kind: r.kind,
    kindLabel: kindLabels[r.kind] ?? { vi: r.kind, en: r.kind },
    code: r.code,
    message: r.message,
    rejectedAt: r.rejectedAt,
    seenAt: r.seenAt ?? null,
  };
}

/** The latest refusals, newest first (the repository's limit). */
export function listRejections(deps: Pick<DossierDeps, 'store'>): { items: SyncRejectionView[] } {
  return deps.store.read((db) => ({ items: listSyncRejections(db).map((r) => view(db, r)) }));
}

/** Marks refusal `seq` seen now (a second acknowledgement keeps the first moment). */
export function acknowledgeRejection(deps: DossierDeps, seq: number): SyncRejectionView {
  const now = deps.clock.now().toISOString();
  return deps.store.write((db) => {
    if (!markSyncRejectionSeen(db, seq, now)) throw new AppError('sync.rejection-not-found');
    const row = getSyncRejection(db, seq);
    if (row === undefined) throw new AppError('sync.rejection-not-found');
    return view(db, row);
  });
}
