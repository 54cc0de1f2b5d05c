import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareVietnamese,
  compareVietnameseNames,
  nameSortKey,
  normalizeVietnamese,
  sortByVietnameseName,
  vietnameseSortKey,
} from './vietnamese';

/** A fixed reorder (reverse, then rotate by one) so every expected list starts out of order. */
const scramble = <T>(xs: readonly T[]): T[] => {
  const reversed = [...xs].reverse();
  return [...reversed.slice(1), ...reversed.slice(0, 1)];
};

const SYLLABLES = ['a', 'an', 'anh', 'ăn', 'ân', 'ba', 'binh', 'chi', 'da', 'dung', 'đuc', 'đa', 'em', 'giang', 'ha', 'hoa', 'hương', 'khoa', 'lan', 'le', 'minh', 'ngoc', 'nguyên', 'o', 'ôn', 'ơn', 'phong', 'quy', 'thi', 'thuy', 'trân', 'tuân', 'u', 'ưng', 'van', 'yên'];
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
/** A real-looking syllable: the tone is typed after the first vowel and normalisation moves it home. */
const syllable = fc.tuple(fc.constantFrom(...SYLLABLES), fc.constantFrom(...TONES)).map(([s, tone]) => {
  const at = s.search(/[aăâeêioôơuưy]/u) + 1;
  return normalizeVietnamese(s.slice(0, at) + tone + s.slice(at));
});
const fullName = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

describe('compareVietnameseNames', () => {
  it('sorts by given name first, then middle, then family name', () => {
    const sorted = ['Nguyễn Văn Anh', 'Trần Thị Ánh', 'Lê Ă', 'Phạm Đức Bình', 'Đỗ Thị Dung', 'Vũ Văn Đức', 'Hoàng Minh Ơn', 'Bùi Thị Yến'];
    expect(scramble(sorted).sort(compareVietnameseNames)).toEqual(sorted);
  });

  it('breaks ties on the given name by middle names (none first), then by family name', () => {
    const sorted = ['Lê Anh', 'Nguyễn Anh', 'Lê Thị Anh', 'Nguyễn Thị Anh', 'Trần Thị Anh', 'Lê Văn Anh', 'Lê Văn Minh Anh'];
    expect(scramble(sorted).sort(compareVietnameseNames)).toEqual(sorted);
  });

  it('compares the whole given name (letters, then tones) before the family name', () => {
    expect(compareVietnameseNames('Trần Văn Anh', 'Lê Văn Ánh')).toBeLessThan(0);
    expect(compareVietnameseNames('Lê Văn Ánh', 'Trần Văn Anh')).toBeGreaterThan(0);
  });

  it('treats old and new tone placement, NFD and extra spaces as the same name', () => {
    expect(compareVietnameseNames('Nguyễn Thị Hòa', 'Nguyễn Thị Hoà')).toBe(0);
    expect(compareVietnameseNames('Nguyễn  Thị Thủy'.normalize('NFD'), 'Nguyễn Thị Thuỷ')).toBe(0);
    expect(nameSortKey(' Lê\tVăn  Tám ')).toBe(nameSortKey('Lê Văn Tám'));
  });

  it('puts a one-word name with the given names and an empty name first', () => {
    expect(['Trần Bình', 'Ánh', '', 'Lê Anh'].sort(compareVietnameseNames)).toEqual(['', 'Lê Anh', 'Ánh', 'Trần Bình']);
  });

  it('agrees with sortByVietnameseName and is a consistent total order', () => {
    fc.assert(
      fc.property(fc.array(fullName, { maxLength: 30 }), fc.tuple(fullName, fullName, fullName), (names, [a, b, c]) => {
        const byComparator = [...names].sort(compareVietnameseNames);
        expect(sortByVietnameseName(names, (n) => n)).toEqual(byComparator);
        expect(Math.sign(compareVietnameseNames(a, b)) + Math.sign(compareVietnameseNames(b, a))).toBe(0);
        if (compareVietnameseNames(a, b) <= 0 && compareVietnameseNames(b, c) <= 0) expect(compareVietnameseNames(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('compareVietnamese', () => {
  it('orders the 29 letters of the Vietnamese alphabet', () => {
    const alphabet = 'a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y'.split(' ');
    expect(scramble(alphabet).sort(compareVietnamese)).toEqual(alphabet);
    expect(scramble(alphabet.map((l) => l.toUpperCase())).sort(compareVietnamese)).toEqual(alphabet.map((l) => l.toUpperCase()));
  });

  it('orders tones không dấu, huyền, hỏi, ngã, sắc, nặng', () => {
    const tones = ['ma', 'mà', 'mả', 'mã', 'má', 'mạ'];
    expect(scramble(tones).sort(compareVietnamese)).toEqual(tones);
  });

  it('uses tones only when the letters are equal', () => {
    expect(['ăn', 'ạn', 'an', 'ánh'].sort(compareVietnamese)).toEqual(['an', 'ạn', 'ánh', 'ăn']);
    expect(['Đức', 'Dũng', 'Dung'].sort(compareVietnamese)).toEqual(['Dung', 'Dũng', 'Đức']);
  });

  it('sorts a shorter word or text before a longer one that starts the same way', () => {
    expect(['Anh', 'An Bình', 'An'].sort(compareVietnamese)).toEqual(['An', 'An Bình', 'Anh']);
  });

  it('places digits first, foreign letters f j w z in their Latin places, other symbols last', () => {
    const sorted = ['12', 'Em', 'Fatima', 'Giang', 'Ivan', 'John', 'Kim', 'Vy', 'William', 'Xuân', 'Yến', 'Zoe', 'Ω'];
    expect(scramble(sorted).sort(compareVietnamese)).toEqual(sorted);
  });

  it('sorts foreign letters with marks next to their base letter, after its Vietnamese tones', () => {
    expect(['mùller', 'müller', 'muller', 'mụller'].sort(compareVietnamese)).toEqual(['muller', 'mùller', 'mụller', 'müller']);
  });

  it('puts lower case before upper case only when everything else is equal', () => {
    expect(['An', 'an', 'Ân'].sort(compareVietnamese)).toEqual(['an', 'An', 'Ân']);
  });

  it('agrees with ICU (Intl.Collator "vi") on real syllables', () => {
    const collator = new Intl.Collator('vi');
    fc.assert(
      fc.property(fullName, fullName, (a, b) => {
        const ours = compareVietnamese(a, b);
        if (ours !== 0) expect(Math.sign(collator.compare(a, b))).toBe(ours);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('vietnameseSortKey and nameSortKey', () => {
  it('are printable ASCII, so SQLite BINARY order equals JS order', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(vietnameseSortKey(s)).toMatch(/^[\x20-\x7e]*$/u);
        expect(nameSortKey(s)).toMatch(/^[\x20-\x7e]*$/u);
      }),
    );
  });

  it('sort any text consistently, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        expect(Math.sign(compareVietnamese(a, b)) + Math.sign(compareVietnamese(b, a))).toBe(0);
        if (compareVietnamese(a, b) <= 0 && compareVietnamese(b, c) <= 0) expect(compareVietnamese(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('repair a vowel modifier typed after the tone', () => {
    expect(vietnameseSortKey('tie\u0301\u0302n')).toBe(vietnameseSortKey('tiến'));
  });

  it('sort objects by a name without recomputing keys', () => {
    const people = [{ name: 'Phạm Đức Bình' }, { name: 'Trần Thị Ánh' }, { name: 'Nguyễn Văn Anh' }];
    expect(sortByVietnameseName(people, (p) => p.name).map((p) => p.name)).toEqual(['Nguyễn Văn Anh', 'Trần Thị Ánh', 'Phạm Đức Bình']);
    expect(people[0]?.name).toBe('Phạm Đức Bình');
  });
});
