import { TONE_MARKS, VOWEL_MODIFIERS } from './vietnamese-marks';

/*
 * Two strengths of normalisation (domain-vn §8.1–8.2):
 *
 * - `tidyVietnamese` is for storage: NFC, trimmed, one space between words. It never moves a
 *   mark, because "never rewrite what the citizen's papers say" — "Thanh Hóa" stays "Thanh Hóa".
 * - `normalizeVietnamese` is for comparison and keys: it also puts every tone mark in ONE place,
 *   the "new style" of QĐ 1989/QĐ-BGDĐT (2018) Art. 8, the only written rule the notes found
 *   (mark on the main vowel: hoà, khoẻ, thuỷ). Old style (hòa, khỏe, thủy) is as common in
 *   official text; either would do for a key, so we follow the rule that is written down.
 *
 * Tone placement touches only a word that parses as one Vietnamese syllable (initial consonant,
 * a known vowel cluster, a legal final consonant) with exactly one tone mark on a vowel and
 * no mark Vietnamese does not use. Anything else ("où", "José", "Müller", "café") keeps its
 * marks where they were. Because the syllable is rebuilt from its parts, the same pass repairs
 * the legacy mistakes of VNI/TCVN3 conversions and pasted PDF text: decomposed (NFD) input,
 * tone typed before the vowel modifier ("e" + ´ + ˆ), and tones on the wrong vowel ("qủa",
 * "gịa", "hòan" become "quả", "giạ", "hoàn").
 */

/** Longest first, so "ngh" wins over "ng"; "gi" and "qu" before "g" so "gia" is gi + a. */
const INITIALS = 'ngh ng nh ch gh gi kh ph th tr qu b c d đ g h k l m n p r s t v x'.split(' ').concat('');
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const VOWEL_CLUSTERS = new Set(
  ('a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ' +
    'ưa ưi ươ ưu yê iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu').split(' '),
);
const VOWEL_RUN = /^[aăâeêioôơuưy]+/;
const MODIFIED_VOWELS = 'ăâêôơư';
/** Open syllables where old and new style disagree; new style marks the second vowel. */
const NEW_STYLE_SECOND_VOWEL = new Set(['oa', 'oe', 'uy']);
/** A word for tone placement: letters with their combining marks, in NFD. */
const WORD = /[\p{L}\p{M}]+/gu;
const MARK = /\p{M}/u;

interface Letter {
  readonly base: string;
  readonly modifier: string;
  readonly tone: string;
}

/** Splits an NFD word into letters; undefined when a mark is not one Vietnamese would put there. */
function splitLetters(word: string): Letter[] | undefined {
  const letters: Letter[] = [];
  for (const ch of word) {
    if (!MARK.test(ch)) {
      letters.push({ base: ch, modifier: '', tone: '' });
      continue;
    }
    const last = letters.pop();
    if (last === undefined) return undefined;
    if (TONE_MARKS.includes(ch)) {
      if (last.tone !== '') return undefined;
      letters.push({ ...last, tone: ch });
    } else if (VOWEL_MODIFIERS.get(ch)?.includes(last.base.toLowerCase()) === true && last.modifier === '') {
      letters.push({ ...last, modifier: ch });
    } else {
      return undefined;
    }
  }
  return letters;
}

/**
 * Index, within `plain` (lower-case letters without tones), of the letter that should carry the
 * tone; -1 when the word is not a Vietnamese syllable.
 */
function toneTarget(plain: readonly string[]): number {
  const word = plain.join('');
  for (const initial of INITIALS) {
    if (!word.startsWith(initial)) continue;
    const rest = word.slice(initial.length);
    const vowels = VOWEL_RUN.exec(rest)?.[0] ?? '';
    const final = rest.slice(vowels.length);
    if (!VOWEL_CLUSTERS.has(vowels) || !FINALS.has(final)) continue;
    return initial.length + vowelIndex(vowels, final);
  }
  return -1;
}

function vowelIndex(vowels: string, final: string): number {
  const modified = [...vowels].map((v, i) => (MODIFIED_VOWELS.includes(v) ? i : -1)).filter((i) => i >= 0);
  // ươ, iê, yê, uô: the second; ưa: the first. Either way the last vowel with a modifier.
  const lastModified = modified.at(-1);
  if (lastModified !== undefined) return lastModified;
  if (vowels.length === 1) return 0;
  if (vowels.length === 3) return 1;
  return final !== '' || NEW_STYLE_SECOND_VOWEL.has(vowels) ? 1 : 0;
}

function placeToneMark(word: string): string {
  const letters = splitLetters(word);
  if (letters === undefined) return word;
  const toned = letters.filter((l) => l.tone !== '');
  const tone = toned[0]?.tone;
  if (tone === undefined || toned.length !== 1) return word;
  const plain = letters.map((l) => (l.base.toLowerCase() + l.modifier).normalize('NFC'));
  const target = toneTarget(plain);
  const current = letters.findIndex((l) => l.tone !== '');
  if (target < 0 || !VOWEL_RUN.test(plain[current] ?? '')) return word;
  return letters.map((l, i) => l.base + l.modifier + (i === target ? tone : '')).join('');
}

/**
 * Storage form of typed or pasted text: NFC, trimmed, runs of white space (tabs, new lines,
 * non-breaking spaces) collapsed to one space. Marks are never moved.
 */
export function tidyVietnamese(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Comparison form: `tidyVietnamese` plus one tone-mark placement (new style: "hoà", "thuỷ",
 * "khoẻ"), so "Hòa" and "Hoà", or NFD and NFC input, give the same string. Idempotent.
 * Use it for equality, de-duplication and keys; store and print the tidied original.
 */
export function normalizeVietnamese(text: string): string {
  return tidyVietnamese(text.normalize('NFD').replace(WORD, placeToneMark));
}
