/**
 * A data subject's request (Law 91/2025 on personal data protection; issue 13): everything this
 * PC holds about one personal ID number, as one JSON document a leader or administrator hands
 * over. Each dossier in it is recorded as exported by that person, like any other read.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import { validationError } from '../../../shared/api/errors';
import { parsePersonalId } from '../../../shared/identity/personal-id';
import { listDocuments } from '../../store/repos/documents';
import { listDossierEvents } from '../../store/repos/dossier-events';
import { getDossierById } from '../../store/repos/dossiers';
import { listDossierIdsNaming } from '../../store/repos/read-audit';
import { getUserById } from '../../store/repos/users';
import { recordRead, type AuditDeps } from './reads';

export function exportSubject(deps: AuditDeps, user: SessionUser, idText: string) {
  const now = deps.clock.now();
  const parsed = parsePersonalId(idText, { currentYear: now.getUTCFullYear() + 1, field: 'idNumber' });
  if (!parsed.ok) throw validationError(parsed.error);
  const dossiers = deps.store.read((db) =>
    listDossierIdsNaming(db, parsed.id).flatMap((id) => {
      const d = getDossierById(db, id);
      if (d === undefined) return [];
      const name = (actorId: string | null) => (actorId === null ? null : (getUserById(db, actorId)?.displayName ?? null));
      return [
        {
          code: d.code,
          procedureCode: d.procedureCode,
          status: d.status,
          channel: d.channel,
          applicant: { name: d.applicantName, idNumber: d.applicantIdNumber, phone: d.applicantPhone },
          form: d.form,
          receivedAt: d.receivedAt,
          dueAt: d.dueAt,
          resolvedAt: d.resolvedAt,
          result: { number: d.resultNumber, registerBook: d.registerBook, registerPage: d.registerPage },
          papers: listDocuments(db, id).map((doc) => ({ kind: doc.kind, title: doc.title })),
          history: listDossierEvents(db, id).map((e) => ({ at: e.at, action: e.action, by: name(e.actorId), fromStatus: e.fromStatus, toStatus: e.toStatus })),
          id,
        },
      ];
    }),
  );
  for (const d of dossiers) recordRead(deps, user, { dossierId: d.id }, 'export');
  return { idNumber: parsed.id, generatedAt: now.toISOString(), count: dossiers.length, dossiers: dossiers.map(({ id: _id, ...rest }) => rest) };
}
