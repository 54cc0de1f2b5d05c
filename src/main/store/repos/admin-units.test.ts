import { describe, expect, it } from 'vitest';
import { at, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { getAdminUnit, listAdminUnitChildren, putAdminUnit } from './admin-units';

const tempDir = useTempDirs();

describe('administrative units', () => {
  it('stores the hub’s units and lists children of a unit', () => {
    const store = openTestStore(tempDir());
    store.write((db) => {
      putAdminUnit(db, { code: '01', name: 'Thành phố Hà Nội', level: 'province', parentCode: null, updatedAt: at() });
      putAdminUnit(db, { code: '00004', name: 'Phường Ba Đình', level: 'commune', parentCode: '01', updatedAt: at() });
      putAdminUnit(db, { code: '00008', name: 'Phường Ngọc Hà', level: 'commune', parentCode: '01', updatedAt: at() });
    });
    expect(store.read((db) => listAdminUnitChildren(db, null)).map((u) => u.code)).toEqual(['01']);
    expect(store.read((db) => listAdminUnitChildren(db, '01')).map((u) => u.name)).toEqual(['Phường Ba Đình', 'Phường Ngọc Hà']);
    expect(store.read((db) => getAdminUnit(db, '00004'))?.level).toBe('commune');
    store.close();
  });
});
