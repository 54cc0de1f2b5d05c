/**
 * Reads what the clerk typed into the one search box and decides how to look it up:
 * a whole dossier code → that dossier; 12 digits → the ID number; a Vietnamese phone number →
 * the phone; any other text with digits → a fragment of a code or ID number; letters only →
 * the applicant's name, folded (diacritics and đ ignored), the last word as a prefix.
 */
import type { SearchRoute } from '../../../shared/api/queues';
import { formatDossierCode, parseDossierCode } from '../../../shared/dossier/code';
import { parsePhoneNumber } from '../../../shared/identity/phone';

export interface SearchPlan {
  readonly route: Exclude<SearchRoute, 'name-any-order'>;
  /** The normal form to look up: the code in capitals, digits only for ID and phone, else the text. */
  readonly value: string;
}

// Spaces, dots, dashes and brackets are how people group digits when they read a number aloud.
const SEPARATORS = /[\s.()-]/gu;

/** How to look up `text` (already trimmed and bounded by the contract). */
export function planSearch(text: string): SearchPlan {
  const code = parseDossierCode(text);
  if (code.ok) return { route: 'code', value: formatDossierCode(code.value) };
  const compact = text.replace(SEPARATORS, '');
  // Every personal ID starts with a province code 001–096, so with a 0.
  if (/^0\d{11}$/u.test(compact)) return { route: 'id-number', value: compact };
  if (/^\+?\d+$/u.test(compact)) {
    const phone = parsePhoneNumber(compact);
    if (phone.ok) return { route: 'phone', value: phone.value.number };
  }
  if (/\d/u.test(text)) return { route: 'number', value: text };
  return { route: 'name', value: text };
}
