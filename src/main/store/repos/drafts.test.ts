import { describe, expect, it } from 'vitest';
import { at, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { deleteDraft, getDraft, listDraftsByUser, upsertDraft } from './drafts';
import { insertUser } from './users';

const tempDir = useTempDirs();

describe('drafts (autosaved forms)', () => {
  it('saves, replaces, lists newest first and deletes, keeping the owner', () => {
    const store = openTestStore(tempDir());
    store.write((db) => insertUser(db, { id: 'u1', username: 'tnv1', displayName: 'Tình nguyện viên', role: 'volunteer', passwordHash: 'h', createdAt: at() }));
    store.write((db) => upsertDraft(db, { id: 'd1', userId: 'u1', procedureCode: '1.001193', form: { name: 'Ng' }, createdAt: at(1) }, at(1)));
    store.write((db) => upsertDraft(db, { id: 'd2', userId: 'u1', procedureCode: '1.000656', form: {}, createdAt: at(2) }, at(2)));
    store.write((db) => upsertDraft(db, { id: 'd1', userId: 'someone-else', procedureCode: '1.001193', form: { name: 'Nguyễn' }, createdAt: at(9) }, at(3)));
    expect(store.read((db) => getDraft(db, 'd1'))).toEqual({ id: 'd1', userId: 'u1', procedureCode: '1.001193', form: { name: 'Nguyễn' }, createdAt: at(1), updatedAt: at(3) });
    expect(store.read((db) => listDraftsByUser(db, 'u1')).map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(store.write((db) => deleteDraft(db, 'd1'))).toBe(true);
    expect(store.write((db) => deleteDraft(db, 'd1'))).toBe(false);
    expect(() => store.write((db) => upsertDraft(db, { id: 'd3', userId: 'nobody', procedureCode: 'x', form: {}, createdAt: at() }, at()))).toThrow(/FOREIGN KEY/);
    store.close();
  });
});
