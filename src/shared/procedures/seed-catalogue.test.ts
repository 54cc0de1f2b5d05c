import { describe, expect, it } from 'vitest';
import type { CivilDate } from '../calendar/civil-date';
import { groupInForce, parseCatalogue, procedureInForce, procedureKey, proceduresInForce } from './catalogue';
import { isUnconfirmed, type Procedure } from './procedure';
import { loadSeedCatalogue, seedCatalogueInput } from './seed-catalogue';

const catalogue = loadSeedCatalogue();
const TODAY: CivilDate = { year: 2026, month: 11, day: 23 };

const byCode = (code: string): Procedure => {
  const p = procedureInForce(catalogue, code, TODAY);
  if (p === undefined) throw new Error(`no ${code}`);
  return p;
};

describe('the seed catalogue', () => {
  it('parses through the hub schema', () => {
    const result = parseCatalogue(JSON.parse(JSON.stringify(seedCatalogueInput)));
    expect(result.ok || result.error.message.en).toBe(true);
  });

  it('has one version per code@version and per code and start date', () => {
    const keys = catalogue.procedures.map(procedureKey);
    expect(new Set(keys).size).toBe(keys.length);
    const groupKeys = catalogue.groups.map((g) => `${g.id}@${g.version}`);
    expect(new Set(groupKeys).size).toBe(groupKeys.length);
  });

  it('holds the procedures of domain-vn §3 with the codes of §2.3', () => {
    expect(proceduresInForce(catalogue, TODAY).map((p) => `${p.code} ${p.name.vi}`)).toEqual([
      '1.001193 Đăng ký khai sinh',
      '1.004884 Đăng ký lại khai sinh',
      '1.000656 Đăng ký khai tử',
      '1.000894 Đăng ký kết hôn',
      '1.004873 Cấp Giấy xác nhận tình trạng hôn nhân',
      '2.000635 Cấp bản sao trích lục hộ tịch',
      '2.000815 Chứng thực bản sao từ bản chính giấy tờ, văn bản',
      '2.000884 Chứng thực chữ ký trong giấy tờ, văn bản',
    ]);
    for (const p of catalogue.procedures) expect(p.competence.level, p.code).toBe('commune');
  });

  it('is not in force before the 2025 reform: the hub must supply older versions', () => {
    expect(proceduresInForce(catalogue, { year: 2025, month: 6, day: 30 })).toEqual([]);
  });
});

describe('birth registration (1.001193) as the notes list it', () => {
  const birth = byCode('1.001193');
  const fieldKeys = birth.form.fields.map((f) => f.key);

  it('asks for the declaration, the birth certificate or its substitutes, ID shown, proxy and residence papers when needed', () => {
    const docs = Object.fromEntries(birth.documents.map((d) => [d.key, d]));
    expect(Object.keys(docs)).toEqual(['declaration', 'birthCertificate', 'authorisation', 'identityDocument', 'residenceProof']);
    expect(docs.birthCertificate).toMatchObject({ handling: 'submit', accepts: ['original'], presence: { kind: 'required' } });
    expect(docs.birthCertificate?.alternatives.map((a) => a.vi).join(' | ')).toMatch(/làm chứng.*cam đoan.*bỏ rơi.*mang thai hộ/u);
    expect(docs.identityDocument?.handling).toBe('present');
    expect(docs.authorisation?.presence.kind).toBe('conditional');
    expect(docs.residenceProof?.presence.kind).toBe('conditional');
  });

  it('carries the declaration fields of TT 04/2020 for the requester, child and parents', () => {
    expect(fieldKeys).toEqual(
      expect.arrayContaining([
        'requesterName', 'requesterIdDocument', 'requesterResidence', 'requesterRelation',
        'childName', 'childBirthDate', 'childSex', 'childEthnicity', 'childNationality', 'childBirthPlace', 'childHometown',
        'motherName', 'motherBirthYear', 'motherEthnicity', 'motherNationality', 'motherResidence',
        'fatherName', 'fatherBirthYear', 'fatherEthnicity', 'fatherNationality', 'fatherResidence',
        'extraCopies',
      ]),
    );
    const field = (key: string) => birth.form.fields.find((f) => f.key === key);
    expect(field('motherBirthYear')).toMatchObject({ type: 'date', precision: 'year' });
    expect(field('childBirthDate')).toMatchObject({ type: 'date', precision: 'day', required: true });
    expect(field('requesterPersonalId')?.type).toBe('personal-id');
    expect(field('requesterResidence')).toMatchObject({ required: false, requiredUnless: 'requesterPersonalId' });
    expect(field('fatherName')?.required).toBe(false);
  });

  it('is same-day until 15:00, free on time, with a provincial fee when late', () => {
    expect(birth.processingTime).toEqual({ kind: 'same-day', cutoffMinutes: 900 });
    expect(birth.fee.amount).toEqual({ kind: 'free' });
    expect(birth.fee.cases).toHaveLength(1);
    expect(birth.fee.cases[0]?.when.vi).toContain('60 ngày');
    expect(birth.fee.cases[0]?.amount.kind).toBe('set-by-province');
    expect(birth.fee.exemptions).toHaveLength(3);
    expect(isUnconfirmed(birth, 'processing-time')).toBe(true);
    expect(isUnconfirmed(birth, 'code')).toBe(false);
  });
});

describe('facts the notes leave open stay flagged', () => {
  it('marks the attestation codes, the marital-status time and the marriage time unconfirmed', () => {
    expect(isUnconfirmed(byCode('2.000815'), 'code')).toBe(true);
    expect(isUnconfirmed(byCode('2.000884'), 'code')).toBe(true);
    expect(isUnconfirmed(byCode('1.004873'), 'processing-time')).toBe(true);
    expect(isUnconfirmed(byCode('1.000894'), 'processing-time')).toBe(true);
  });

  it('keeps the confirmed attestation fees', () => {
    expect(byCode('2.000815').fee.amount).toEqual({ kind: 'per-page', firstPages: 2, firstPageVnd: 2000, laterPageVnd: 1000, maxPerCopyVnd: 200_000 });
    expect(byCode('2.000884').fee.amount).toEqual({ kind: 'fixed', amountVnd: 10_000, per: 'case' });
    expect(byCode('2.000635').fee.amount).toEqual({ kind: 'fixed', amountVnd: 8000, per: 'copy' });
  });

  it('flags every code that is not [C-2] from §2.3', () => {
    const seenInRepos = new Set(['1.001193', '1.004884', '1.000656', '1.000894', '1.004873', '2.000635']);
    for (const p of catalogue.procedures) expect(isUnconfirmed(p, 'code'), p.code).toBe(!seenInRepos.has(p.code));
  });
});

describe('liên thông groups (§4)', () => {
  it('links birth registration to the birth + residence + health-insurance group, and death to its group', () => {
    expect(byCode('1.001193').linkedGroups).toEqual(['birthResidenceInsurance']);
    expect(byCode('1.000656').linkedGroups).toEqual(['deathResidenceBenefits']);
  });

  it('switches from the paper group (20 days) to the electronic one (3 days) on 1/7/2024', () => {
    expect(groupInForce(catalogue, 'birthResidenceInsurance', { year: 2015, month: 6, day: 30 })).toBeUndefined();
    const paper = groupInForce(catalogue, 'birthResidenceInsurance', { year: 2024, month: 6, day: 30 });
    expect(paper).toMatchObject({ version: 1, channel: 'counter-or-online', processingTime: { kind: 'working-days', days: 20 } });
    expect(paper?.variants[0]).toEqual({ members: ['birth', 'healthInsurance'], processingTime: { kind: 'working-days', days: 15 } });
    const electronic = groupInForce(catalogue, 'birthResidenceInsurance', { year: 2024, month: 7, day: 1 });
    expect(electronic).toMatchObject({ version: 2, channel: 'online-only', processingTime: { kind: 'working-days', days: 3 } });
    expect(electronic?.members.map((m) => m.agency)).toEqual(['commune', 'police', 'social-insurance']);
  });

  it('keeps the death group’s reported code flagged and its missing time limit absent', () => {
    const death = groupInForce(catalogue, 'deathResidenceBenefits', TODAY);
    expect(death?.code).toBe('2.002913');
    expect(death?.processingTime).toBeUndefined();
    expect(death && isUnconfirmed(death, 'code')).toBe(true);
  });
});
