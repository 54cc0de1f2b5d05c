import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/id/uuidv7';
import { at, newDossier, openTestStore, T0 } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { insertDossier } from './dossiers';
import { countUnsentOutbox, enqueueOutbox, listOutboxForEntity, markOutboxSent, peekUnsentOutbox, recordOutboxFailure } from './outbox';

const tempDir = useTempDirs();

const entry = (n: number, entityId = 'd1') => ({ idempotencyKey: uuidv7(T0 + n), kind: 'dossier.received', entityId, payload: { n }, createdAt: at(n) });

describe('outbox', () => {
  it('hands out unsent commands in order, and forgets them once sent', () => {
    const store = openTestStore(tempDir());
    const seqs = store.write((db) => [1, 2, 3].map((n) => enqueueOutbox(db, entry(n))));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(store.read((db) => peekUnsentOutbox(db, 2)).map((e) => e.payload)).toEqual([{ n: 1 }, { n: 2 }]);

    expect(store.write((db) => markOutboxSent(db, seqs.slice(0, 2), at(10)))).toBe(2);
    expect(store.write((db) => markOutboxSent(db, seqs.slice(0, 2), at(11)))).toBe(0);
    expect(store.read((db) => peekUnsentOutbox(db, 10)).map((e) => e.seq)).toEqual([seqs[2]]);
    expect(store.read(countUnsentOutbox)).toBe(1);
    store.close();
  });

  it('counts failed attempts and keeps the last error', () => {
    const store = openTestStore(tempDir());
    const seq = store.write((db) => enqueueOutbox(db, entry(1)));
    store.write((db) => recordOutboxFailure(db, [seq], 'ECONNRESET'));
    store.write((db) => recordOutboxFailure(db, [seq], 'ETIMEDOUT'));
    expect(store.read((db) => peekUnsentOutbox(db, 1))[0]).toMatchObject({ attempts: 2, lastError: 'ETIMEDOUT', sentAt: null });
    store.close();
  });

  it('commits with the change it describes, or not at all', () => {
    const store = openTestStore(tempDir());
    const d = newDossier();
    const first = entry(1, d.id);
    expect(() =>
      store.write((db) => {
        insertDossier(db, d);
        enqueueOutbox(db, first);
        enqueueOutbox(db, { ...entry(2, d.id), idempotencyKey: first.idempotencyKey });
      }),
    ).toThrow(/UNIQUE/);
    expect(store.read((db) => listOutboxForEntity(db, d.id))).toEqual([]);
    expect(store.read((db) => db.prepare('SELECT count(*) AS n FROM dossiers').get())).toEqual({ n: 0 });
    store.close();
  });
});
