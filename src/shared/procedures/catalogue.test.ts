import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { CivilDate } from '../calendar/civil-date';
import {
  parseCatalogue,
  parseCatalogueJson,
  parseProcedure,
  parseProcedureKey,
  pickVersion,
  procedureByKey,
  procedureInForce,
  procedureKey,
  proceduresInForce,
  type Catalogue,
  type CatalogueInput,
} from './catalogue';
import { processingTimeSchema, type ProcessingTime } from './procedure';
import { seedCatalogueInput } from './seed-catalogue';

const day = (year: number, month: number, d: number): CivilDate => ({ year, month, day: d });

/** A deep copy of the seed to break on purpose. */
const seedCopy = (): CatalogueInput => structuredClone(seedCatalogueInput);

const parsedOrThrow = (input: unknown): Catalogue => {
  const result = parseCatalogue(input);
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value;
};

const first = <T>(items: readonly T[]): T => {
  const item = items[0];
  if (item === undefined) throw new Error('empty');
  return item;
};

describe('processing time', () => {
  it('has exactly the shape deadline code consumes', () => {
    expectTypeOf<z.infer<typeof processingTimeSchema>>().toEqualTypeOf<ProcessingTime>();
  });

  it('accepts the four kinds and refuses nonsense', () => {
    for (const ok of [{ kind: 'working-days', days: 3 }, { kind: 'working-days', days: 0.5 }, { kind: 'working-hours', hours: 4 }, { kind: 'same-day', cutoffMinutes: 900 }, { kind: 'same-day' }, { kind: 'immediate' }]) {
      expect(processingTimeSchema.safeParse(ok).success, JSON.stringify(ok)).toBe(true);
    }
    for (const bad of [{ kind: 'working-days', days: 0 }, { kind: 'working-days', days: 1.3 }, { kind: 'same-day', cutoffMinutes: 1440 }, { kind: 'days', days: 3 }, {}]) {
      expect(processingTimeSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('parseCatalogue: bad catalogues from the hub', () => {
  it('refuses text that is not JSON, in Vietnamese', () => {
    const result = parseCatalogueJson('{"format": 1, "procedures": [');
    expect(result).toMatchObject({ ok: false, error: { code: 'catalogue.not-json' } });
    if (!result.ok) expect(result.error.message.vi).toMatch(/^Danh mục thủ tục không đọc được/u);
  });

  it('refuses a wrong format version or missing list', () => {
    expect(parseCatalogue({ format: 2, procedures: [] }).ok).toBe(false);
    expect(parseCatalogue({ format: 1 }).ok).toBe(false);
    expect(parseCatalogue(null).ok).toBe(false);
    expect(parseCatalogueJson(JSON.stringify({ format: 1, procedures: [] })).ok).toBe(true);
  });

  it('names the procedure, the path and the problem', () => {
    const bad = seedCopy();
    const birth = first(bad.procedures);
    birth.code = '1001193';
    birth.processingTime = { kind: 'working-days', days: -1 };
    const result = parseCatalogueJson(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('catalogue.invalid');
    // 4: the two above, and the two birth groups whose commune member 1.001193 is now missing.
    expect(result.error.message.vi).toMatch(/^Danh mục thủ tục không hợp lệ, 4 lỗi: /u);
    expect(result.error.message.vi).toContain('(1001193@1) procedures[0].code: Mã thủ tục phải có dạng 1.001193');
    expect(result.error.message.vi).toContain('procedures[0].processingTime.days: Quá nhỏ');
    expect(result.error.message.en).toContain('procedures[0].code: A procedure code looks like 1.001193');
  });

  it('lists an unknown discriminator with the allowed kinds', () => {
    const bad = seedCopy();
    (first(bad.procedures) as { processingTime: unknown }).processingTime = { kind: 'weeks', weeks: 1 };
    const result = parseCatalogue(bad);
    expect(result.ok || result.error.message.vi).toMatch(/processingTime\.kind: .*một trong: working-days, working-hours, same-day, immediate/u);
  });

  it('refuses duplicate versions and two versions starting the same day', () => {
    const bad = seedCopy();
    bad.procedures.push({ ...first(bad.procedures) });
    const result = parseCatalogue(bad);
    expect(result.ok || result.error.message.vi).toContain('Phiên bản 1.001193@1 xuất hiện hai lần');
    expect(result.ok || result.error.message.vi).toContain('Hai phiên bản của 1.001193 cùng có hiệu lực từ 2025-07-01');
  });

  it('refuses broken references inside a form and across the catalogue', () => {
    const bad = seedCopy();
    const birth = first(bad.procedures);
    birth.linkedGroups = ['noSuchGroup'];
    birth.form.fields = [...birth.form.fields, { key: 'childName', section: 'nowhere', type: 'text', label: { vi: 'Tên', en: 'Name' } }];
    const result = parseCatalogue(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message.vi).toContain('Khóa "childName" bị trùng');
    expect(result.error.message.vi).toContain('Không có mục "nowhere" trong tờ khai');
    expect(result.error.message.vi).toContain('Không có nhóm liên thông "noSuchGroup" trong danh mục');
  });

  it('refuses a blank label, a bad date and an empty option list', () => {
    const bad = seedCopy();
    const birth = first(bad.procedures);
    birth.name = { vi: ' ', en: 'Birth' };
    birth.effectiveFrom = '2025-02-30';
    birth.form.fields = [{ key: 'x', section: 'requester', type: 'select', label: { vi: 'X', en: 'X' }, options: [] }];
    const result = parseCatalogue(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message.vi).toContain('procedures[0].name.vi: Không được để trống');
    expect(result.error.message.vi).toContain('procedures[0].effectiveFrom: Ngày phải có dạng năm-tháng-ngày');
    expect(result.error.message.vi).toContain('procedures[0].form.fields[0].options');
  });

  it('ignores properties a newer hub adds', () => {
    const newer = { ...seedCopy(), publishedBy: 'hub 2.0' };
    const catalogue = parsedOrThrow(newer);
    expect(catalogue).not.toHaveProperty('publishedBy');
  });

  it('caps the message at five problems', () => {
    const bad = seedCopy();
    for (const p of bad.procedures) p.code = 'x';
    const result = parseCatalogue(bad);
    expect(result.ok || result.error.message.vi).toMatch(/^Danh mục thủ tục không hợp lệ, \d+ lỗi: .*; và \d+ lỗi khác\.$/u);
  });
});

describe('versions', () => {
  const versions = [
    { version: 1, effectiveFrom: '2016-01-01' },
    { version: 2, effectiveFrom: '2025-07-01' },
    { version: 3, effectiveFrom: '2027-03-01', effectiveUntil: '2028-01-01' },
  ];

  it('picks the version in force on a date', () => {
    expect(pickVersion(versions, day(2015, 12, 31))).toBeUndefined();
    expect(pickVersion(versions, day(2016, 1, 1))?.version).toBe(1);
    expect(pickVersion(versions, day(2025, 6, 30))?.version).toBe(1);
    expect(pickVersion(versions, day(2025, 7, 1))?.version).toBe(2);
    expect(pickVersion(versions, day(2027, 2, 28))?.version).toBe(2);
    expect(pickVersion(versions, day(2027, 3, 1))?.version).toBe(3);
    expect(pickVersion(versions, day(2027, 12, 31))?.version).toBe(3);
    expect(pickVersion(versions, day(2028, 1, 1))).toBeUndefined();
  });

  it('does not depend on the order versions arrive in', () => {
    expect(pickVersion([...versions].reverse(), day(2026, 1, 1))?.version).toBe(2);
  });

  it('keys a version as code@version and reads the key back', () => {
    expect(procedureKey({ code: '1.001193', version: 2 })).toBe('1.001193@2');
    expect(parseProcedureKey('1.001193@2')).toEqual({ code: '1.001193', version: 2 });
    for (const bad of ['1.001193', '1.001193@0', '1.001193@x', '@2', '1.001193@2@3']) expect(parseProcedureKey(bad), bad).toBeUndefined();
  });

  it('keeps the version a dossier was received under when a new one takes effect', () => {
    const input = seedCopy();
    const birth = first(input.procedures);
    input.procedures.push({ ...structuredClone(birth), version: 2, effectiveFrom: '2027-03-01', processingTime: { kind: 'working-days', days: 1 } });
    const catalogue = parsedOrThrow(input);
    const received = procedureInForce(catalogue, '1.001193', day(2026, 11, 23));
    expect(received?.version).toBe(1);
    const key = procedureKey(received ?? { code: '', version: 0 });
    expect(procedureInForce(catalogue, '1.001193', day(2027, 3, 1))?.version).toBe(2);
    expect(procedureByKey(catalogue, key)?.processingTime).toEqual({ kind: 'same-day', cutoffMinutes: 900 });
    expect(procedureByKey(catalogue, '1.001193@9')).toBeUndefined();
    expect(proceduresInForce(catalogue, day(2027, 3, 1)).filter((p) => p.code === '1.001193').map((p) => p.version)).toEqual([2]);
  });
});

describe('parseProcedure: one stored version', () => {
  it('accepts a seed procedure and names a broken one', () => {
    const birth = first(seedCopy().procedures);
    expect(parseProcedure(birth).ok).toBe(true);
    const result = parseProcedure({ ...birth, version: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('procedure.invalid');
      expect(result.error.message.vi).toMatch(/^Thủ tục 1\.001193@0 không hợp lệ, 1 lỗi: version: /u);
    }
  });
});
