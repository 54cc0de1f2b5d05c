/**
 * What the first-run, provisioning and password screens decide, as pure functions of the core's
 * answers (issue 12), so the rules are tested apart from React.
 */
import type { DeskStatus, ProvisionView } from '../../../shared/api/desk';
import type { MessageKey } from '../../i18n/vi';

/** The shortest password the screen accepts before asking the core (which has the last word). */
export const MIN_PASSWORD_LENGTH = 8;

export interface PasswordProblems {
  readonly newPassword?: MessageKey;
  readonly repeat?: MessageKey;
}

/** Checks a new password and its repetition; empty when the form may be sent. */
export function passwordProblems(newPassword: string, repeat: string, username: string): PasswordProblems {
  let first: MessageKey | undefined;
  if (newPassword === '') first = 'settings.required';
  else if ([...newPassword].length < MIN_PASSWORD_LENGTH) first = 'choose.tooShort';
  else if (newPassword.trim().toLowerCase() === username.trim().toLowerCase()) first = 'choose.sameAsUser';
  let second: MessageKey | undefined;
  if (repeat === '') second = 'settings.required';
  else if (repeat !== newPassword) second = 'choose.mismatch';
  return { ...(first ? { newPassword: first } : {}), ...(second ? { repeat: second } : {}) };
}

export type StepState = 'done' | 'waiting' | 'refused';

export interface ProvisionStep {
  readonly id: 'package' | 'commune' | 'catalogue' | 'first-admin' | 'enrolment';
  readonly state: StepState;
}

/**
 * The steps of a provisioned PC. Applying the package is one transaction in the core (checked,
 * commune written, catalogue loaded, first administrator made), so a package that is applied has
 * all four; only the enrolment with the hub happens later, by itself, while the PC works.
 */
export function provisionSteps(provision: ProvisionView): ProvisionStep[] {
  const enrolment: StepState = provision.enrolment === 'enrolled' ? 'done' : provision.enrolment === 'refused' ? 'refused' : 'waiting';
  return [
    { id: 'package', state: 'done' },
    { id: 'commune', state: 'done' },
    { id: 'catalogue', state: 'done' },
    { id: 'first-admin', state: 'done' },
    { id: 'enrolment', state: enrolment },
  ];
}

/** The provisioning panel shows beside the sign-in form until the PC is enrolled and its first administrator chose a password. */
export function showsProvisionProgress(desk: DeskStatus | undefined): boolean {
  const p = desk?.mode === 'production' ? desk.provision : null;
  return p !== null && p !== undefined && (p.enrolment !== 'enrolled' || p.firstAdminPending !== null);
}

/** Which data the PC may switch to from where it is: the sandbox can always be made, the commune's only once provisioned. */
export function switchTarget(desk: DeskStatus | undefined): 'production' | 'training' | undefined {
  if (desk?.mode === 'production') return 'training';
  if (desk?.mode === 'training' && desk.productionReady) return 'production';
  return undefined;
}

/** A provisioning file is small JSON; anything bigger is not one (the contract refuses over 64 KB). */
export const MAX_PACKAGE_BYTES = 64 * 1024;

/** How often the first-run and provisioning screens ask again (the core applies a dropped-in file by itself). */
export const DESK_POLL_MS = 3_000;
