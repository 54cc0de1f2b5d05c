/** Every slip form by kind, for the printing service. */
import type { SlipKind } from '../../../shared/dossier/states';
import { renderApology } from './apology';
import { renderControlSheet } from './control-sheet';
import type { SlipFormInput } from './form-data';
import { renderHandover } from './handover';
import { renderReceipt } from './receipt';
import { renderReceipt80mm } from './receipt-80mm';
import { renderRefusal } from './refusal';
import { renderStopNotice } from './stop-notice';
import { renderSupplementRequest } from './supplement-request';

export type { ControlStep, SlipFormInput } from './form-data';
export { renderRegister, type RegisterInput, type RegisterRow } from './register';

/** Paper a slip is printed on. */
export type Paper = 'a4' | 'roll-80mm';

const A4_FORMS: Readonly<Record<SlipKind, (input: SlipFormInput) => Promise<Uint8Array>>> = {
  receipt: renderReceipt,
  'supplement-request': renderSupplementRequest,
  refusal: renderRefusal,
  apology: renderApology,
  'stop-notice': renderStopNotice,
  'control-sheet': renderControlSheet,
  handover: renderHandover,
};

/** The PDF of a slip; only the receipt has a roll variant, other kinds print on A4 whatever asked. */
export function renderSlip(input: SlipFormInput, paper: Paper = 'a4'): Promise<Uint8Array> {
  if (paper === 'roll-80mm' && input.slip.kind === 'receipt') return renderReceipt80mm(input);
  return A4_FORMS[input.slip.kind](input);
}
