import { describe, expect, it } from 'vitest';
import { parsePersonalId, personalIdMismatches, type PersonalIdResult } from './personal-id';
import { BIRTH_PROVINCES_2016 } from './province-codes';

// Every number here is made up: a real province code and a plausible year, then 123456 or 000001.
const NOW = { currentYear: 2026 };

function errorCode(result: PersonalIdResult): string | undefined {
  return result.ok ? undefined : result.error.code;
}

describe('parsePersonalId', () => {
  it('reads the worked examples of the notes', () => {
    expect(parsePersonalId('001200012345', NOW)).toEqual({
      ok: true,
      id: '001200012345',
      provinceCode: '001',
      provinceName: 'Hà Nội',
      sex: 'male',
      birthYear: 2000,
    });
    expect(parsePersonalId('031305123456', NOW)).toMatchObject({ ok: true, provinceName: 'Hải Phòng', sex: 'female', birthYear: 2005 });
    expect(parsePersonalId('079088123456', NOW)).toMatchObject({ ok: true, provinceName: 'Hồ Chí Minh', sex: 'male', birthYear: 1988 });
  });

  it.each([
    ['0', 'male', 1900],
    ['1', 'female', 1900],
    ['2', 'male', 2000],
    ['3', 'female', 2000],
    ['4', 'male', 2100],
    ['5', 'female', 2100],
    ['6', 'male', 2200],
    ['7', 'female', 2200],
    ['8', 'male', 2300],
    ['9', 'female', 2300],
  ] as const)('reads century/sex digit %s as %s born from %i', (digit, sex, century) => {
    expect(parsePersonalId(`038${digit}07123456`, { currentYear: 2400 })).toMatchObject({ ok: true, sex, birthYear: century + 7 });
  });

  it('accepts the spaces, dots and hyphens a clerk types, and full-width digits', () => {
    for (const typed of ['001 200 012 345', ' 001.200.012.345 ', '001-200-012345', '００１２０００１２３４５']) {
      expect(parsePersonalId(typed, NOW)).toMatchObject({ ok: true, id: '001200012345' });
    }
  });

  it('accepts every province code of the 2016 table', () => {
    for (const { code, name } of BIRTH_PROVINCES_2016) {
      expect(parsePersonalId(`${code}190000001`, NOW)).toMatchObject({ ok: true, provinceCode: code, provinceName: name });
    }
  });

  it('accepts a birth in the current year', () => {
    expect(parsePersonalId('001226000001', NOW)).toMatchObject({ ok: true, birthYear: 2026 });
  });

  it('reports an empty entry', () => {
    expect(errorCode(parsePersonalId('', NOW))).toBe('personal-id.empty');
    expect(errorCode(parsePersonalId(' . ', NOW))).toBe('personal-id.empty');
  });

  it('reports letters and other characters, naming the first one', () => {
    const result = parsePersonalId('00120O012345', NOW);
    expect(result).toMatchObject({ ok: false, error: { code: 'personal-id.not-digits' } });
    expect(result.ok ? '' : result.error.message.vi).toContain('"O"');
    expect(errorCode(parsePersonalId('C1234567', NOW))).toBe('personal-id.not-digits');
    expect(errorCode(parsePersonalId('001200/012345', NOW))).toBe('personal-id.not-digits');
  });

  it('reports a wrong length with the number of digits typed', () => {
    const result = parsePersonalId('00120001234', NOW);
    expect(result).toMatchObject({ ok: false, error: { code: 'personal-id.wrong-length' } });
    expect(result.ok ? undefined : result.error.message).toEqual({
      vi: 'Số định danh cá nhân phải gồm đúng 12 chữ số; bạn đã nhập 11 chữ số.',
      en: 'A personal ID number has exactly 12 digits; you entered 11.',
    });
    expect(errorCode(parsePersonalId('0012000123456', NOW))).toBe('personal-id.wrong-length');
  });

  it('names a 9-digit number as an old CMND instead of a wrong length', () => {
    const result = parsePersonalId('012 345 678', NOW);
    expect(errorCode(result)).toBe('personal-id.legacy-cmnd');
    expect(result.ok ? '' : result.error.message.vi).toContain('31/12/2024');
  });

  it('reports a province code that is not in the 2016 table', () => {
    for (const id of ['000200012345', '003200012345', '099200012345', '100200012345']) {
      const result = parsePersonalId(id, NOW);
      expect(errorCode(result)).toBe('personal-id.unknown-province');
      expect(result.ok ? '' : result.error.message.vi).toContain(`"${id.slice(0, 3)}"`);
    }
  });

  it('reports a birth year after the current year', () => {
    const result = parsePersonalId('001227000001', NOW);
    expect(errorCode(result)).toBe('personal-id.future-birth-year');
    expect(result.ok ? '' : result.error.message.vi).toContain('2027');
    expect(errorCode(parsePersonalId('001400000001', NOW))).toBe('personal-id.future-birth-year');
  });

  it('names the form field when asked', () => {
    expect(parsePersonalId('1', { ...NOW, field: 'applicant.personalId' })).toMatchObject({ ok: false, error: { field: 'applicant.personalId' } });
    expect(parsePersonalId('1', NOW)).not.toHaveProperty('error.field');
  });

  it('works with the text alone, judging the birth year against the device clock', () => {
    expect(parsePersonalId('001 090 012 345')).toMatchObject({ ok: true, provinceCode: '001', sex: 'male', birthYear: 1990 });
    expect(parsePersonalId('001399012345')).toMatchObject({ ok: false, error: { code: 'personal-id.future-birth-year' } });
  });

  it('refuses a current year that is not an integer, a programming error', () => {
    expect(() => parsePersonalId('001200012345', { currentYear: Number.NaN })).toThrow(RangeError);
  });
});

describe('personalIdMismatches', () => {
  const info = { id: '031305123456', provinceCode: '031', provinceName: 'Hải Phòng', sex: 'female', birthYear: 2005 } as const;

  it('finds nothing when the declaration agrees or is silent', () => {
    expect(personalIdMismatches(info, { sex: 'female', birthYear: 2005 })).toEqual([]);
    expect(personalIdMismatches(info, {})).toEqual([]);
  });

  it('warns about a different sex and a different birth year', () => {
    const issues = personalIdMismatches(info, { sex: 'male', birthYear: 2004 }, 'personalId');
    expect(issues.map((i) => i.code)).toEqual(['personal-id.sex-mismatch', 'personal-id.birth-year-mismatch']);
    expect(issues[0]?.message.vi).toContain('nữ');
    expect(issues[1]?.field).toBe('personalId');
  });
});
