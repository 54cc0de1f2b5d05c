import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiNames, contract, type Access } from '../../src/shared/api/contract';
import type { Role } from '../../src/shared/dossier/roles';
import { databaseFileName } from '../../src/main/services/core';
import { openCoreAt, signIn } from '../helpers/core-session';
import { useTempDirs } from '../helpers/temp-dir';

// Every call of the contract, whatever it is, refuses malformed input with a typed Vietnamese
// error and writes nothing. New calls are covered the day they enter the contract.
const tempDir = useTempDirs();

const demoUserOf: Record<Role, string> = { clerk: 'canbo', specialist: 'tuphap', volunteer: 'tinhnguyen', leader: 'lanhdao', admin: 'quantri' };

function userFor(access: Access): string | undefined {
  if (access === 'public') return undefined;
  if (access === 'session' || access === 'signed-in') return demoUserOf.clerk;
  return demoUserOf[access[0]!];
}

function rowCounts(dataDir: string): Record<string, number> {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

const malformed: [string, unknown][] = [
  ['a number', 42],
  ['a string', 'DROP TABLE dossiers'],
  ['an array', [1, 2, 3]],
  ['an unexpected 100 kB field', { unexpected: 'x'.repeat(100_000) }],
];

describe('every contract call refuses malformed input and writes nothing', () => {
  it.each(apiNames.map((name) => [name]))('%s', async (name) => {
    const dataDir = tempDir();
    const { core } = await openCoreAt(dataDir, '2026-11-23T02:00:00.000Z');
    const username = userFor(contract[name].access);
    const token = username === undefined ? undefined : (await signIn(core, username)).token;
    const before = rowCounts(dataDir);
    for (const [, input] of malformed) {
      const reply = await core.invoke(name, input, token);
      expect(reply.ok, `${name} accepted ${JSON.stringify(input).slice(0, 40)}`).toBe(false);
      if (reply.ok) continue;
      expect(reply.error.code).toBe('api.invalid-input');
      expect(reply.error.message.vi).toMatch(/không hợp lệ/);
    }
    expect(rowCounts(dataDir)).toEqual(before);
    core.dispose();
  });
});
