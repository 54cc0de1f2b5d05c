/**
 * What a form is generated from: the slip data the services already build (SlipToPrint), the
 * issuing office and the form set in force. Never the database: the documents layer is pure.
 */
import type { SlipToPrint } from '../../../shared/api/dossiers';
import { slips, type FormSet } from '../../../shared/dossier/states';
import type { IssuingOffice } from '../pdf/blocks';

/** Input of every slip form. */
export interface SlipFormInput {
  readonly slip: SlipToPrint;
  readonly office: IssuingOffice;
  readonly formSet: FormSet;
  /** Fixed in tests for reproducible bytes; defaults to the slip's issuedAt. */
  readonly date?: Date;
  /** Extra lines the form prints in its body (e.g. what to supplement, the refusal ground). */
  readonly applicantAddress?: string | null;
  /** The control sheet's hand-offs, from the dossier's history; blank rows when absent. */
  readonly steps?: readonly ControlStep[];
}

/** One hand-off between bodies that the control sheet records. */
export interface ControlStep {
  readonly from: string;
  readonly to: string;
  readonly at: string;
  readonly result: string;
}

/** Form number and title for the slip in the form set, falling back to the slip label. */
export function formHeading(input: SlipFormInput): { number: string | null; title: string } {
  const def = slips[input.slip.kind];
  const form = def.forms[input.formSet];
  return { number: form?.number ?? null, title: form?.title ?? def.label.vi };
}

/** The code printed and encoded; a slip without a code (a draft) uses its id. */
export function codeOf(slip: SlipToPrint): string {
  return slip.dossierCode ?? slip.dossierId;
}
