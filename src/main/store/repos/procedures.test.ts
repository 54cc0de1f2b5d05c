import { describe, expect, it } from 'vitest';
import { at, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { countProcedureVersions, getProcedureInForce, getProcedureVersion, listProceduresInForce, upsertProcedureVersion } from './procedures';

const tempDir = useTempDirs();
const birth = (version: number, effectiveFrom: string) => ({
  code: '1.001193',
  version,
  effectiveFrom,
  name: 'Đăng ký khai sinh',
  definition: { timeLimitDays: version === 1 ? 1 : 2 },
  updatedAt: at(),
});

describe('procedures (versioned catalogue)', () => {
  it('answers which version was in force on a day', () => {
    const store = openTestStore(tempDir());
    store.write((db) => {
      upsertProcedureVersion(db, birth(1, '2025-07-01'));
      upsertProcedureVersion(db, birth(2, '2026-01-01'));
    });
    expect(store.read((db) => getProcedureInForce(db, '1.001193', '2025-06-30'))).toBeUndefined();
    expect(store.read((db) => getProcedureInForce(db, '1.001193', '2025-12-31'))?.version).toBe(1);
    expect(store.read((db) => getProcedureInForce(db, '1.001193', '2026-01-01'))?.definition).toEqual({ timeLimitDays: 2 });
    store.close();
  });

  it('replaces a re-published version and lists each procedure once', () => {
    const store = openTestStore(tempDir());
    store.write((db) => {
      upsertProcedureVersion(db, birth(1, '2025-07-01'));
      upsertProcedureVersion(db, birth(2, '2026-01-01'));
      upsertProcedureVersion(db, { ...birth(1, '2025-07-01'), name: 'Đăng ký khai sinh (sửa)' });
      upsertProcedureVersion(db, { ...birth(1, '2025-07-01'), code: '1.000656', name: 'Đăng ký khai tử' });
    });
    expect(store.read((db) => getProcedureVersion(db, '1.001193', 1))?.name).toBe('Đăng ký khai sinh (sửa)');
    expect(store.read((db) => listProceduresInForce(db, '2026-03-01')).map((p) => [p.code, p.version])).toEqual([
      ['1.000656', 1],
      ['1.001193', 2],
    ]);
    store.close();
  });

  it('counts stored versions, so a first run can tell an empty catalogue', () => {
    const store = openTestStore(tempDir());
    expect(store.read(countProcedureVersions)).toBe(0);
    store.write((db) => {
      upsertProcedureVersion(db, birth(1, '2025-07-01'));
      upsertProcedureVersion(db, birth(2, '2026-01-01'));
      upsertProcedureVersion(db, birth(2, '2026-01-01'));
    });
    expect(store.read(countProcedureVersions)).toBe(2);
    store.close();
  });
});
