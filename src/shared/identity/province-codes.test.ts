import { describe, expect, it } from 'vitest';
import { BIRTH_PROVINCES_2016, birthProvince } from './province-codes';

describe('BIRTH_PROVINCES_2016', () => {
  it('has the 63 provinces of TT 07/2016/TT-BCA with unique three-digit codes, in code order', () => {
    expect(BIRTH_PROVINCES_2016).toHaveLength(63);
    const codes = BIRTH_PROVINCES_2016.map((p) => p.code);
    expect(new Set(codes).size).toBe(63);
    for (const code of codes) expect(code).toMatch(/^0\d{2}$/u);
    expect([...codes].sort()).toEqual(codes);
  });

  it('has unique names in NFC', () => {
    const names = BIRTH_PROVINCES_2016.map((p) => p.name);
    expect(new Set(names).size).toBe(63);
    for (const name of names) expect(name).toBe(name.normalize('NFC'));
  });

  it('looks a code up', () => {
    expect(birthProvince('001')?.name).toBe('Hà Nội');
    expect(birthProvince('031')?.name).toBe('Hải Phòng');
    expect(birthProvince('079')?.name).toBe('Hồ Chí Minh');
    expect(birthProvince('096')?.name).toBe('Cà Mau');
    expect(birthProvince('003')).toBeUndefined();
    expect(birthProvince('1')).toBeUndefined();
  });
});
