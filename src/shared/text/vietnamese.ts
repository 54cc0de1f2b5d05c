/*
 * Vietnamese text helpers: the one module the rest of the app imports for normalising,
 * searching and sorting Vietnamese (domain-vn §8). Normalisation lives in
 * vietnamese-normalize.ts, dictionary order in vietnamese-collation.ts.
 */

export { normalizeVietnamese, tidyVietnamese } from './vietnamese-normalize';
export {
  compareVietnamese,
  compareVietnameseNames,
  nameSortKey,
  sortByVietnameseName,
  vietnameseSortKey,
} from './vietnamese-collation';

/** Latin combining diacritics only, so marks of other scripts (Devanagari vowel signs…) survive. */
const LATIN_MARKS = /[\u0300-\u036f]/g;
/** Đ/đ have no decomposition (domain-vn §8.1); Ð/ð (eth) stand in for them in old converted text. */
const D_LIKE = /[đð]/g;

/**
 * Search key for the FTS5 index and prefix search: lower case, no tone or vowel marks, đ → d,
 * white space collapsed ("Đặng  Đình Đức" → "dang dinh duc", "THUỶ" and "thủy" → "thuy").
 * FTS5's `remove_diacritics` cannot do this itself because it does not fold đ (tech §8.3).
 * Fold the query with the same function.
 */
export function foldVietnamese(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_MARKS, '')
    .replace(D_LIKE, 'd')
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim();
}
