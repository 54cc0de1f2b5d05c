/**
 * Autosave (`draft.save`): the screen sends the whole form every few keystrokes and the core
 * commits it durably before answering, so whatever the screen was told is saved survives a crash
 * or a power cut. Saves replace, never merge, so a repeated save is harmless. Nothing is
 * validated beyond the contract's limits and the procedure's existence: a draft is allowed to be
 * incomplete or wrong; the checks run when it is received.
 *
 * Where it goes: a volunteer's form is a dossier in status `draft` (created by `create-draft`,
 * waiting for a clerk); a dossier draft being corrected stays that dossier; anyone else's form is
 * a private row in `drafts`. Draft saves write no history event per keystroke batch and nothing
 * to the outbox: drafts stay on this PC until received.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import { AppError, validationError } from '../../../shared/api/errors';
import { applyTransition, isDossierStatus } from '../../../shared/dossier/states';
import type { Procedure } from '../../../shared/procedures/procedure';
import { issue } from '../../../shared/validation';
import type { WriteDb } from '../../store/db';
import { getDraft, upsertDraft } from '../../store/repos/drafts';
import { getDossierById, insertDossier, updateDossier, type StoredDossier } from '../../store/repos/dossiers';
import { requireProcedureInForce } from '../catalogue/procedures';
import type { DossierDeps } from '../dossiers/deps';
import { syncDossierDocuments } from '../dossiers/dossier-documents';
import { officeNow, type OfficeNow } from '../dossiers/office-time';
import { recordDossierEvent } from '../dossiers/record-event';
import { transitionError } from '../dossiers/transition-error';
import { mayTouchDossierDraft } from './draft-owner';

/** `draft.save` as the contract parsed it. */
export interface DraftSave {
  readonly id: string;
  readonly procedureCode: string;
  readonly applicant: { readonly name?: string | undefined; readonly idNumber?: string | undefined; readonly phone?: string | undefined };
  readonly values: Readonly<Record<string, string | number | null>>;
  readonly documents: readonly string[];
}

/** What a form draft keeps in `drafts.form`. */
export interface FormDraftContent {
  readonly applicant: DraftSave['applicant'];
  readonly values: DraftSave['values'];
  readonly documents: readonly string[];
}

/** The reply of `draft.save`. */
export interface DraftSaved {
  readonly id: string;
  readonly kind: 'form' | 'dossier';
  readonly savedAt: string;
  readonly rowVersion: number | null;
}

const blankToNull = (text: string | undefined): string | null => (text === undefined || text.trim() === '' ? null : text);

/** Saves the draft; see the file header. */
export function saveDraft(deps: DossierDeps, user: SessionUser, input: DraftSave): DraftSaved {
  const now = officeNow(deps.clock);
  return deps.store.write(
    (db) => {
      const procedure = requireProcedureInForce(db, input.procedureCode, now.day);
      const dossier = getDossierById(db, input.id);
      if (dossier !== undefined) return updateDossierDraft(db, user, dossier, procedure, input, now);
      if (user.role === 'volunteer') return createDossierDraft(db, user, procedure, input, now);
      const existing = getDraft(db, input.id);
      if (existing !== undefined && existing.userId !== user.id) throw new AppError('store.not-found', { entity: 'draft' });
      const content: FormDraftContent = { applicant: input.applicant, values: input.values, documents: input.documents };
      upsertDraft(db, { id: input.id, userId: user.id, procedureCode: procedure.code, form: content, createdAt: existing?.createdAt ?? now.iso }, now.iso);
      return { id: input.id, kind: 'form', savedAt: now.iso, rowVersion: null };
    },
    { durable: true },
  );
}

export function createDossierDraft(db: WriteDb, user: SessionUser, procedure: Procedure, input: DraftSave, now: OfficeNow): DraftSaved {
  const gate = applyTransition(null, 'create-draft', user.role);
  if (!gate.ok) throw transitionError(gate.error, user.role, 'create-draft');
  const dossier = insertDossier(db, {
    id: input.id,
    code: null,
    procedureCode: procedure.code,
    procedureVersion: procedure.version,
    status: gate.status,
    // A clerk's form becomes a dossier draft when a paper is scanned (draft-document.ts).
    channel: user.role === 'volunteer' ? 'volunteer' : 'counter',
    applicantName: input.applicant.name ?? '',
    applicantIdNumber: blankToNull(input.applicant.idNumber),
    applicantPhone: blankToNull(input.applicant.phone),
    form: input.values,
    receivedAt: null,
    receivedBy: null,
    dueAt: null,
    createdAt: now.iso,
  });
  syncDossierDocuments(db, dossier.id, procedure, input.documents, now.iso);
  recordDossierEvent(db, { dossier, at: now.iso, actorId: user.id, action: 'create-draft', fromStatus: null, toStatus: gate.status }, null);
  return { id: dossier.id, kind: 'dossier', savedAt: now.iso, rowVersion: dossier.rowVersion };
}

export function updateDossierDraft(db: WriteDb, user: SessionUser, dossier: StoredDossier, procedure: Procedure, input: DraftSave, now: OfficeNow): DraftSaved {
  if (dossier.status !== 'draft') {
    // Editing a received dossier is not a draft save; the state machine words the refusal.
    const refused = applyTransition(isDossierStatus(dossier.status) ? dossier.status : null, 'create-draft', user.role);
    throw refused.ok ? new AppError('dossier.illegal-transition', { transition: 'create-draft' }) : transitionError(refused.error, user.role, 'create-draft');
  }
  if (!mayTouchDossierDraft(db, user, dossier.id)) throw new AppError('store.not-found', { entity: 'draft' });
  if (dossier.procedureCode !== procedure.code) {
    throw validationError(
      issue(
        'draft.procedure-changed',
        'Không đổi được thủ tục của hồ sơ nháp đã lập. Hãy hủy bản nháp này và lập bản nháp mới cho thủ tục cần làm.',
        'A draft’s procedure cannot be changed. Discard this draft and start a new one for the right procedure.',
        'procedureCode',
      ),
    );
  }
  const updated = updateDossier(
    db,
    dossier.id,
    dossier.rowVersion,
    {
      procedureVersion: procedure.version,
      applicantName: input.applicant.name ?? '',
      applicantIdNumber: blankToNull(input.applicant.idNumber),
      applicantPhone: blankToNull(input.applicant.phone),
      form: input.values,
    },
    now.iso,
  );
  syncDossierDocuments(db, dossier.id, procedure, input.documents, now.iso);
  return { id: dossier.id, kind: 'dossier', savedAt: now.iso, rowVersion: updated.rowVersion };
}
