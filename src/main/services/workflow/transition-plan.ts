/**
 * What a legal transition changes on the dossier besides its status, driven by the state
 * machine's clock column: `pause` opens a clock stop, `resume` and `restart` close it (the time
 * left runs on, or the full period runs again: a supplement received is a new receipt), and the
 * due moment is recomputed from the stored stops; `reschedule` moves the appointment once, to a
 * later working moment; `stop` fixes the outcome (resolve records the result's number and, for
 * civil status, the register book and page). Transfer and start-processing set who holds it.
 */
import type { SessionUser } from '../../../shared/api/accounts';
import type { WorkflowTransitionName } from '../../../shared/api/dossiers';
import { AppError, validationError } from '../../../shared/api/errors';
import { formatLocalDateTime, isWithinOfficeHours, DEFAULT_OFFICE_HOURS, parseLocalDateTime } from '../../../shared/deadline';
import { isValidAgencyCode } from '../../../shared/dossier/code';
import type { TransitionOutcome } from '../../../shared/dossier/states';
import type { Procedure } from '../../../shared/procedures/procedure';
import { tidyVietnamese } from '../../../shared/text/vietnamese';
import { issue } from '../../../shared/validation';
import type { ReadDb } from '../../store/db';
import type { DossierChanges, StoredDossier } from '../../store/repos/dossiers';
import { getUserById } from '../../store/repos/users';
import { loadWorkingCalendar } from '../catalogue/working-calendar';
import { closeClockStop, dueOf, openClockStop, readClockStops, type Reschedule, type StoredClockStop } from '../dossiers/deadline-clock';
import { isoToLocal, localToIso, type OfficeNow } from '../dossiers/office-time';

/** `dossier.transition` as the contract parsed it. */
export interface TransitionRequest {
  readonly id: string;
  readonly transition: WorkflowTransitionName;
  readonly rowVersion: number;
  readonly reason?: string | undefined;
  readonly note?: string | undefined;
  readonly result?: { readonly number: string; readonly registerBook?: string | undefined; readonly registerPage?: string | undefined } | undefined;
  readonly rescheduleTo?: string | undefined;
  readonly assigneeId?: string | undefined;
  readonly toAgency?: { readonly code?: string | undefined; readonly name: string } | undefined;
  /** For `request-supplement`: the papers to supplement (keys of the procedure's papers, or names). */
  readonly documents?: readonly string[] | undefined;
}

/** What planning a transition needs: the dossier as read, the state machine's answer and the request. */
export interface PlanContext {
  readonly db: ReadDb;
  readonly dossier: StoredDossier;
  readonly procedure: Procedure;
  readonly outcome: TransitionOutcome;
  readonly request: TransitionRequest;
  readonly user: SessionUser;
  readonly now: OfficeNow;
  readonly reschedule: Reschedule | undefined;
}

/** The dossier's changes and the details its history event keeps. */
export interface TransitionPlan {
  readonly changes: DossierChanges;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Plans the transition; throws an AppError (nothing written yet) when its details are missing or wrong. */
export function planTransition(ctx: PlanContext): TransitionPlan {
  const clock = planClock(ctx);
  const extra = planDetails(ctx);
  return { changes: { status: ctx.outcome.status, ...clock.changes, ...extra.changes }, data: { ...clock.data, ...extra.data } };
}

function recompute(ctx: PlanContext, stops: readonly StoredClockStop[], reschedule = ctx.reschedule): Pick<DossierChanges, 'clockStops' | 'dueAt'> {
  const receivedAt = ctx.dossier.receivedAt;
  if (receivedAt === null) return {};
  const calendar = loadWorkingCalendar(ctx.db, isoToLocal(receivedAt).date.year, ctx.now.year);
  const due = dueOf({ receivedAt, processing: ctx.procedure.processingTime, calendar, stops, reschedule });
  // While stopped, the last appointment stays on the row: the queues still sort by it.
  return due.state === 'running' ? { clockStops: stops, dueAt: due.dueAt } : { clockStops: stops };
}

function planClock(ctx: PlanContext): TransitionPlan {
  const { dossier, now, request } = ctx;
  // Before receipt (an online dossier) no statutory clock runs, so nothing stops or restarts.
  if (dossier.receivedAt === null) return { changes: {}, data: {} };
  const stops = readClockStops(dossier.clockStops);
  switch (ctx.outcome.clock) {
    case 'pause':
      return { changes: recompute(ctx, openClockStop(stops, now.iso, request.transition)), data: {} };
    case 'resume':
      return { changes: recompute(ctx, closeClockStop(stops, now.iso, 'pause')), data: {} };
    case 'restart':
      return { changes: recompute(ctx, closeClockStop(stops, now.iso, 'restart')), data: {} };
    case 'reschedule': {
      const dueAt = checkReschedule(ctx, request.rescheduleTo);
      const changes = recompute(ctx, stops, { at: now.iso, to: dueAt });
      return { changes: { ...changes, dueAt: changes.dueAt ?? dueAt }, data: { previousDueAt: dossier.dueAt, dueAt } };
    }
    case 'start':
    case 'stop':
    case 'none':
      return { changes: {}, data: {} };
  }
}

function checkReschedule(ctx: PlanContext, text: string | undefined): string {
  const parsed = parseLocalDateTime(text ?? '', { field: 'rescheduleTo' });
  if (!parsed.ok) throw new AppError('workflow.bad-reschedule', { reason: 'format' });
  const to = parsed.value;
  const calendar = loadWorkingCalendar(ctx.db, ctx.now.year, to.date.year);
  if (calendar.isDayOff(to.date)) throw new AppError('workflow.bad-reschedule', { reason: 'day-off' });
  if (!isWithinOfficeHours(DEFAULT_OFFICE_HOURS, to.minutes)) throw new AppError('workflow.bad-reschedule', { reason: 'outside-hours' });
  const dueAt = localToIso(to);
  if (dueAt <= ctx.now.iso) throw new AppError('workflow.bad-reschedule', { reason: 'past' });
  const current = ctx.dossier.dueAt;
  if (current !== null && dueAt <= current) throw new AppError('workflow.bad-reschedule', { reason: 'not-later', current: formatLocalDateTime(isoToLocal(current)) });
  return dueAt;
}

const filled = (text: string | undefined): string | null => {
  const tidy = tidyVietnamese(text ?? '');
  return tidy === '' ? null : tidy;
};

function planDetails(ctx: PlanContext): TransitionPlan {
  const { request, now, user, dossier } = ctx;
  switch (request.transition) {
    case 'resolve': {
      const number = filled(request.result?.number);
      const registerBook = filled(request.result?.registerBook);
      const registerPage = filled(request.result?.registerPage);
      // Civil-status results are entered in a register; the book and page are how they are found again.
      const needsRegister = ctx.procedure.sector === 'civil-status';
      if (number === null || (needsRegister && (registerBook === null || registerPage === null))) {
        throw new AppError('workflow.result-required', {
          fields: needsRegister ? 'số kết quả, quyển số và trang sổ' : 'số kết quả',
          fieldsEn: needsRegister ? 'the result number, register book and page' : 'the result number',
        });
      }
      return { changes: { resolvedAt: now.iso, resultNumber: number, registerBook, registerPage }, data: { result: { number, registerBook, registerPage } } };
    }
    case 'return-result':
      return { changes: { returnedAt: now.iso }, data: {} };
    case 'transfer': {
      if (request.toAgency !== undefined) return { changes: {}, data: { toAgency: linkedAgency(request.toAgency) } };
      if (request.assigneeId === undefined) return { changes: {}, data: {} };
      const assignee = getUserById(ctx.db, request.assigneeId);
      if (!assignee?.active || (assignee.role !== 'specialist' && assignee.role !== 'leader')) throw new AppError('workflow.bad-assignee');
      return { changes: { assigneeId: assignee.id }, data: { assigneeId: assignee.id } };
    }
    case 'start-processing':
      // Whoever starts processing an unassigned dossier holds it ("my dossiers").
      return dossier.assigneeId === null ? { changes: { assigneeId: user.id }, data: { assigneeId: user.id } } : { changes: {}, data: {} };
    case 'discard-draft':
    case 'refuse':
    case 'request-supplement':
    case 'supplement-received':
    case 'pause':
    case 'resume':
    case 'reschedule':
    case 'reject':
    case 'withdraw':
      return { changes: {}, data: {} };
  }
}

/**
 * A linked agency the dossier goes to. The electronic transfer itself travels with the outbox
 * to the hub (sync issue); here the hand-over is recorded with whom it went to.
 */
function linkedAgency(agency: { readonly code?: string | undefined; readonly name: string }): { code: string | null; name: string } {
  const code = agency.code === undefined || agency.code === '' ? null : agency.code.toUpperCase();
  if (code !== null && !isValidAgencyCode(code)) {
    throw validationError(
      issue(
        'transfer.agency-code',
        `Mã cơ quan nhận "${agency.code}" không đúng dạng (ví dụ 000.00.01.H26). Hãy kiểm tra lại hoặc để trống và chỉ ghi tên cơ quan.`,
        `The receiving agency code "${agency.code}" is not in the expected form (e.g. 000.00.01.H26). Check it, or leave it empty and give the name only.`,
        'toAgency.code',
      ),
    );
  }
  return { code, name: tidyVietnamese(agency.name) };
}
