/**
 * The combining marks Vietnamese writes with, shared by normalisation and collation. A letter
 * such as "ệ" is a base letter, at most one vowel modifier (the shape of the vowel: ă â ê ô ơ ư)
 * and at most one tone mark. Đ/đ are separate letters with no decomposition (domain-vn §8.1).
 */

/** Tone marks in dictionary order (domain-vn §8.3); index + 1 is the tone's rank, 0 = không dấu. */
export const TONE_MARKS: readonly string[] = [
  '\u0300', // huyền
  '\u0309', // hỏi
  '\u0303', // ngã
  '\u0301', // sắc
  '\u0323', // nặng
];

/** Vowel modifiers and the lower-case base letters each may sit on. */
export const VOWEL_MODIFIERS: ReadonlyMap<string, string> = new Map([
  ['\u0306', 'a'], // breve: ă
  ['\u0302', 'aeo'], // circumflex: â ê ô
  ['\u031b', 'ou'], // horn: ơ ư
]);

/** Rank of a tone mark: 1 huyền … 5 nặng; 0 when `mark` is not a tone mark. */
export function toneRank(mark: string): number {
  return TONE_MARKS.indexOf(mark) + 1;
}
