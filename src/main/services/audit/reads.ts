/**
 * Audit of reads (issue 13). Opening a dossier was already an event; so now are the other ways
 * its personal data leaves the store: a scanned page shown at full size, a slip shown or
 * downloaded, a paper exported as PDF. Each is a dossier event in the same history (and, for a
 * received dossier, goes to the hub like a view); a search is logged by the kind of query only.
 * Leaders see who read a dossier and who read unusually many in an hour.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import type { SearchRoute } from '../../../shared/api/queues';
import { uuidv7 } from '../../../shared/id/uuidv7';
import type { Store } from '../../store/db';
import { getDocument } from '../../store/repos/documents';
import { getKeptSlip } from '../../store/repos/dossier-slips';
import { getDossierById } from '../../store/repos/dossiers';
import { getPage } from '../../store/repos/pages';
import { listBusyReaders, listDossierReads, recordSearch, type ReadAction } from '../../store/repos/read-audit';
import type { Clock } from '../clock';
import { recordDossierEvent } from '../dossiers/record-event';
import { reportPeriod } from '../reports/period';

export interface AuditDeps {
  readonly store: Store;
  readonly clock: Clock;
}

/** What was read: a dossier, or the page, paper or kept slip that names it. */
export type ReadTarget = { readonly dossierId: string } | { readonly pageId: string } | { readonly documentId: string } | { readonly keptSlipId: string };

/** Records that `user` read `target`; a target that no longer exists is not an event. */
export function recordRead(deps: AuditDeps, user: SessionUser, target: ReadTarget, action: Exclude<ReadAction, 'view'>): void {
  const at = deps.clock.now().toISOString();
  deps.store.write((db) => {
    const dossierId =
      'dossierId' in target
        ? target.dossierId
        : 'pageId' in target
          ? getDocument(db, getPage(db, target.pageId)?.documentId ?? '')?.dossierId
          : 'documentId' in target
            ? getDocument(db, target.documentId)?.dossierId
            : getKeptSlip(db, target.keptSlipId)?.dossierId;
    const dossier = dossierId === undefined ? undefined : getDossierById(db, dossierId);
    if (dossier === undefined) return;
    const local = dossier.status === 'draft' || dossier.status === 'discarded';
    recordDossierEvent(db, { dossier, at, actorId: user.id, action }, local ? null : 'dossier.viewed');
  });
}

/** A search, by the kind of query only: what was typed may itself be a citizen's name or ID. */
export function recordSearchRead(deps: AuditDeps, user: SessionUser, route: SearchRoute): void {
  const at = deps.clock.now();
  deps.store.write((db) => recordSearch(db, { id: uuidv7(at.getTime()), at: at.toISOString(), actorId: user.id, route }));
}

/** Who read the dossier, newest first. */
export function dossierReaders(deps: AuditDeps, dossierId: string) {
  return deps.store.read((db) => listDossierReads(db, dossierId, 500)).map((r) => ({ at: r.at, username: r.username, displayName: r.displayName, action: r.action }));
}

/** Officers who read more than `threshold` dossiers in one hour of the period (default 50). */
export function unusualAccess(deps: AuditDeps, input: { readonly from: string; readonly to: string; readonly threshold?: number | undefined }) {
  const period = reportPeriod(input.from, input.to, deps.clock.now());
  const threshold = input.threshold ?? 50;
  const rows = deps.store.read((db) => listBusyReaders(db, period.fromIso, period.toIso, threshold));
  return { threshold, rows: rows.map((r) => ({ username: r.username, displayName: r.displayName, from: r.from, dossiers: r.dossiers })) };
}
