import { describe, expect, it } from 'vitest';
import { openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { allocateDossierSequence, lastIssuedSequence, type IssuedSequence } from './dossier-sequences';

const tempDir = useTempDirs();
const AGENCY = '000.00.00.X99';
/** The simplest block rule: slot 1 (1001–1999), restarting each day. */
const slot1 = (day: string) => (last: IssuedSequence | undefined) => (last?.day === day ? last.sequence + 1 : 1001);

describe('dossier sequences', () => {
  it('allocates increasing numbers per day and restarts on a new day', () => {
    const store = openTestStore(tempDir());
    const take = (day: string) => store.write((db) => allocateDossierSequence(db, AGENCY, day, slot1(day)));
    expect([take('2026-11-23'), take('2026-11-23'), take('2026-11-23')]).toEqual([1001, 1002, 1003]);
    expect(take('2026-11-24')).toBe(1001);
    expect(store.read((db) => lastIssuedSequence(db, AGENCY))).toEqual({ day: '2026-11-24', sequence: 1001 });
    expect(store.read((db) => lastIssuedSequence(db, '000.00.00.Y00'))).toBeUndefined();
    store.close();
  });

  it('gives the number back when the transaction that drew it fails', () => {
    const store = openTestStore(tempDir());
    const day = '2026-11-23';
    store.write((db) => allocateDossierSequence(db, AGENCY, day, slot1(day)));
    expect(() =>
      store.write((db) => {
        allocateDossierSequence(db, AGENCY, day, slot1(day));
        throw new Error('printer jammed before commit');
      }),
    ).toThrow('printer jammed');
    expect(store.write((db) => allocateDossierSequence(db, AGENCY, day, slot1(day)))).toBe(1002);
    store.close();
  });

  it('refuses a number that would repeat a code already issued that day', () => {
    const store = openTestStore(tempDir());
    const day = '2026-11-23';
    store.write((db) => allocateDossierSequence(db, AGENCY, day, () => 1005));
    expect(() => store.write((db) => allocateDossierSequence(db, AGENCY, day, () => 1005))).toThrow(RangeError);
    expect(() => store.write((db) => allocateDossierSequence(db, AGENCY, day, () => 10_000))).toThrow(RangeError);
    store.close();
  });
});
