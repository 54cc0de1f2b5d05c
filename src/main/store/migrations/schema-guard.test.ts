/*
 * The additive-only guard (style-anchors §6.4 item 6, Actual's schema-guard). Tables the hub
 * syncs may gain nullable or defaulted columns, never lose, rename or retype one, and never
 * gain NOT NULL on an existing column: an older PC or the hub would hold rows the new schema
 * cannot take. The committed snapshot records the synced schema as released; a retired name
 * may never come back with another meaning. After an additive change, record it with
 * `UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run src/main/store/migrations/schema-guard.test.ts`.
 */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

interface Snapshot {
  readonly $comment: string;
  /** table → column → "TYPE[ NOT NULL][ DEFAULT x]" */
  readonly synced: Record<string, Record<string, string>>;
}

const snapshotUrl = new URL('./schema-snapshot.json', import.meta.url);
const snapshot = JSON.parse(readFileSync(snapshotUrl, 'utf8')) as Snapshot;
const retired = (JSON.parse(readFileSync(new URL('./retired-names.json', import.meta.url), 'utf8')) as { names: string[] }).names;

interface Column {
  readonly name: string;
  readonly type: string;
  readonly notnull: 0 | 1;
  readonly dflt_value: string | null;
}

const describeColumn = (c: Column): string => [c.type, c.notnull ? 'NOT NULL' : '', c.dflt_value === null ? '' : `DEFAULT ${c.dflt_value}`].filter(Boolean).join(' ');

function currentSchema(): Map<string, Column[]> {
  const db = new Database(':memory:');
  migrate(db);
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const schema = new Map(tables.map((t) => [t, db.pragma(`table_info(${JSON.stringify(t)})`) as Column[]]));
  db.close();
  return schema;
}

describe('schema guard: synced tables are additive only', () => {
  const schema = currentSchema();

  it.each(Object.keys(snapshot.synced))('%s keeps every released column, with its type and nullability', (table) => {
    const columns = schema.get(table);
    expect(columns, `synced table ${table} was dropped or renamed`).toBeDefined();
    const now = new Map((columns ?? []).map((c) => [c.name, describeColumn(c)]));
    for (const [name, released] of Object.entries(snapshot.synced[table] ?? {})) {
      expect(now.get(name), `${table}.${name} was dropped, renamed or changed`).toBe(released);
    }
  });

  it('lets synced tables gain only columns that old rows can take (nullable or defaulted), recorded in the snapshot', () => {
    const added: string[] = [];
    for (const [table, released] of Object.entries(snapshot.synced)) {
      for (const c of schema.get(table) ?? []) {
        if (c.name in released) continue;
        // A table first recorded now is new as a whole; the rule is for tables already released.
        const releasedBefore = Object.keys(released).length > 0;
        if (releasedBefore) expect(c.notnull === 0 || c.dflt_value !== null, `${table}.${c.name} is NOT NULL without a default`).toBe(true);
        added.push(`${table}.${c.name}`);
      }
    }
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') {
      const synced = Object.fromEntries(
        Object.keys(snapshot.synced).map((t) => [t, Object.fromEntries((schema.get(t) ?? []).map((c) => [c.name, describeColumn(c)]))]),
      );
      writeFileSync(snapshotUrl, `${JSON.stringify({ ...snapshot, synced }, null, 2)}\n`);
      return;
    }
    expect(added, 'additive change not yet recorded: rerun with UPDATE_SCHEMA_SNAPSHOT=1 and commit the snapshot').toEqual([]);
  });

  it('never reuses a retired table or column name', () => {
    const names = [...schema].flatMap(([table, columns]) => [table, ...columns.map((c) => `${table}.${c.name}`)]);
    expect(names.filter((n) => retired.includes(n))).toEqual([]);
  });
});
