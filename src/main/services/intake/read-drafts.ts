/**
 * Reading drafts back (`draft.get`, `draft.list`): after a crash the screen reopens the form
 * exactly as last saved; a clerk finds the volunteers' drafts waiting for acceptance.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import type { DraftView } from '../../../shared/api/dossiers';
import { AppError } from '../../../shared/api/errors';
import type { ReadDb } from '../../store/db';
import { listDocuments } from '../../store/repos/documents';
import { getDraft, listDraftsByUser, type Draft } from '../../store/repos/drafts';
import { getDossierById, listDossiersInStatus, type StoredDossier } from '../../store/repos/dossiers';
import type { DossierDeps } from '../dossiers/deps';
import { readFormValues } from '../dossiers/form-values';
import { mayTouchDossierDraft } from './draft-owner';

/** The most drafts one list shows; older ones are still there to open by id. */
export const MAX_LISTED_DRAFTS = 100;

/** One line of `draft.list`. */
export interface DraftListItem {
  readonly id: string;
  readonly kind: 'form' | 'dossier';
  readonly procedureCode: string;
  readonly applicantName: string;
  readonly updatedAt: string;
  readonly rowVersion: number | null;
  readonly channel: 'counter' | 'volunteer';
}

function formContent(draft: Draft): { applicant: DraftView['applicant']; values: DraftView['values']; documents: string[] } {
  const form = (typeof draft.form === 'object' && draft.form !== null ? draft.form : {}) as Record<string, unknown>;
  const applicant = (typeof form.applicant === 'object' && form.applicant !== null ? form.applicant : {}) as Record<string, unknown>;
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return {
    applicant: { name: text(applicant.name) ?? '', idNumber: text(applicant.idNumber), phone: text(applicant.phone) },
    values: readFormValues(form.values),
    documents: Array.isArray(form.documents) ? form.documents.filter((d): d is string => typeof d === 'string') : [],
  };
}

function dossierDraftView(db: ReadDb, d: StoredDossier): DraftView {
  return {
    id: d.id,
    kind: 'dossier',
    procedureCode: d.procedureCode,
    applicant: { name: d.applicantName, idNumber: d.applicantIdNumber, phone: d.applicantPhone },
    values: readFormValues(d.form),
    documents: listDocuments(db, d.id).map((doc) => doc.kind),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    rowVersion: d.rowVersion,
  };
}

/** The draft `id` as last saved; 'store.not-found' when it is gone, received, or not the caller's to see. */
export function getDraftView(deps: DossierDeps, user: SessionUser, id: string): DraftView {
  return deps.store.read((db) => {
    const dossier = getDossierById(db, id);
    if (dossier?.status === 'draft' && mayTouchDossierDraft(db, user, id)) return dossierDraftView(db, dossier);
    const draft = dossier === undefined ? getDraft(db, id) : undefined;
    if (draft === undefined || draft.userId !== user.id) throw new AppError('store.not-found', { entity: 'draft' });
    return { id, kind: 'form', procedureCode: draft.procedureCode, ...formContent(draft), createdAt: draft.createdAt, updatedAt: draft.updatedAt, rowVersion: null };
  });
}

/** The caller's own unsaved forms, then the dossier drafts they may act on; newest first in each. */
export function listDrafts(deps: DossierDeps, user: SessionUser): { items: DraftListItem[] } {
  return deps.store.read((db) => {
    const forms = listDraftsByUser(db, user.id).map((d): DraftListItem => {
      const content = formContent(d);
      return { id: d.id, kind: 'form', procedureCode: d.procedureCode, applicantName: content.applicant.name, updatedAt: d.updatedAt, rowVersion: null, channel: 'counter' };
    });
    const dossiers = listDossiersInStatus(db, 'draft', MAX_LISTED_DRAFTS)
      .filter((d) => mayTouchDossierDraft(db, user, d.id))
      .map((d): DraftListItem => ({
        id: d.id, kind: 'dossier', procedureCode: d.procedureCode, applicantName: d.applicantName, updatedAt: d.updatedAt, rowVersion: d.rowVersion,
        channel: d.channel === 'volunteer' ? 'volunteer' : 'counter',
      }));
    return { items: [...forms, ...dossiers].slice(0, MAX_LISTED_DRAFTS) };
  });
}
