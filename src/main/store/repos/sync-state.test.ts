import { describe, expect, it } from 'vitest';
import { at, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { getSyncState, putSyncState } from './sync-state';

const tempDir = useTempDirs();

describe('sync state', () => {
  it('keeps the pull cursor across reopen', () => {
    const dir = tempDir();
    const store = openTestStore(dir);
    store.write((db) => putSyncState(db, 'pull-cursor', { cursor: 'abc', at: at() }, at()));
    store.write((db) => putSyncState(db, 'pull-cursor', { cursor: 'def', at: at(1) }, at(1)));
    store.close();
    const again = openTestStore(dir);
    expect(again.read((db) => getSyncState(db, 'pull-cursor'))).toEqual({ cursor: 'def', at: at(1) });
    expect(again.read((db) => getSyncState(db, 'missing'))).toBeUndefined();
    again.close();
  });
});
