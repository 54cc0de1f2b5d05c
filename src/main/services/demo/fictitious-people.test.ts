import { describe, expect, it } from 'vitest';
import { parsePersonalId } from '../../../shared/identity/personal-id';
import { parsePhoneNumber } from '../../../shared/identity/phone';
import { fictitiousPeople } from './fictitious-people';

const people = [...fictitiousPeople(42, 2000, 2026)];

describe('fictitious people', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect([...fictitiousPeople(42, 50, 2026)]).toEqual(people.slice(0, 50));
    expect([...fictitiousPeople(43, 50, 2026)]).not.toEqual(people.slice(0, 50));
  });

  it('writes Vietnamese names in NFC with their diacritics, Nguyễn the most common family name', () => {
    for (const p of people) {
      expect(p.fullName).toBe(p.fullName.normalize('NFC'));
      expect(p.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
    }
    const nguyen = people.filter((p) => p.fullName.startsWith('Nguyễn ')).length / people.length;
    expect(nguyen).toBeGreaterThan(0.3);
    expect(nguyen).toBeLessThan(0.46);
    expect(people.some((p) => /[Đđăâêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u.test(p.fullName))).toBe(true);
  });

  it('gives ID numbers and phones that pass the shared validators yet carry the demo marks', () => {
    for (const p of people) {
      const id = parsePersonalId(p.idNumber, { currentYear: 2026 });
      expect(id, p.idNumber).toMatchObject({ ok: true, sex: p.sex, birthYear: p.birthYear });
      expect(p.idNumber.slice(6, 9)).toBe('999');
      expect(parsePhoneNumber(p.phone)).toMatchObject({ ok: true, value: { number: p.phone, kind: 'mobile' } });
      expect(p.phone.startsWith('0999')).toBe(true);
    }
  });
});
