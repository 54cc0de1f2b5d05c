/**
 * A New-dossier form the lock took off the screen before its last change could be saved (the
 * core had already locked the session, so the save was refused). It is kept in this module's
 * memory only, never in the DOM or any storage, and handed back when the same person unlocks:
 * the app saves it then and reopens it (issue 13: an opaque lock, and no keystroke lost).
 */
import type { ApiInput } from '../../../shared/api/contract';

type Form = ApiInput<'draft.save'>;
let stashed: Form | undefined;

export function stashForm(form: Form): void {
  stashed = form;
}

/** The stashed form, once; undefined when none. */
export function takeStashedForm(): Form | undefined {
  const form = stashed;
  stashed = undefined;
  return form;
}
