import { describe, expect, it } from 'vitest';
import { newDossier, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { insertDossier, updateDossier } from '../repos/dossiers';
import {
  findDossierSummaryByCode,
  searchDossiersByIdNumber,
  searchDossiersByName,
  searchDossiersByNumber,
  searchDossiersByPhone,
  type SearchCursor,
} from './dossier-search';
import { nameMatch, numberMatch } from './fts-query';

const tempDir = useTempDirs();
const PEOPLE = ['Nguyễn Văn An', 'Nguyễn Văn Anh', 'Nguyễn Thị Vân Anh', 'Đặng Đình Dũng', 'Trần Văn Đức', 'LÊ THỊ THUỶ', 'Lê Thị Thủy'];

function seeded() {
  const store = openTestStore(tempDir());
  const rows = PEOPLE.map((applicantName) => newDossier({ applicantName }));
  store.write((db) => rows.forEach((r) => insertDossier(db, r)));
  return { store, rows };
}

const names = (page: { items: readonly { applicantName: string }[] }) => page.items.map((i) => i.applicantName);

describe('search by name (FTS5 over folded names)', () => {
  it('matches a multi-word prefix in order, ignoring diacritics and đ, newest first', () => {
    const { store } = seeded();
    expect(names(store.read((db) => searchDossiersByName(db, 'nguyen van a')))).toEqual(['Nguyễn Văn Anh', 'Nguyễn Văn An']);
    expect(names(store.read((db) => searchDossiersByName(db, 'dang dung')))).toEqual([]);
    expect(names(store.read((db) => searchDossiersByName(db, 'đặng đình')))).toEqual(['Đặng Đình Dũng']);
    expect(names(store.read((db) => searchDossiersByName(db, 'duc')))).toEqual(['Trần Văn Đức']);
    expect(names(store.read((db) => searchDossiersByName(db, 'thuy')))).toEqual(['Lê Thị Thủy', 'LÊ THỊ THUỶ']);
    expect(names(store.read((db) => searchDossiersByName(db, 'van anh')))).toEqual(['Nguyễn Thị Vân Anh', 'Nguyễn Văn Anh']);
    store.close();
  });

  it('matches words in any order when asked', () => {
    const { store } = seeded();
    expect(names(store.read((db) => searchDossiersByName(db, 'dang dung', { anyOrder: true })))).toEqual(['Đặng Đình Dũng']);
    expect(names(store.read((db) => searchDossiersByName(db, 'anh nguyen', { anyOrder: true })))).toEqual(['Nguyễn Thị Vân Anh', 'Nguyễn Văn Anh']);
    store.close();
  });

  it('treats FTS syntax in the input as plain text', () => {
    const { store } = seeded();
    for (const text of ['"', 'NEAR(a b)', 'code:0001', '*', 'a OR b', '-', "'); DROP TABLE dossiers; --"]) {
      expect(() => store.read((db) => searchDossiersByName(db, text))).not.toThrow();
    }
    expect(nameMatch('  ')).toBeUndefined();
    expect(nameMatch('Nguyễn "Văn"')).toBe('applicant_name_folded : ("nguyen" + "van"*)');
    expect(nameMatch('an nguyen', true)).toBe('applicant_name_folded : ("an" AND "nguyen"*)');
    expect(numberMatch('260413-0001')).toBe('{code applicant_id_number} : ("260413" + "0001"*)');
    store.close();
  });

  it('follows renames: the index is updated in the same transaction', () => {
    const { store, rows } = seeded();
    const first = rows[0];
    if (first === undefined) throw new Error('fixture');
    store.write((db) => updateDossier(db, first.id, 1, { applicantName: 'Phạm Minh Châu' }, first.createdAt));
    expect(names(store.read((db) => searchDossiersByName(db, 'pham minh chau')))).toEqual(['Phạm Minh Châu']);
    expect(names(store.read((db) => searchDossiersByName(db, 'nguyen van an')))).toEqual(['Nguyễn Văn Anh']);
    store.close();
  });

  it('pages through many matches without repeats', () => {
    const store = openTestStore(tempDir());
    store.write((db) => {
      for (let i = 0; i < 25; i++) insertDossier(db, newDossier({ applicantName: `Nguyễn Văn Số ${i}` }));
    });
    const seen: string[] = [];
    let after: SearchCursor | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = store.read((db) => searchDossiersByName(db, 'nguyen', { limit: 10, after }));
      seen.push(...names(page));
      if (page.next === undefined) break;
      after = page.next;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen[0]).toBe('Nguyễn Văn Số 24');
    store.close();
  });
});

describe('search by numbers', () => {
  it('finds by exact code, ID number and phone, and by fragments of code or ID', () => {
    const { store, rows } = seeded();
    const target = rows[3];
    if (target?.code == null || target.applicantIdNumber === null || target.applicantPhone === null) throw new Error('fixture');
    expect(store.read((db) => findDossierSummaryByCode(db, target.code ?? ''))?.applicantName).toBe('Đặng Đình Dũng');
    expect(names(store.read((db) => searchDossiersByIdNumber(db, target.applicantIdNumber ?? '')))).toEqual(['Đặng Đình Dũng']);
    expect(names(store.read((db) => searchDossiersByPhone(db, target.applicantPhone ?? '')))).toEqual(['Đặng Đình Dũng']);
    const tail = target.code.slice(-11);
    expect(names(store.read((db) => searchDossiersByNumber(db, tail)))).toEqual(['Đặng Đình Dũng']);
    expect(names(store.read((db) => searchDossiersByNumber(db, target.applicantIdNumber?.slice(0, 10) ?? '')))).toEqual(['Đặng Đình Dũng']);
    expect(store.read((db) => searchDossiersByPhone(db, '0999999999')).items).toEqual([]);
    store.close();
  });
});
