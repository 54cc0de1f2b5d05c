/**
 * Writes one invented dossier the way intake and the workflow would have: its code from the
 * day's running number, the dossier row, the receipt and every later transition in the audit
 * trail, the clock stop of a dossier waiting for the citizen, and its outbox entry, all inside
 * the caller's transaction. Demo history counts as already synced, except the last day's.
 */
import { formatDossierCode } from '../../../shared/dossier/code';
import { dossierTransitions, type Role } from '../../../shared/dossier/states';
import { uuidv7 } from '../../../shared/id/uuidv7';
import type { CivilDate } from '../../../shared/calendar/civil-date';
import type { WriteDb } from '../../store/db';
import { appendDossierEvent } from '../../store/repos/dossier-events';
import { allocateDossierSequence } from '../../store/repos/dossier-sequences';
import { insertDossier, updateDossier, type DossierChannel } from '../../store/repos/dossiers';
import { enqueueOutbox, markOutboxSent } from '../../store/repos/outbox';
import { sequenceIssuedOn } from '../../store/repos/sequence-day';
import type { DemoLife, DemoStep } from './demo-life';
import type { FictitiousPerson } from './fictitious-people';

const DAY = 86_400_000;

/** Notes for the transitions that need a reason; the "(dữ liệu mẫu)" marks them as invented. */
const reasons: Partial<Record<DemoStep['transition'], string>> = {
  'request-supplement': 'Thiếu bản sao giấy tờ chứng minh nơi cư trú (dữ liệu mẫu)',
  pause: 'Chờ công dân nộp lệ phí (dữ liệu mẫu)',
  reject: 'Không thuộc thẩm quyền giải quyết của UBND xã (dữ liệu mẫu)',
  withdraw: 'Công dân đề nghị rút hồ sơ (dữ liệu mẫu)',
};

export interface DemoDossier {
  readonly agencyCode: string;
  readonly day: CivilDate;
  readonly dayText: string;
  readonly procedure: { readonly code: string; readonly version: number };
  readonly channel: DossierChannel;
  readonly person: FictitiousPerson;
  readonly receivedMs: number;
  readonly dueMs: number;
  readonly life: DemoLife;
  readonly steps: readonly DemoStep[];
  /** Demo accounts by role; a role without one leaves the actor empty. */
  readonly users: ReadonlyMap<Role, string>;
  readonly nowMs: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function nextCode(db: WriteDb, d: DemoDossier): string {
  // Continue after whatever this day already holds: a second seeding must not repeat codes.
  const sequence = allocateDossierSequence(db, d.agencyCode, d.dayText, () => (sequenceIssuedOn(db, d.agencyCode, d.dayText) ?? 0) + 1);
  return formatDossierCode({ agencyCode: d.agencyCode, date: d.day, sequence });
}

function actorFor(transition: DemoStep['transition'], users: ReadonlyMap<Role, string>): string | null {
  for (const role of dossierTransitions[transition].roles) {
    const id = users.get(role);
    if (id !== undefined) return id;
  }
  return null;
}

/** Inserts `d` with its history; returns the dossier id. */
export function writeDemoDossier(db: WriteDb, d: DemoDossier): string {
  const id = uuidv7(d.receivedMs);
  const code = nextCode(db, d);
  const receivedAt = iso(d.receivedMs);
  const last = d.steps.at(-1);
  const stopped = last !== undefined && dossierTransitions[last.transition].clock === 'pause';
  const clerk = d.users.get('clerk') ?? null;
  insertDossier(db, {
    id,
    code,
    procedureCode: d.procedure.code,
    procedureVersion: d.procedure.version,
    status: d.life.status,
    channel: d.channel,
    applicantName: d.person.fullName,
    applicantIdNumber: d.person.idNumber,
    applicantPhone: d.person.phone,
    form: { requesterName: d.person.fullName, requesterPersonalId: d.person.idNumber, requesterPhone: d.person.phone },
    receivedAt,
    receivedBy: clerk,
    dueAt: iso(d.dueMs),
    clockStops: stopped ? [{ from: iso(last.atMs), to: null, effect: 'pause', transition: last.transition }] : [],
    assigneeId: d.steps.length === 0 ? null : (d.users.get('specialist') ?? null),
    createdAt: receivedAt,
  });
  appendDossierEvent(db, { id: uuidv7(d.receivedMs), dossierId: id, at: receivedAt, actorId: clerk, action: 'receive', toStatus: 'received' });
  let status = 'received';
  for (const step of d.steps) {
    const to = dossierTransitions[step.transition].to;
    const next = to === 'unchanged' ? status : to;
    appendDossierEvent(db, {
      id: uuidv7(step.atMs),
      dossierId: id,
      at: iso(step.atMs),
      actorId: actorFor(step.transition, d.users),
      action: step.transition,
      fromStatus: status,
      toStatus: next,
      note: reasons[step.transition] ?? null,
    });
    status = next;
  }
  if (d.life.resolvedMs !== null) {
    const resolvedAt = iso(d.life.resolvedMs);
    updateDossier(db, id, 1, { resolvedAt, returnedAt: d.life.returnedMs === null ? null : iso(d.life.returnedMs) }, iso(d.life.returnedMs ?? d.life.resolvedMs));
  }
  const seq = enqueueOutbox(db, { idempotencyKey: uuidv7(d.receivedMs), kind: 'dossier.received', entityId: id, payload: { id, code, demo: true }, createdAt: receivedAt });
  if (d.receivedMs < d.nowMs - DAY) markOutboxSent(db, [seq], iso(d.receivedMs + 5 * 60_000));
  return id;
}
