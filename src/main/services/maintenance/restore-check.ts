/**
 * What `restore` checks and shows before it replaces anything (PC hardening, issue 13): the file
 * must be a Motcua database of a schema version this build knows (its header's `user_version` is
 * one of the migrations, and once migrated, a copy of it holds every table a new database has),
 * and its commune and enrolment are read next to the current folder's, so a support engineer
 * sees whose data they are about to put on this PC. Only the copy is migrated; the backup file
 * itself is never opened for writing.
 */
import { closeSync, copyFileSync, openSync, readSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { openStore, type Store } from '../../store/db';
import { latestSchemaVersion } from '../../store/migrate';
import { migrations } from '../../store/migrations';
import { getSyncEnrolment } from '../../store/repos/sync-enrolment';
import { getSyncProvision } from '../../store/repos/sync-provision';
import { prepared } from '../../store/statements';
import { readCommune } from '../settings/commune';

/** Whose data a database holds: its commune and, if any, the hub enrolment (no keys, no codes). */
export interface DataIdentity {
  readonly commune: { readonly name: string; readonly agencyCode: string; readonly demo: boolean } | null;
  /** The hub's commune id, from the enrolment or the provisioning package. */
  readonly communeId: string | null;
  readonly hubUrl: string | null;
  readonly deviceId: string | null;
  readonly schemaVersion: number;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** The `user_version` in a SQLite file's header (bytes 60–63), or undefined if it is not SQLite. */
function headerUserVersion(path: string): number | undefined {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    if (readSync(fd, header, 0, 100, 0) < 100) return undefined;
  } finally {
    closeSync(fd);
  }
  if (header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) return undefined;
  return header.readUInt32BE(60);
}

function tableNames(store: Store): Set<string> {
  return new Set(store.read((db) => (prepared(db, "SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name)));
}

let expectedTables: Set<string> | undefined;
/** The tables a database of this build has once migrated. */
function tablesOfNewDatabase(): Set<string> {
  if (expectedTables === undefined) {
    const fresh = openStore(':memory:');
    try {
      expectedTables = tableNames(fresh);
    } finally {
      fresh.close();
    }
  }
  return expectedTables;
}

function identityOf(store: Store, schemaVersion: number): DataIdentity {
  const commune = readCommune(store);
  const { enrolment, provision } = store.read((db) => ({ enrolment: getSyncEnrolment(db), provision: getSyncProvision(db) }));
  return {
    commune: commune === undefined ? null : { name: commune.name, agencyCode: commune.agencyCode, demo: commune.demo },
    communeId: enrolment?.communeId ?? provision?.communeId ?? null,
    hubUrl: enrolment?.hubUrl ?? provision?.hubUrl ?? null,
    deviceId: enrolment?.deviceId ?? null,
    schemaVersion,
  };
}

/**
 * Proves `file` is a Motcua database of a known schema version and reads whose data it holds.
 * Works on a copy at `scratch` (removed afterwards). Throws AppError 'store.backup-corrupt' or
 * 'store.future-version'.
 */
export function inspectBackup(file: string, scratch: string): DataIdentity {
  const notOurs = (why: string) => new AppError('store.backup-corrupt', { detail: `${basename(file)}: ${why}` });
  const version = headerUserVersion(file);
  if (version === undefined) throw notOurs('not a SQLite database');
  // A newer build's version is a multiple of ten; anything else in the header is not ours.
  const plausiblyNewer = version > latestSchemaVersion() && version % 10 === 0 && version < 100_000;
  if (plausiblyNewer) throw new AppError('store.future-version', { found: version, known: latestSchemaVersion() });
  if (!migrations.some((m) => m.version === version)) throw notOurs(`not a Motcua Desk database of a known schema version (${version})`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(scratch + suffix, { force: true });
  try {
    copyFileSync(file, scratch);
    let store: Store;
    try {
      store = openStore(scratch);
    } catch (error) {
      if (error instanceof AppError && error.code === 'store.future-version') throw error;
      throw notOurs('its schema could not be brought up to date');
    }
    try {
      const tables = tableNames(store);
      const missing = [...tablesOfNewDatabase()].filter((t) => !tables.has(t));
      if (missing.length > 0) throw notOurs(`not a Motcua Desk database (missing ${missing.slice(0, 3).join(', ')})`);
      try {
        return identityOf(store, version);
      } catch {
        throw notOurs('its settings cannot be read');
      }
    } finally {
      store.close();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(scratch + suffix, { force: true });
  }
}

/** Whose data the folder's database holds now; null when there is none or it cannot be opened (a damaged one). */
export function inspectLive(livePath: string): DataIdentity | null {
  let store: Store;
  try {
    store = openStore(livePath);
  } catch {
    return null;
  }
  try {
    return identityOf(store, store.schemaVersion);
  } catch {
    return null;
  } finally {
    store.close();
  }
}

/**
 * True when the two hold different communes: different agency codes, or different hub commune
 * ids. A folder without a commune (never provisioned, or damaged) differs from nothing.
 */
export function otherCommune(backup: DataIdentity, current: DataIdentity | null): boolean {
  if (current === null) return false;
  if (backup.commune !== null && current.commune !== null && backup.commune.agencyCode !== current.commune.agencyCode) return true;
  return backup.communeId !== null && current.communeId !== null && backup.communeId !== current.communeId;
}

/** One line for people: "UBND xã … (000.00.00.X99), máy chủ https://…, thiết bị …". */
export function describeIdentity(identity: DataIdentity | null): string {
  if (identity === null) return 'không có / none';
  const commune = identity.commune === null ? 'chưa có xã / no commune' : `${identity.commune.name} (${identity.commune.agencyCode})`;
  const hub = identity.hubUrl === null ? 'chưa đăng ký / not enrolled' : `máy chủ / hub ${identity.hubUrl}, thiết bị / device ${identity.deviceId ?? '—'}`;
  return `${commune}; ${hub}`;
}
