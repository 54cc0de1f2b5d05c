import { describe, expect, it } from 'vitest';
import { procedureFormSchema } from './fields';
import { procedureInForce } from './catalogue';
import { loadSeedCatalogue } from './seed-catalogue';
import { validateDossierForm } from './validate-form';

const form = procedureFormSchema.parse({
  sections: [
    { key: 'person', label: { vi: 'Người yêu cầu', en: 'Requester' } },
    { key: 'mother', label: { vi: 'Mẹ', en: 'Mother' } },
  ],
  fields: [
    { key: 'name', section: 'person', type: 'name', label: { vi: 'Họ, chữ đệm, tên', en: 'Full name' }, required: true, maxLength: 10 },
    { key: 'personalId', section: 'person', type: 'personal-id', label: { vi: 'Số định danh cá nhân', en: 'Personal ID' } },
    { key: 'residence', section: 'person', type: 'address', label: { vi: 'Nơi cư trú', en: 'Residence' }, requiredUnless: 'personalId' },
    { key: 'born', section: 'person', type: 'date', label: { vi: 'Ngày sinh', en: 'Born' } },
    { key: 'motherBorn', section: 'mother', type: 'date', precision: 'year', label: { vi: 'Năm sinh', en: 'Year of birth' } },
    { key: 'diedAt', section: 'person', type: 'time', label: { vi: 'Giờ', en: 'Time' } },
    { key: 'copies', section: 'person', type: 'number', label: { vi: 'Số bản sao', en: 'Copies' }, min: 0, max: 20 },
    {
      key: 'sex',
      section: 'person',
      type: 'select',
      label: { vi: 'Giới tính', en: 'Sex' },
      options: [
        { value: 'nam', label: { vi: 'Nam', en: 'Male' } },
        { value: 'nu', label: { vi: 'Nữ', en: 'Female' } },
      ],
    },
  ],
});
const procedure = { form };
const codes = (values: Record<string, unknown>) => validateDossierForm(procedure, values).map((i) => `${i.field ?? ''}:${i.code}`);

describe('validateDossierForm', () => {
  it('accepts a complete, well-formed form', () => {
    expect(codes({ name: 'Lê Thị Hoa', personalId: '001190000001', born: '2026-02-28', motherBorn: '1990', diedAt: '23:59', copies: '2', sex: 'nu' })).toEqual([]);
    expect(codes({ name: 'Lê Hoa', residence: 'Thôn 1', motherBorn: 1990, copies: 0 })).toEqual([]);
  });

  it('names the missing field and its section in Vietnamese', () => {
    const issues = validateDossierForm(procedure, { name: '  ' });
    expect(issues.map((i) => i.field)).toEqual(['name', 'residence']);
    expect(issues[0]?.message.vi).toBe('Chưa nhập “Họ, chữ đệm, tên” (Người yêu cầu).');
    expect(issues[1]?.message.vi).toBe('Chưa nhập “Nơi cư trú” (Người yêu cầu); ô này bắt buộc khi không có “Số định danh cá nhân”.');
  });

  it('counts characters, not UTF-16 units or combining marks', () => {
    expect(codes({ name: 'Nguyễn Thị', residence: 'x' })).toEqual([]);
    expect(codes({ name: 'Nguye\u0303n Thi\u0323', residence: 'x' })).toEqual([]);
    expect(codes({ name: 'Nguyễn Thị Hoa', residence: 'x' })).toEqual(['name:form.too-long']);
  });

  it('checks dates, years, times, numbers and options', () => {
    expect(
      codes({ name: 'A', residence: 'x', born: '2026-02-30', motherBorn: '90', diedAt: '24:00', copies: '1.5', sex: 'male' }),
    ).toEqual(['born:form.not-date', 'motherBorn:form.not-date', 'diedAt:form.not-time', 'copies:form.not-number', 'sex:form.not-an-option']);
    expect(codes({ name: 'A', residence: 'x', copies: 21 })).toEqual(['copies:form.too-large']);
    expect(codes({ name: 'A', residence: 'x', copies: -1 })).toEqual(['copies:form.too-small']);
    expect(codes({ name: 42, residence: 'x' })).toEqual(['name:form.not-text']);
  });

  it('gives every message in Vietnamese and English', () => {
    for (const i of validateDossierForm(procedure, { name: 42, born: 'x', sex: 'y' })) {
      expect(i.message.vi).toMatch(/[ạ-ỹđ]/u);
      expect(i.message.en).not.toBe('');
    }
  });

  it('finds what is missing on a real declaration', () => {
    const birth = procedureInForce(loadSeedCatalogue(), '1.001193', { year: 2026, month: 11, day: 23 });
    if (birth === undefined) throw new Error('no birth registration');
    const missing = validateDossierForm(birth, { childNationality: 'Việt Nam' }).map((i) => i.field);
    expect(missing).toEqual([
      'requesterName', 'requesterIdDocument', 'requesterResidence', 'requesterRelation',
      'childName', 'childBirthDate', 'childSex', 'childEthnicity', 'childBirthPlace', 'childHometown',
    ]);
  });
});
