import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/id/uuidv7';
import { at, newDossier, openTestStore, T0 } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { appendDossierEvent, countDossierEvents, listDossierEvents } from './dossier-events';
import { insertDossier } from './dossiers';

const tempDir = useTempDirs();

describe('dossier events: the append-only audit trail', () => {
  it('lists a dossier’s events oldest first, views included', () => {
    const store = openTestStore(tempDir());
    const d = newDossier();
    store.write((db) => {
      insertDossier(db, d);
      appendDossierEvent(db, { id: uuidv7(T0 + 2), dossierId: d.id, at: at(2), actorId: 'u1', action: 'view' });
      appendDossierEvent(db, { id: uuidv7(T0 + 1), dossierId: d.id, at: at(0), actorId: 'u1', action: 'receive', toStatus: 'received', note: 'Đủ giấy tờ', data: { slip: 'receipt' } });
    });
    const events = store.read((db) => listDossierEvents(db, d.id));
    expect(events.map((e) => e.action)).toEqual(['receive', 'view']);
    expect(events[0]).toMatchObject({ fromStatus: null, toStatus: 'received', note: 'Đủ giấy tờ', data: { slip: 'receipt' } });
    expect(events[1]?.data).toEqual({});
    store.close();
  });

  it('keeps append order for events of the same millisecond, whatever their ids', () => {
    const store = openTestStore(tempDir());
    const d = newDossier();
    const late = new Uint8Array(10).fill(0xff);
    const early = new Uint8Array(10).fill(0x00);
    store.write((db) => {
      insertDossier(db, d);
      appendDossierEvent(db, { id: uuidv7(T0, late), dossierId: d.id, at: at(0), actorId: 'u1', action: 'receive' });
      appendDossierEvent(db, { id: uuidv7(T0, early), dossierId: d.id, at: at(0), actorId: 'u1', action: 'transfer' });
    });
    expect(store.read((db) => listDossierEvents(db, d.id)).map((e) => e.action)).toEqual(['receive', 'transfer']);
    store.close();
  });

  it('refuses an event for a dossier that does not exist', () => {
    const store = openTestStore(tempDir());
    expect(() => store.write((db) => appendDossierEvent(db, { id: uuidv7(T0), dossierId: 'missing', at: at(), actorId: null, action: 'view' }))).toThrow(
      /FOREIGN KEY/,
    );
    store.close();
  });

  it('cannot be rewritten or erased, even with raw SQL, and a dossier with history cannot be deleted', () => {
    const store = openTestStore(tempDir());
    const d = newDossier();
    store.write((db) => {
      insertDossier(db, d);
      appendDossierEvent(db, { id: uuidv7(T0), dossierId: d.id, at: at(), actorId: 'u1', action: 'receive' });
    });
    expect(() => store.write((db) => db.prepare("UPDATE dossier_events SET note = 'sửa'").run())).toThrow(/append-only/);
    expect(() => store.write((db) => db.prepare('DELETE FROM dossier_events').run())).toThrow(/append-only/);
    expect(() => store.write((db) => db.prepare('DELETE FROM dossiers WHERE id = ?').run(d.id))).toThrow(/FOREIGN KEY/);
    expect(store.read((db) => listDossierEvents(db, d.id))).toHaveLength(1);
    store.close();
  });

  it('counts the events of every dossier', () => {
    const store = openTestStore(tempDir());
    const [a, b] = [newDossier(), newDossier()];
    expect(store.read(countDossierEvents)).toBe(0);
    store.write((db) => {
      insertDossier(db, a);
      insertDossier(db, b);
      appendDossierEvent(db, { id: uuidv7(T0), dossierId: a.id, at: at(), actorId: 'u1', action: 'receive' });
      appendDossierEvent(db, { id: uuidv7(T0 + 1), dossierId: b.id, at: at(1), actorId: 'u1', action: 'receive' });
      appendDossierEvent(db, { id: uuidv7(T0 + 2), dossierId: b.id, at: at(2), actorId: 'u2', action: 'view' });
    });
    expect(store.read(countDossierEvents)).toBe(3);
    store.close();
  });
});
