import { describe, expect, it } from 'vitest';
import { at, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { seedCatalogueInput } from '../../../shared/procedures/seed-catalogue';
import { countProcedureVersions, getProcedureVersion, upsertProcedureVersion } from '../../store/repos/procedures';
import { requireProcedureInForce } from './procedures';
import { ensureSeedCatalogue } from './seed-catalogue';

const tempDir = useTempDirs();
const now = new Date(at());

describe('seed catalogue on first run', () => {
  it('fills an empty catalogue once, with definitions that parse back', () => {
    const store = openTestStore(tempDir());
    expect(ensureSeedCatalogue(store, now)).toBe(seedCatalogueInput.procedures.length);
    expect(ensureSeedCatalogue(store, now)).toBe(0);
    expect(store.read(countProcedureVersions)).toBe(seedCatalogueInput.procedures.length);
    expect(store.read((db) => requireProcedureInForce(db, '1.001193', '2026-11-23')).name.vi).toBe('Đăng ký khai sinh');
    store.close();
  });

  it('leaves a catalogue from the hub alone', () => {
    const store = openTestStore(tempDir());
    store.write((db) => upsertProcedureVersion(db, { code: '1.001193', version: 7, effectiveFrom: '2026-01-01', name: 'Từ máy chủ', definition: {}, updatedAt: at() }));
    expect(ensureSeedCatalogue(store, now)).toBe(0);
    expect(store.read((db) => getProcedureVersion(db, '1.001193', 1))).toBeUndefined();
    // A stored version that does not parse is not trusted for intake.
    expect(() => store.read((db) => requireProcedureInForce(db, '1.001193', '2026-11-23'))).toThrow(expect.objectContaining({ code: 'procedure.unknown' }) as Error);
    store.close();
  });
});
