/**
 * The data of a dossier's slip as the database holds it, for preview, print and reprint. The
 * receipt comes from the dossier (dated and signed as received). Every other slip comes from the
 * history event of the transition that produced it (`data.slip` names the kind): its moment and
 * officer, the reason, the papers a supplement request asks for, and for the apology the
 * appointment replaced and the new one. So the paper says what was decided, whenever it is
 * printed, and prints the same bytes again.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import type { SlipToPrint } from '../../../shared/api/dossiers';
import { AppError } from '../../../shared/api/errors';
import { formatVietnameseDateTime } from '../../../shared/deadline';
import type { SlipKind } from '../../../shared/dossier/states';
import type { ControlStep } from '../../documents/forms/index';
import { formatIsoDate } from '../../../shared/calendar/civil-date';
import type { ReadDb } from '../../store/db';
import { listDocuments } from '../../store/repos/documents';
import { listDossierEvents, type StoredDossierEvent } from '../../store/repos/dossier-events';
import { getDossierById } from '../../store/repos/dossiers';
import { getUserById } from '../../store/repos/users';
import { requireProcedureVersion } from '../catalogue/procedures';
import { isoToLocal } from '../dossiers/office-time';
import { buildSlip } from '../dossiers/slip';

/** What a transition's event may carry for its slip (transition-dossier.ts, transition-plan.ts). */
interface SlipEventData {
  readonly slip?: unknown;
  readonly reason?: unknown;
  readonly documents?: unknown;
  readonly previousDueAt?: unknown;
  readonly dueAt?: unknown;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The latest event whose transition printed a slip of `kind`. */
function slipEvent(db: ReadDb, dossierId: string, kind: SlipKind): StoredDossierEvent | undefined {
  return listDossierEvents(db, dossierId).findLast((e) => (e.data as SlipEventData | null)?.slip === kind);
}

/** The slip of `kind` for the dossier as stored; `user` signs it only when no event says who did. */
export function storedSlip(db: ReadDb, dossierId: string, kind: SlipKind, user: SessionUser, now: Date): SlipToPrint {
  const dossier = getDossierById(db, dossierId);
  if (dossier === undefined) throw new AppError('store.not-found', { entity: 'dossier' });
  const procedure = requireProcedureVersion(db, dossier.procedureCode, dossier.procedureVersion);
  const received = () => listDocuments(db, dossier.id).map((d) => d.kind);
  if (kind === 'receipt') {
    const receiver = dossier.receivedBy === null ? undefined : getUserById(db, dossier.receivedBy)?.displayName;
    return buildSlip({ kind, dossier, procedure, officer: receiver ?? user.displayName, issuedAt: dossier.receivedAt ?? now.toISOString(), documentKeys: received() });
  }
  const event = slipEvent(db, dossier.id, kind);
  const data = (event?.data ?? {}) as SlipEventData;
  const officer = (event?.actorId == null ? undefined : getUserById(db, event.actorId)?.displayName) ?? user.displayName;
  const slip = buildSlip({
    kind,
    dossier,
    procedure,
    officer,
    issuedAt: event?.at ?? now.toISOString(),
    documentKeys: kind === 'control-sheet' ? received() : texts(data.documents),
    reason: text(data.reason),
    previousDueAt: kind === 'apology' ? text(data.previousDueAt) : null,
  });
  // The apology promises the appointment set by its own reschedule, not whatever the row says later.
  const newDue = kind === 'apology' ? text(data.dueAt) : null;
  return newDue === null ? slip : { ...slip, dueAt: newDue, dueText: formatVietnameseDateTime(isoToLocal(newDue)) };
}

const ONE_STOP = 'Bộ phận Một cửa';

/** Trước hạn / Đúng hạn / Quá hạn of a result, by its office day against the appointment's. */
function timeliness(at: string, dueAt: string | null): string {
  if (dueAt === null) return 'Đã giải quyết';
  const done = formatIsoDate(isoToLocal(at).date);
  const due = formatIsoDate(isoToLocal(dueAt).date);
  return done < due ? 'Trước hạn' : at <= dueAt ? 'Đúng hạn' : 'Quá hạn';
}

/**
 * The control sheet's hand-offs (Mẫu 05 of TT 01/2018) from the dossier's history: transfers to
 * an officer or a linked agency, the result coming back, and its hand-over to the applicant.
 */
export function controlSteps(db: ReadDb, dossierId: string): ControlStep[] {
  const dossier = getDossierById(db, dossierId);
  if (dossier === undefined) return [];
  const name = (id: unknown) => (typeof id === 'string' ? getUserById(db, id)?.displayName : undefined);
  const steps: ControlStep[] = [];
  for (const e of listDossierEvents(db, dossierId)) {
    const data = (e.data ?? {}) as { toAgency?: { name?: unknown }; assigneeId?: unknown };
    if (e.action === 'transfer') {
      const to = text(data.toAgency?.name) ?? name(data.assigneeId) ?? 'Người xử lý';
      steps.push({ from: ONE_STOP, to, at: e.at, result: '' });
    } else if (e.action === 'resolve') {
      steps.push({ from: name(e.actorId) ?? 'Người xử lý', to: ONE_STOP, at: e.at, result: timeliness(e.at, dossier.dueAt) });
    } else if (e.action === 'return-result') {
      steps.push({ from: ONE_STOP, to: dossier.applicantName, at: e.at, result: 'Đã trả kết quả' });
    }
  }
  return steps;
}
