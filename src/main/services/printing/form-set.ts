/**
 * Which official form set numbers and titles the slips (shared/dossier/slips.ts holds the sets
 * as data: number, title, in-force date, what is unconfirmed). The setting `forms.set` names one
 * when the province says so (the hub can push it); otherwise the newest set whose in-force date
 * is known and passed. TT 03/2025's date is not confirmed, so TT 01/2018 stays until someone
 * sets it: adding a set is a row in that table, nothing here changes.
 */
import { formSetInfo, formSets, type FormSet } from '../../../shared/dossier/states';
import type { Store } from '../../store/db';
import { getSetting } from '../../store/repos/settings';

/** The setting that names the form set in force. */
export const FORM_SET_SETTING = 'forms.set';

const isFormSet = (v: unknown): v is FormSet => typeof v === 'string' && (formSets as readonly string[]).includes(v);

/** The form set slips are printed in on `today` (`YYYY-MM-DD`, Vietnam calendar). */
export function formSetInForce(store: Store, today: string): FormSet {
  const chosen = store.read((db) => getSetting(db, FORM_SET_SETTING));
  if (isFormSet(chosen)) return chosen;
  const known = formSets.filter((s) => {
    const from = formSetInfo[s].effectiveFrom;
    return from !== null && from <= today;
  });
  return known.sort((a, b) => (formSetInfo[a].effectiveFrom ?? '').localeCompare(formSetInfo[b].effectiveFrom ?? '')).at(-1) ?? 'tt01-2018';
}
