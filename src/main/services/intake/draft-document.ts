/**
 * Scanning a paper while the form is still being typed (`draft.document`). A page must belong to
 * a document and a document to a dossier, so the first scan turns a clerk's private form into a
 * dossier draft (status `draft`, channel `counter`, no outbox entry: it stays on this PC until it
 * is received with `dossier.receive {from: 'draft'}`). The form is saved in the same durable
 * transaction, so the draft and its papers never disagree.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import { AppError } from '../../../shared/api/errors';
import { listDocuments } from '../../store/repos/documents';
import { deleteDraft, getDraft } from '../../store/repos/drafts';
import { getDossierById } from '../../store/repos/dossiers';
import { requireProcedureInForce } from '../catalogue/procedures';
import type { DossierDeps } from '../dossiers/deps';
import { officeNow } from '../dossiers/office-time';
import { createDossierDraft, updateDossierDraft, type DraftSave } from './save-draft';

/** Where a paper's pages go. */
export interface DraftDocumentResult {
  readonly dossierId: string;
  readonly documentId: string;
  readonly rowVersion: number;
}

/** Saves the form as a dossier draft with `paper` ticked and returns that paper's document. */
export function draftDocument(deps: DossierDeps, user: SessionUser, input: DraftSave & { readonly paper: string }): DraftDocumentResult {
  const now = officeNow(deps.clock);
  return deps.store.write(
    (db) => {
      const procedure = requireProcedureInForce(db, input.procedureCode, now.day);
      if (!procedure.documents.some((d) => d.key === input.paper)) throw new AppError('store.not-found', { entity: 'paper' });
      const form: DraftSave = { ...input, documents: [...new Set([...input.documents, input.paper])] };
      const dossier = getDossierById(db, input.id);
      let rowVersion: number | null;
      if (dossier !== undefined) {
        rowVersion = updateDossierDraft(db, user, dossier, procedure, form, now).rowVersion;
      } else {
        const formDraft = getDraft(db, input.id);
        if (formDraft !== undefined && formDraft.userId !== user.id) throw new AppError('store.not-found', { entity: 'draft' });
        rowVersion = createDossierDraft(db, user, procedure, form, now).rowVersion;
        if (formDraft !== undefined) deleteDraft(db, input.id);
      }
      const document = listDocuments(db, input.id).find((d) => d.kind === input.paper);
      if (document === undefined || rowVersion === null) throw new AppError('internal');
      return { dossierId: input.id, documentId: document.id, rowVersion };
    },
    { durable: true },
  );
}
