/** Date texts for the forms, in Vietnam time whatever the machine's zone. */
import { vnParts } from '../pdf/blocks';

const two = (n: number) => String(n).padStart(2, '0');

/** "08 giờ 05 phút, ngày 23/11/2026". */
export function dateTimeText(iso: string): string {
  const p = vnParts(new Date(iso));
  return `${two(p.hour)} giờ ${two(p.minute)} phút, ngày ${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** "23/11/2026". */
export function dateText(iso: string): string {
  const p = vnParts(new Date(iso));
  return `${two(p.day)}/${two(p.month)}/${p.year}`;
}
