import { describe, expect, it } from 'vitest';
import { newDossier, openTestStore } from '../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { foreignKeyCheck, integrityCheck, quickCheck, rebuildSearchIndex, searchIndexCheck } from './integrity';
import { insertDossier } from './repos/dossiers';

const tempDir = useTempDirs();

describe('integrity checks for doctor', () => {
  it('passes on a healthy database', () => {
    const store = openTestStore(tempDir());
    store.write((db) => insertDossier(db, newDossier()));
    expect(store.read(quickCheck)).toEqual({ ok: true, detail: 'ok' });
    expect(store.read((db) => integrityCheck(db))).toEqual({ ok: true, detail: 'ok' });
    expect(store.read(foreignKeyCheck)).toEqual({ ok: true, detail: 'ok' });
    expect(store.read(searchIndexCheck)).toEqual({ ok: true, detail: 'ok' });
    store.close();
  });

  it('finds a search index that disagrees with the dossiers, and rebuild repairs it', () => {
    const store = openTestStore(tempDir());
    store.write((db) => insertDossier(db, newDossier()));
    // Bypass the triggers the way a hand-made repair could: change the text behind the index.
    store.write((db) => {
      db.exec('DROP TRIGGER dossiers_fts_update');
      db.prepare("UPDATE dossiers SET applicant_name_folded = 'tran thi binh'").run();
    });
    expect(store.read(searchIndexCheck).ok).toBe(false);
    store.write(rebuildSearchIndex);
    expect(store.read(searchIndexCheck).ok).toBe(true);
    store.close();
  });
});
