import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { at, newDossier, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { countDossiers, findDossierByCode, getDossierById, insertDossier, listDossiersInStatus, updateDossier, updateDossierStatus } from './dossiers';

const tempDir = useTempDirs();

describe('dossiers repository (real SQLite file)', () => {
  it('round-trips a dossier, with JSON columns parsed and the name in NFC', () => {
    const store = openTestStore(tempDir());
    const decomposed = 'Nguyễn Thị Thủy'.normalize('NFD');
    const input = newDossier({ applicantName: decomposed, clockStops: [{ from: at(5), to: null }] });
    store.write((db) => insertDossier(db, input));
    const stored = store.read((db) => getDossierById(db, input.id));
    expect(stored).toMatchObject({ id: input.id, code: input.code, status: 'received', rowVersion: 1, assigneeId: null, resolvedAt: null });
    expect(stored?.applicantName).toBe('Nguyễn Thị Thủy'.normalize('NFC'));
    expect(stored?.form).toEqual(input.form);
    expect(stored?.clockStops).toEqual([{ from: at(5), to: null }]);
    const folded = store.read((db) => db.prepare('SELECT applicant_name_folded AS f FROM dossiers WHERE id = ?').get(input.id)) as { f: string };
    expect(folded.f).toBe('nguyen thi thuy');
    expect(store.read((db) => findDossierByCode(db, input.code ?? ''))?.id).toBe(input.id);
    expect(store.read(countDossiers)).toBe(1);
    store.close();
  });

  it('allows many drafts without a code but never two dossiers with one code', () => {
    const store = openTestStore(tempDir());
    store.write((db) => {
      insertDossier(db, newDossier({ code: null, status: 'draft', receivedAt: null, dueAt: null }));
      insertDossier(db, newDossier({ code: null, status: 'draft', receivedAt: null, dueAt: null }));
    });
    const first = newDossier();
    store.write((db) => insertDossier(db, first));
    expect(() => store.write((db) => insertDossier(db, newDossier({ code: first.code })))).toThrow(/UNIQUE/);
    expect(store.read(countDossiers)).toBe(3);
    store.close();
  });

  it('refuses times that are not ISO 8601 UTC text, which would break ordering', () => {
    const store = openTestStore(tempDir());
    expect(() => store.write((db) => insertDossier(db, newDossier({ dueAt: '2026-11-26T08:00:00+07:00' })))).toThrow(/CHECK/);
    expect(() => store.write((db) => insertDossier(db, newDossier({ createdAt: '2026-11-26' })))).toThrow(/CHECK/);
    store.close();
  });

  it('updates with the row version it read and refuses a stale one, leaving the row as it was', () => {
    const store = openTestStore(tempDir());
    const d = newDossier();
    store.write((db) => insertDossier(db, d));
    const updated = store.write((db) => updateDossierStatus(db, d.id, 1, 'processing', at(10)));
    expect(updated).toMatchObject({ status: 'processing', rowVersion: 2, updatedAt: at(10) });

    let caught: unknown;
    try {
      store.write((db) => updateDossier(db, d.id, 1, { status: 'resolved', resultNumber: '12/2026' }, at(20)));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('store.stale-row');
    expect(store.read((db) => getDossierById(db, d.id))).toMatchObject({ status: 'processing', rowVersion: 2, resultNumber: null });
    store.close();
  });

  it('keeps fields not named in the change, clears fields set to null, and names a missing dossier', () => {
    const store = openTestStore(tempDir());
    const d = newDossier({ assigneeId: 'specialist-1' });
    store.write((db) => insertDossier(db, d));
    const next = store.write((db) =>
      updateDossier(db, d.id, 1, { resultNumber: '15', registerBook: '01/2026', registerPage: '7', assigneeId: null, dueAt: undefined }, at(30)),
    );
    expect(next).toMatchObject({ resultNumber: '15', registerBook: '01/2026', registerPage: '7', assigneeId: null, dueAt: d.dueAt, applicantName: d.applicantName });
    expect(store.read((db) => getDossierById(db, d.id))).toEqual(next);
    expect(() => store.write((db) => updateDossier(db, 'no-such-id', 1, {}, at(31)))).toThrow(expect.objectContaining({ code: 'store.not-found' }) as Error);
    store.close();
  });

  it('lists the dossiers of one status, most recently changed first, up to a limit', () => {
    const store = openTestStore(tempDir());
    const older = newDossier({ status: 'draft', code: null, createdAt: at(1) });
    const newer = newDossier({ status: 'draft', code: null, createdAt: at(2) });
    store.write((db) => {
      insertDossier(db, older);
      insertDossier(db, newer);
      insertDossier(db, newDossier());
      updateDossier(db, older.id, 1, { applicantName: 'Trần Thị Sửa' }, at(3));
    });
    expect(store.read((db) => listDossiersInStatus(db, 'draft', 10)).map((d) => d.id)).toEqual([older.id, newer.id]);
    expect(store.read((db) => listDossiersInStatus(db, 'draft', 1))).toHaveLength(1);
    store.close();
  });
});
