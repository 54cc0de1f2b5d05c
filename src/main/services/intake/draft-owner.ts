/**
 * Who may see and change a draft. A clerk's unsaved form is private to its owner. A volunteer
 * sees only the dossier drafts they started (its `create-draft` event names them); clerks see
 * every dossier draft, since accepting them is their job.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import type { ReadDb } from '../../store/db';
import { listDossierEvents } from '../../store/repos/dossier-events';

/** The account that started the dossier draft, from its history. */
export function draftCreator(db: ReadDb, dossierId: string): string | null {
  return listDossierEvents(db, dossierId).find((e) => e.action === 'create-draft')?.actorId ?? null;
}

/** True when `user` may read, edit or discard the dossier draft. */
export function mayTouchDossierDraft(db: ReadDb, user: SessionUser, dossierId: string): boolean {
  return user.role !== 'volunteer' || draftCreator(db, dossierId) === user.id;
}
