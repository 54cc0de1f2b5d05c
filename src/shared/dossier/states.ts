import { issue, type ValidationIssue } from '../validation';
import { roleLabels, type Role } from './roles';
import type { SlipKind } from './slips';
import { dossierStatusTable, type DossierStatus } from './statuses';
import { dossierTransitions, transitionNames, type ClockEffect, type TransitionName } from './transitions';

/*
 * The dossier state machine: the one entry point the UI, the services and the hub import. The
 * tables live beside it (statuses.ts, transitions.ts, slips.ts, roles.ts) and are re-exported
 * here; this file only answers questions about them. `null` as a status means "no dossier yet":
 * the creating transitions (`create-draft`, `receive`, `refuse` at the counter) start from it,
 * and `dossier_events.from_status` is NULL for them. Dossiers submitted online are created by
 * the hub's portal intake in `submitted-online`, not by a local role.
 */

export { isRole, roleLabels, roles, type Role } from './roles';
export { formSetInfo, formSets, slipKinds, slips, type FormSet, type OfficialForm, type SlipDefinition, type SlipKind } from './slips';
export {
  dossierStatusTable,
  dossierStatuses,
  isDossierStatus,
  isPortalStatusCode,
  isTerminalStatus,
  portalStatusCode,
  portalStatusLabels,
  statusFromPortalCode,
  terminalStatuses,
  type DossierStatus,
  type PortalStatusCode,
  type StatusDefinition,
} from './statuses';
export {
  clockEffects,
  dossierTransitions,
  isTransitionName,
  transitionNames,
  type ClockEffect,
  type TransitionDefinition,
  type TransitionName,
} from './transitions';

/** A role, or every role of an account that holds several. */
export type Actor = Role | readonly Role[];

/** What the caller knows beyond the status, for the rules the status alone cannot decide. */
export interface TransitionInput {
  /** The reason typed by the user; required (non-blank) when the row says so. */
  readonly reason?: string;
  /** True when the return date was already rescheduled once (it may be only once, §1.4). */
  readonly alreadyRescheduled?: boolean;
}

/** A legal transition: the new status, the slip to print and what the deadline clock does. */
export interface TransitionOutcome {
  readonly ok: true;
  readonly status: DossierStatus;
  readonly slip: SlipKind | null;
  readonly clock: ClockEffect;
}

/** `applyTransition`'s answer. */
export type TransitionResult = TransitionOutcome | { readonly ok: false; readonly error: ValidationIssue };

const rolesOf = (actor: Actor): readonly Role[] => (typeof actor === 'string' ? [actor] : actor);

const startsFrom = (status: DossierStatus | null, name: TransitionName): boolean => dossierTransitions[name].from.includes(status);

const mayAct = (actor: Actor, name: TransitionName): boolean => rolesOf(actor).some((r) => dossierTransitions[name].roles.includes(r));

/** "Yêu cầu bổ sung" → "yêu cầu bổ sung", to sit inside a sentence. */
const verbPhrase = (label: string): string => label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);

/**
 * True when `actor` may perform `transition` on a dossier in `status` (`null`: not created yet).
 * This is the button test; reasons and the reschedule-once rule are checked by `applyTransition`.
 */
export function canTransition(status: DossierStatus | null, transition: TransitionName, actor: Actor): boolean {
  return startsFrom(status, transition) && mayAct(actor, transition);
}

/** The transitions `actor` may perform from `status`, in button order. */
export function transitionsFrom(status: DossierStatus | null, actor: Actor): TransitionName[] {
  return transitionNames.filter((name) => canTransition(status, name, actor));
}

/**
 * Checks one transition against the table and, when legal, says where it leads. The error says,
 * in Vietnamese first, why not: wrong status, wrong role, missing reason, or a second reschedule.
 */
export function applyTransition(
  status: DossierStatus | null,
  transition: TransitionName,
  actor: Actor,
  input: TransitionInput = {},
): TransitionResult {
  const row = dossierTransitions[transition];
  const action = row.label;
  if (!startsFrom(status, transition)) return { ok: false, error: wrongStatus(status, transition) };
  if (!mayAct(actor, transition)) {
    const who = rolesOf(actor).map((r) => roleLabels[r]);
    const allowed = row.roles.map((r) => roleLabels[r]);
    return {
      ok: false,
      error: issue(
        'dossier.role-not-allowed',
        `Tài khoản với vai trò '${who.map((l) => l.vi).join(', ') || 'không có vai trò'}' không được ${verbPhrase(action.vi)}; việc này dành cho: ${allowed.map((l) => l.vi).join(', ')}.`,
        `An account with role '${who.map((l) => l.en).join(', ') || 'no role'}' may not "${action.en}"; that is for: ${allowed.map((l) => l.en).join(', ')}.`,
      ),
    };
  }
  if (row.reasonRequired && (input.reason ?? '').trim() === '') {
    return {
      ok: false,
      error: issue(
        'dossier.reason-required',
        `Cần ghi rõ lý do khi ${verbPhrase(action.vi)}.`,
        `A reason is required to "${action.en}".`,
        'reason',
      ),
    };
  }
  if (transition === 'reschedule' && input.alreadyRescheduled === true) {
    return {
      ok: false,
      error: issue(
        'dossier.already-rescheduled',
        'Ngày hẹn trả kết quả chỉ được hẹn lại một lần; hồ sơ này đã được hẹn lại.',
        'The return date may be rescheduled only once; this dossier has already been rescheduled.',
      ),
    };
  }
  const next = row.to === 'unchanged' ? status : row.to;
  // Only creating rows start from null, and none of them is 'unchanged'.
  if (next === null) throw new Error(`Transition ${transition} leaves no status`);
  return { ok: true, status: next, slip: row.slip, clock: row.clock };
}

function wrongStatus(status: DossierStatus | null, transition: TransitionName): ValidationIssue {
  const action = dossierTransitions[transition].label;
  if (status === null) {
    return issue(
      'dossier.not-created',
      `Hồ sơ chưa được tạo nên không thể ${verbPhrase(action.vi)}.`,
      `The dossier does not exist yet, so it cannot "${action.en}".`,
    );
  }
  const label = dossierStatusTable[status].label;
  return issue(
    'dossier.transition-not-allowed',
    `Hồ sơ đang ở trạng thái '${label.vi}' nên không thể ${verbPhrase(action.vi)}.`,
    `The dossier is '${label.en}', so it cannot "${action.en}".`,
  );
}
