/**
 * Turns what a clerk typed into an FTS5 MATCH expression. The expression is itself a bound
 * parameter, and every token is reduced to letters and digits and double-quoted, so nothing a
 * clerk types can change the query's structure (no column filters, no NEAR, no syntax errors).
 */
import { foldVietnamese } from '../../../shared/text/vietnamese';

/** More tokens than any name or code has; the rest are ignored. */
const MAX_TOKENS = 8;
const MAX_TOKEN_LENGTH = 40;

/** Folded tokens as the index holds them: "Nguyễn Văn Ân" → ["nguyen", "van", "an"]. */
export function searchTokens(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TOKENS)
    .map((t) => t.slice(0, MAX_TOKEN_LENGTH));
}

/**
 * Search as you type: the words already typed are whole words, the last one is a prefix. A
 * whole word walks its posting list lazily, newest first, and stops at the page size; a prefix
 * longer than the prefix indexes (3 letters) must merge the lists of every word it starts, which
 * for "nguyen"* would mean four in ten dossiers read on every keystroke.
 */
function terms(tokens: readonly string[]): string[] {
  return tokens.map((token, i) => (i === tokens.length - 1 ? `"${token}"*` : `"${token}"`));
}

/**
 * Name search. In order (the default), "nguyen van a" is a phrase: it finds "Nguyễn Văn An" and
 * "Nguyễn Văn Anh" but not "Nguyễn Thị Vân Anh"; "van an" finds the same people by middle and
 * given name. `anyOrder` matches the words anywhere in the name, for "nguyen an" (family and
 * given name without the middle one). Undefined when nothing is left to search for.
 */
export function nameMatch(text: string, anyOrder = false): string | undefined {
  const tokens = searchTokens(text);
  if (tokens.length === 0) return undefined;
  return `applicant_name_folded : (${terms(tokens).join(anyOrder ? ' AND ' : ' + ')})`;
}

/**
 * Code or ID number fragments: "260413-0001" or the first digits of an ID number, as a phrase
 * over those two columns only.
 */
export function numberMatch(text: string): string | undefined {
  const tokens = searchTokens(text);
  if (tokens.length === 0) return undefined;
  return `{code applicant_id_number} : (${terms(tokens).join(' + ')})`;
}
