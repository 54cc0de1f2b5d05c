/**
 * The conflicts a clerk or leader settles (sync.md §4.6): listed with the dossier they concern and
 * both values; "hub" accepts the value already shown, "local" puts this PC's value back as a new
 * edit (history event and outbox row in the same transaction), which the hub then applies because
 * its row still holds the value the edit replaces. A status cannot be forced back: the clerk
 * performs the transition again if it is still wanted.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import { AppError } from '../../../shared/api/errors';
import type { SyncConflictView } from '../../../shared/api/sync';
import { isMergeField } from '../../../shared/dossier/merge';
import type { LocalizedText } from '../../../shared/validation';
import type { ReadDb } from '../../store/db';
import { getDossierById, updateDossier } from '../../store/repos/dossiers';
import { getSyncConflict, listOpenSyncConflicts, resolveSyncConflict, type ConflictSide, type StoredSyncConflict } from '../../store/repos/sync-conflicts';
import type { DossierDeps } from '../dossiers/deps';
import { recordDossierEvent } from '../dossiers/record-event';

const labels: Readonly<Record<string, LocalizedText>> = {
  status: { vi: 'Trạng thái hồ sơ', en: 'Dossier status' },
  username: { vi: 'Tên đăng nhập', en: 'User name' },
  code: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  procedureVersion: { vi: 'Phiên bản thủ tục', en: 'Procedure version' },
  applicantName: { vi: 'Họ tên người nộp', en: 'Applicant name' },
  applicantIdNumber: { vi: 'Số định danh cá nhân', en: 'Personal ID number' },
  applicantPhone: { vi: 'Số điện thoại', en: 'Phone number' },
  form: { vi: 'Nội dung tờ khai', en: 'Form contents' },
  receivedAt: { vi: 'Thời điểm tiếp nhận', en: 'Received at' },
  receivedBy: { vi: 'Người tiếp nhận', en: 'Received by' },
  dueAt: { vi: 'Ngày hẹn trả kết quả', en: 'Due date' },
  clockStops: { vi: 'Thời gian tạm dừng', en: 'Clock stops' },
  resolvedAt: { vi: 'Thời điểm có kết quả', en: 'Resolved at' },
  returnedAt: { vi: 'Thời điểm trả kết quả', en: 'Returned at' },
  resultNumber: { vi: 'Số kết quả', en: 'Result number' },
  registerBook: { vi: 'Quyển sổ', en: 'Register book' },
  registerPage: { vi: 'Trang sổ', en: 'Register page' },
  assigneeId: { vi: 'Cán bộ xử lý', en: 'Assigned officer' },
};

function view(db: ReadDb, c: StoredSyncConflict): SyncConflictView {
  const dossier = c.entity === 'dossier' ? getDossierById(db, c.entityId) : undefined;
  return {
    id: c.id,
    entity: c.entity,
    entityId: c.entityId,
    kind: c.kind,
    field: c.field,
    fieldLabel: labels[c.field ?? c.kind] ?? { vi: c.field ?? c.kind, en: c.field ?? c.kind },
    dossierCode: dossier?.code ?? null,
    applicantName: dossier?.applicantName ?? null,
    baseValue: c.baseValue,
    localValue: c.localValue,
    hubValue: c.hubValue,
    kept: c.kept,
    createdAt: c.createdAt,
    resolvedAt: c.resolvedAt,
    resolution: c.resolution,
  };
}

/** Open conflicts, oldest first. */
export function listConflicts(deps: DossierDeps): { items: SyncConflictView[] } {
  return deps.store.read((db) => ({ items: listOpenSyncConflicts(db).map((c) => view(db, c)) }));
}

/** Settles one conflict as `choice`; see the file comment. */
export function resolveConflict(deps: DossierDeps, user: SessionUser, input: { id: string; choice: ConflictSide }): SyncConflictView {
  const now = deps.clock.now().toISOString();
  return deps.store.write((db) => {
    const conflict = getSyncConflict(db, input.id);
    if (conflict === undefined || conflict.resolvedAt !== null) throw new AppError('sync.conflict-not-found');
    // Choosing the value already shown (the hub's, or an account name kept here) only settles it.
    if (input.choice === 'local' && conflict.kept === 'hub') {
      const field = conflict.field;
      if (conflict.entity !== 'dossier' || conflict.kind !== 'field' || field === null || !isMergeField(field)) throw new AppError('sync.conflict-status-local');
      const dossier = getDossierById(db, conflict.entityId);
      if (dossier === undefined) throw new AppError('store.not-found', { entity: 'dossier' });
      const next = updateDossier(db, dossier.id, dossier.rowVersion, { [field]: conflict.localValue }, now);
      recordDossierEvent(db, { dossier: next, at: now, actorId: user.id, action: 'sync-keep-local', data: { conflictId: conflict.id, field } }, 'dossier.edited');
    }
    resolveSyncConflict(db, conflict.id, input.choice, user.id, now);
    const settled = getSyncConflict(db, conflict.id);
    if (settled === undefined) throw new AppError('sync.conflict-not-found');
    return view(db, settled);
  });
}
