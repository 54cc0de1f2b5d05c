import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, normalizeVietnamese, tidyVietnamese } from './vietnamese';

const nfd = (s: string): string => s.normalize('NFD');

describe('normalizeVietnamese', () => {
  it.each([
    ['hòa', 'hoà'],
    ['thủy', 'thuỷ'],
    ['khỏe', 'khoẻ'],
    ['HÒA', 'HOÀ'],
    ['THỦY', 'THUỶ'],
    ['KHỎE', 'KHOẺ'],
    ['Hòa', 'Hoà'],
    ['Thanh Hóa', 'Thanh Hoá'],
    ['Nguyễn Thị Thủy', 'Nguyễn Thị Thuỷ'],
  ])('puts the tone of old-style %s where the new style does (%s)', (oldStyle, newStyle) => {
    expect(normalizeVietnamese(oldStyle)).toBe(newStyle.normalize('NFC'));
    expect(normalizeVietnamese(newStyle)).toBe(newStyle.normalize('NFC'));
  });

  it('makes old- and new-style spellings compare equal, in either case', () => {
    const pairs = [['hoà', 'hòa'], ['thuỷ', 'thủy'], ['khoẻ', 'khỏe'], ['HOÀ', 'HÒA'], ['THUỶ', 'THỦY'], ['KHOẺ', 'KHỎE'], ['quý hoá', 'quý hóa']];
    for (const [a = '', b = ''] of pairs) expect(normalizeVietnamese(a)).toBe(normalizeVietnamese(b));
  });

  it.each(['hoàn', 'toán', 'thuyết', 'huỳnh', 'quý', 'quả', 'giữa', 'gìn', 'người', 'khuỷu', 'ngoài', 'xoáy', 'bìa', 'lụa', 'lửa', 'biển', 'thuyền', 'nhuộm', 'được', 'Nguyễn', 'Đặng', 'yến', 'thuở', 'xoắn', 'rượu', 'khuấy'])(
    'leaves %s, already in its only place, as it is',
    (word) => {
      expect(normalizeVietnamese(word)).toBe(word);
    },
  );

  it('accepts decomposed (NFD) input and returns NFC', () => {
    expect(normalizeVietnamese(nfd('Nguyễn Thị Hoà'))).toBe('Nguyễn Thị Hoà');
    expect(normalizeVietnamese(nfd('Trần Thủy'))).toBe('Trần Thuỷ');
    expect(normalizeVietnamese(nfd('Đặng Đình Đức'))).toBe('Đặng Đình Đức');
  });

  it('repairs legacy mistakes: tone on the wrong vowel, tone typed before the vowel modifier', () => {
    expect(normalizeVietnamese('qủa')).toBe('quả');
    expect(normalizeVietnamese('qúy')).toBe('quý');
    expect(normalizeVietnamese('gịa')).toBe('giạ');
    expect(normalizeVietnamese('hòan')).toBe('hoàn');
    expect(normalizeVietnamese('tie\u0301\u0302n')).toBe('tiến');
    expect(normalizeVietnamese('Nguye\u0303\u0302n')).toBe('Nguyễn');
  });

  it('trims and collapses white space of every kind', () => {
    expect(normalizeVietnamese('  Lê\u00a0\u00a0Văn\t\nAn  ')).toBe('Lê Văn An');
  });

  it.each(['où', 'José', 'Müller', 'café', 'naïve', 'Ελληνικά', '日本語', 'नमस्ते', '한국어', 'Zoë 😀', 'ÀÁ'])(
    'leaves non-Vietnamese text %s as its NFC form',
    (text) => {
      expect(normalizeVietnamese(nfd(text))).toBe(text.normalize('NFC'));
    },
  );

  it('leaves words with two tones or a mark on a consonant alone', () => {
    expect(normalizeVietnamese('àá')).toBe('àá');
    expect(normalizeVietnamese('b\u0301a')).toBe('b\u0301a');
  });

  it('is idempotent on any text', () => {
    const pieces = ['a', 'o', 'u', 'y', 'i', 'e', 'q', 'g', 'h', 'n', 'đ', 'Ư', 'ê', ' ', '\t', '\u00a0', '\u0300', '\u0301', '\u0302', '\u0303', '\u0306', '\u0309', '\u031b', '\u0323', '\u0308', 'x', 'ü', 'क', '\u093f'];
    const text = fc.oneof(fc.string(), fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((a) => a.join('')));
    fc.assert(
      fc.property(text, (s) => {
        const once = normalizeVietnamese(s);
        expect(normalizeVietnamese(once)).toBe(once);
        expect(once).toBe(once.normalize('NFC'));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('tidyVietnamese', () => {
  it('normalises to NFC and collapses white space but never moves a tone mark', () => {
    expect(tidyVietnamese(nfd('  Thanh   Hóa '))).toBe('Thanh Hóa');
    expect(tidyVietnamese('Thanh Hoá')).toBe('Thanh Hoá');
  });
});

describe('foldVietnamese', () => {
  it('folds đ and Đ to d, which FTS5 remove_diacritics does not', () => {
    expect(foldVietnamese('Đặng Đình Đức')).toBe('dang dinh duc');
  });

  it('folds every tone and vowel mark, in either case and either tone placement', () => {
    expect(foldVietnamese('THỦY')).toBe('thuy');
    expect(foldVietnamese('thuỷ')).toBe('thuy');
    expect(foldVietnamese('Nguyễn Văn Ánh Dương')).toBe('nguyen van anh duong');
    expect(foldVietnamese('ĂÂÊÔƠƯ ăâêôơư')).toBe('aaeoou aaeoou');
  });

  it('folds NFD input like NFC input', () => {
    expect(foldVietnamese(nfd('Đặng Thị Huệ'))).toBe('dang thi hue');
  });

  it('collapses white space and trims', () => {
    expect(foldVietnamese('  Lê\t\tVăn\u00a0Tám \n')).toBe('le van tam');
  });

  it('folds the eth that old conversions left instead of Đ', () => {
    expect(foldVietnamese('ÐỨC')).toBe('duc');
  });

  it('keeps the marks of other scripts', () => {
    expect(foldVietnamese('नमस्ते')).toBe('नमस्ते');
    expect(foldVietnamese('한국어')).toBe('한국어');
  });

  it('is idempotent and ignores what normalizeVietnamese changes', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(foldVietnamese(foldVietnamese(s))).toBe(foldVietnamese(s));
        expect(foldVietnamese(normalizeVietnamese(s))).toBe(foldVietnamese(s));
      }),
      { numRuns: 1000 },
    );
  });
});
