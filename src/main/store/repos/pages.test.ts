import { describe, expect, it } from 'vitest';
import { at, newDossier, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { deleteDocument, getDocument, insertDocument, listDocuments } from './documents';
import { insertDossier } from './dossiers';
import { countPagesWithHash, deletePage, insertPage, listPages, reorderPages, updatePage, type StoredPage } from './pages';

const tempDir = useTempDirs();
const sha = (c: string) => c.repeat(64);
const page = (id: string, position: number, hash = sha('a')): StoredPage => ({
  id,
  documentId: 'doc1',
  position,
  sha256: hash,
  bytes: 120_000,
  width: 2480,
  height: 3508,
  rotation: 0,
  blank: false,
  createdAt: at(),
});

function withDocument() {
  const store = openTestStore(tempDir());
  const dossier = newDossier();
  store.write((db) => {
    insertDossier(db, dossier);
    insertDocument(db, { id: 'doc1', dossierId: dossier.id, kind: 'to-khai', title: 'Tờ khai đăng ký khai sinh', position: 0, createdAt: at() });
  });
  return { store, dossier };
}

describe('documents and pages', () => {
  it('keeps pages in order, with the scanner’s facts, and reorders them', () => {
    const { store, dossier } = withDocument();
    store.write((db) => ['p0', 'p1', 'p2'].forEach((id, i) => insertPage(db, page(id, i))));
    store.write((db) => reorderPages(db, 'doc1', ['p2', 'p0', 'p1']));
    expect(store.read((db) => listPages(db, 'doc1')).map((p) => [p.id, p.position])).toEqual([
      ['p2', 0],
      ['p0', 1],
      ['p1', 2],
    ]);
    expect(() => store.write((db) => reorderPages(db, 'doc1', ['p2', 'p2', 'p1']))).toThrow(RangeError);
    expect(store.write((db) => updatePage(db, 'p0', { rotation: 90, blank: true }))).toBe(true);
    expect(store.read((db) => listPages(db, 'doc1')).find((p) => p.id === 'p0')).toMatchObject({ rotation: 90, blank: true, width: 2480 });
    expect(store.read((db) => listDocuments(db, dossier.id)).map((d) => d.title)).toEqual(['Tờ khai đăng ký khai sinh']);
    store.close();
  });

  it('refuses a bad hash, rotation or duplicate position', () => {
    const { store } = withDocument();
    store.write((db) => insertPage(db, page('p0', 0)));
    expect(() => store.write((db) => insertPage(db, page('p1', 0)))).toThrow(/UNIQUE/);
    expect(() => store.write((db) => insertPage(db, page('p2', 1, 'A'.repeat(64))))).toThrow(/CHECK/);
    expect(() => store.write((db) => insertPage(db, { ...page('p3', 2), rotation: 45 as 90 }))).toThrow(/CHECK/);
    store.close();
  });

  it('removes a document’s pages with it, and tells when a file is no longer referenced', () => {
    const { store } = withDocument();
    store.write((db) => {
      insertPage(db, page('p0', 0, sha('b')));
      insertPage(db, page('p1', 1, sha('b')));
    });
    expect(store.read((db) => countPagesWithHash(db, sha('b')))).toBe(2);
    store.write((db) => deletePage(db, 'p0'));
    expect(store.read((db) => countPagesWithHash(db, sha('b')))).toBe(1);
    expect(store.write((db) => deleteDocument(db, 'doc1'))).toBe(true);
    expect(store.read((db) => getDocument(db, 'doc1'))).toBeUndefined();
    expect(store.read((db) => countPagesWithHash(db, sha('b')))).toBe(0);
    store.close();
  });
});
