import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { openStore } from './db';
import { latestSchemaVersion } from './migrate';
import { migrations } from './migrations';
import { getSetting, putSetting } from './repos/settings';

const tempDir = useTempDirs();

describe('openStore on a real SQLite file', () => {
  it('creates the folder, applies every migration and records user_version', () => {
    const path = join(tempDir(), 'nested', 'motcua.sqlite');
    const store = openStore(path);
    expect(store.schemaVersion).toBe(latestSchemaVersion());
    store.close();
    const raw = new Database(path);
    expect(raw.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('keeps data across reopen and does not migrate twice', () => {
    const path = join(tempDir(), 'motcua.sqlite');
    const first = openStore(path);
    first.write((db) => putSetting(db, 'k', { a: 'Hòa' }, '2026-11-23T01:00:00.000Z'));
    first.close();
    const second = openStore(path);
    expect(second.read((db) => getSetting(db, 'k'))).toEqual({ a: 'Hòa' });
    second.close();
  });

  it('rolls back a failed write whole', () => {
    const store = openStore(join(tempDir(), 'motcua.sqlite'));
    expect(() =>
      store.write(
        (db) => {
          putSetting(db, 'half', 1, '2026-11-23T01:00:00.000Z');
          throw new Error('power cut');
        },
        { durable: true },
      ),
    ).toThrow('power cut');
    expect(store.read((db) => getSetting(db, 'half'))).toBeUndefined();
    store.close();
  });

  it('refuses a database from a newer version and leaves it untouched', () => {
    const path = join(tempDir(), 'motcua.sqlite');
    const raw = new Database(path);
    raw.pragma(`user_version = ${latestSchemaVersion() + 10}`);
    raw.close();
    let caught: unknown;
    try {
      openStore(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const described = (caught as AppError).toApiError();
    expect(described.code).toBe('store.future-version');
    expect(described.message.vi).toContain('phiên bản mới hơn');
    const again = new Database(path);
    expect(again.pragma('user_version', { simple: true })).toBe(latestSchemaVersion() + 10);
    again.close();
  });

  it('names a file that is not a database as corrupt, in Vietnamese', async () => {
    const path = join(tempDir(), 'motcua.sqlite');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, 'this is not sqlite, just text '.repeat(200));
    let caught: unknown;
    try {
      openStore(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).toApiError().code).toBe('store.unavailable');
    expect((caught as AppError).params.reason).toBe('corrupt');
  });
});

describe('migration registry', () => {
  it('is strictly increasing and numbered in tens', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const v of versions) expect(v % 10).toBe(0);
  });
});
