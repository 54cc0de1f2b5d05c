import { TONE_MARKS, toneRank } from './vietnamese-marks';

/*
 * Vietnamese dictionary order as a plain ASCII string, so that JS `<` and SQLite's default
 * BINARY collation (an indexed `ORDER BY name_key`) sort exactly like `compareVietnamese`.
 *
 * Levels follow CLDR `vi` (domain-vn §8.3): primary = letters in the order
 * a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f j w z of foreign names in their
 * Latin places, digits before letters, anything else after, by code point); secondary = tones
 * không dấu < huyền < hỏi < ngã < sắc < nặng, then other marks (ü, ñ); tertiary = lower case
 * before upper case. Tones are collected per word, not per letter, so "hoà" and "hòa" tie.
 *
 * Names are ordered by given name (last word), then middle name(s), then family name (first
 * word) — the school and electoral-list practice of §8.3 — each part compared completely
 * (all its letters, then its tones) before the next part is looked at.
 *
 * Key layout of one part: primary codes, words joined by WORD_SEP, then PRIMARY_END, then the
 * tone digits of each word joined by WORD_SEP, then PART_END. The case bits of all parts come
 * last. PART_END < PRIMARY_END < WORD_SEP < tone digits < letter codes makes a shorter word
 * or part sort before a longer one that starts the same way.
 */

const PART_END = '!';
const PRIMARY_END = '#';
const WORD_SEP = '%';
const OTHER = '~'; // then six hex digits of the code point
const OTHER_MARK_RANK = 6;
/** Sort order of base letters; f, j, w, z are not Vietnamese letters but appear in foreign names. */
const ORDER = '0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
/** Primary code of each letter of ORDER: 'A', 'B', … */
const CODES = [...ORDER].map((_, i) => String.fromCharCode(0x41 + i));
const DIGITS = '0123456789';
/** Every precomposed Vietnamese letter is below U+1F00. */
const TABLE_SIZE = 0x1f00;
const MARK = /^\p{M}$/u;

/** Per UTF-16 unit: -1, or (index in ORDER) << 4 | tone (0 không dấu … 5 nặng) << 1 | upper case. */
const WEIGHTS: Int16Array = (() => {
  const table = new Int16Array(TABLE_SIZE).fill(-1);
  [...ORDER].forEach((letter, index) => {
    ['', ...TONE_MARKS].forEach((mark, tone) => {
      const lower = (letter + mark).normalize('NFC');
      const upper = lower.toUpperCase();
      if (lower.length === 1) table[lower.charCodeAt(0)] = (index << 4) | (tone << 1);
      if (upper.length === 1 && upper !== lower) table[upper.charCodeAt(0)] = (index << 4) | (tone << 1) | 1;
    });
  });
  return table;
})();

/** (index of base) * 0x10000 + modifier code unit → index of the modified letter: a + breve → ă. */
const MODIFIED: ReadonlyMap<number, number> = new Map(
  [...ORDER].flatMap((letter, i): [number, number][] => {
    const [base = '', modifier = ''] = [...letter.normalize('NFD')];
    return modifier === '' ? [] : [[ORDER.indexOf(base) * 0x10000 + modifier.charCodeAt(0), i]];
  }),
);

interface KeyBuffers {
  primary: string;
  tones: string;
  caseBits: string;
  /** Index in ORDER of the letter a following combining mark belongs to; -1 after anything else. */
  last: number;
}

/** Appends one word. Precomposed letters take the table; everything else goes to `scanOther`. */
function scan(word: string, out: KeyBuffers): void {
  for (let i = 0; i < word.length; i++) {
    const unit = word.charCodeAt(i);
    const weight = unit < TABLE_SIZE ? (WEIGHTS[unit] ?? -1) : -1;
    if (weight < 0) {
      const cp = word.codePointAt(i) ?? unit;
      if (cp > 0xffff) i++;
      scanOther(String.fromCodePoint(cp), out);
      continue;
    }
    out.last = weight >> 4;
    out.primary += CODES[out.last] ?? OTHER;
    const tone = (weight >> 1) & 7;
    if (tone > 0) out.tones += DIGITS[tone] ?? '';
    out.caseBits += (weight & 1) === 1 ? '1' : '0';
  }
}

/**
 * A lone combining mark (text not in NFC, or a modifier typed after the tone: "é" + ˆ), a
 * foreign letter with marks (ü, ñ: its base letter plus a mark ranked after the tones), or any
 * other symbol (after all letters, by code point).
 */
function scanOther(ch: string, out: KeyBuffers): void {
  const modified = out.last < 0 ? undefined : MODIFIED.get(out.last * 0x10000 + ch.charCodeAt(0));
  if (modified !== undefined) {
    out.primary = out.primary.slice(0, -1) + (CODES[modified] ?? OTHER);
    out.last = modified;
  } else if (MARK.test(ch)) {
    out.tones += String(toneRank(ch) || OTHER_MARK_RANK);
  } else if (ch.normalize('NFD') !== ch) {
    scan(ch.normalize('NFD'), out);
  } else {
    out.primary += OTHER + (ch.codePointAt(0) ?? 0).toString(16).padStart(6, '0');
    out.caseBits += ch === ch.toLowerCase() ? '0' : '1';
    out.last = -1;
  }
}

/** Key of one part (given name, middle names, family name, or a whole text) and its case bits. */
function partKey(words: readonly string[]): { key: string; caseBits: string } {
  const out: KeyBuffers = { primary: '', tones: '', caseBits: '', last: -1 };
  for (let i = 0; i < words.length; i++) {
    if (i > 0) {
      out.primary += WORD_SEP;
      out.tones += WORD_SEP;
    }
    out.last = -1;
    scan(words[i] ?? '', out);
  }
  return { key: out.primary + PRIMARY_END + out.tones + PART_END, caseBits: out.caseBits };
}

function words(text: string): string[] {
  return text.normalize('NFC').split(/\s+/u).filter((w) => w !== '');
}

/**
 * Sort key of any text (a place, a procedure title) in Vietnamese dictionary order. ASCII only:
 * compare keys with `<` or store them in a column and `ORDER BY` it under SQLite's BINARY collation.
 */
export function vietnameseSortKey(text: string): string {
  const part = partKey(words(text));
  return part.key + part.caseBits;
}

/**
 * Sort key of a full name "Family Middle… Given": given name, then middle name(s), then family
 * name. A one-word name is all given name.
 */
export function nameSortKey(fullName: string): string {
  const all = words(fullName);
  const given = all.slice(-1);
  const middle = all.slice(1, -1);
  const family = all.length > 1 ? all.slice(0, 1) : [];
  const [g, m, f] = [partKey(given), partKey(middle), partKey(family)];
  return g.key + m.key + f.key + g.caseBits + m.caseBits + f.caseBits;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Comparator for `Array.prototype.sort` in Vietnamese dictionary order (see `vietnameseSortKey`). */
export function compareVietnamese(a: string, b: string): number {
  return compareKeys(vietnameseSortKey(a), vietnameseSortKey(b));
}

/**
 * Comparator for full names (given, middle, family; see `nameSortKey`). It builds both keys on
 * every call: for long lists use `sortByVietnameseName`, which builds each key once.
 */
export function compareVietnameseNames(a: string, b: string): number {
  return compareKeys(nameSortKey(a), nameSortKey(b));
}

/** A sorted copy of `items` by the full name `nameOf` returns, each key computed once. */
export function sortByVietnameseName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: nameSortKey(nameOf(item)) }))
    .sort((x, y) => compareKeys(x.key, y.key))
    .map((x) => x.item);
}
