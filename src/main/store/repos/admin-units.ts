/**
 * Administrative units (đơn vị hành chính) from the hub: provinces and communes after the 2025
 * reform, districts only in old data (domain-vn §6.2). Used for address pickers.
 */
import type { ReadDb, WriteDb } from '../db';
import { prepared } from '../statements';

export type AdminLevel = 'province' | 'district' | 'commune';

export interface AdminUnit {
  readonly code: string;
  readonly name: string;
  readonly level: AdminLevel;
  /** The unit above; null for a province. */
  readonly parentCode: string | null;
  readonly updatedAt: string;
}

interface AdminUnitRow {
  readonly code: string;
  readonly name: string;
  readonly level: AdminLevel;
  readonly parent_code: string | null;
  readonly updated_at: string;
}

const fromRow = (r: AdminUnitRow): AdminUnit => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, updatedAt: r.updated_at });

/** Creates or replaces a unit as the hub describes it. */
export function putAdminUnit(db: WriteDb, unit: AdminUnit): void {
  prepared(
    db,
    `INSERT INTO admin_units (code, name, level, parent_code, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code, updated_at = excluded.updated_at`,
  ).run(unit.code, unit.name.normalize('NFC'), unit.level, unit.parentCode, unit.updatedAt);
}

export function getAdminUnit(db: ReadDb, code: string): AdminUnit | undefined {
  const row = prepared(db, 'SELECT * FROM admin_units WHERE code = ?').get(code) as AdminUnitRow | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** The units directly under `parentCode` (null: the provinces); sort for display with compareVietnamese. */
export function listAdminUnitChildren(db: ReadDb, parentCode: string | null): AdminUnit[] {
  const rows =
    parentCode === null
      ? (prepared(db, 'SELECT * FROM admin_units WHERE parent_code IS NULL ORDER BY name').all() as AdminUnitRow[])
      : (prepared(db, 'SELECT * FROM admin_units WHERE parent_code = ? ORDER BY name').all(parentCode) as AdminUnitRow[]);
  return rows.map(fromRow);
}
