/**
 * The papers of a dossier (thành phần hồ sơ): one `documents` row per paper the clerk ticked,
 * in the procedure's order, ready for its scanned pages. Re-ticking keeps the rows (and their
 * scans); unticking removes a row only while it has no scanned page, so a scan is never lost to
 * a stray click.
 */
import { uuidv7 } from '../../../shared/id/uuidv7';
import type { Procedure } from '../../../shared/procedures/procedure';
import type { WriteDb } from '../../store/db';
import { deleteDocument, insertDocument, listDocuments } from '../../store/repos/documents';
import { listPages } from '../../store/repos/pages';

/** Makes the dossier's document rows match `keys` (keys the procedure does not list are ignored). */
export function syncDossierDocuments(db: WriteDb, dossierId: string, procedure: Procedure, keys: readonly string[], at: string): void {
  const wanted = new Set(keys);
  const existing = listDocuments(db, dossierId);
  const have = new Set(existing.map((d) => d.kind));
  for (const doc of existing) {
    if (!wanted.has(doc.kind) && listPages(db, doc.id).length === 0) deleteDocument(db, doc.id);
  }
  const ms = Date.parse(at);
  procedure.documents.forEach((doc, position) => {
    if (wanted.has(doc.key) && !have.has(doc.key)) {
      insertDocument(db, { id: uuidv7(ms), dossierId, kind: doc.key, title: doc.name.vi, position, createdAt: at });
    }
  });
}
