/**
 * A commune PC for sync tests: a real SQLite store in its own folder whose outbox is filled the
 * way `services/dossiers/record-event.ts` fills it ({event, dossier snapshot}), and a SyncClient
 * enrolled on a test hub with a one-time code.
 */
import type { Store, WriteDb } from '../../src/main/store/db';
import { appendDossierEvent, type NewDossierEvent } from '../../src/main/store/repos/dossier-events';
import { getDossierById, insertDossier, updateDossier, updateDossierStatus, type DossierChanges, type NewDossier, type StoredDossier } from '../../src/main/store/repos/dossiers';
import { enqueueOutbox } from '../../src/main/store/repos/outbox';
import { uuidv7 } from '../../src/shared/id/uuidv7';
import { SyncClient, type DeviceCredentials, type SyncClientOptions } from '../../src/sync/client';
import { enrol, type FetchFn } from '../../src/sync/hub-api';
import { at, newDossier, openTestStore } from './dossier-fixtures';

/** One PC: its store, credentials and a client (replace `client` to simulate a restart). */
export interface TestPc {
  readonly dir: string;
  store: Store;
  readonly creds: DeviceCredentials;
  client: SyncClient;
}

/** Opens a store in `dir`, enrols with `code` and builds a client over `fetchFn`. */
export async function enrolPc(dir: string, hubUrl: string, code: string, name: string, fetchFn: FetchFn = fetch, options: SyncClientOptions = {}): Promise<TestPc> {
  const store = openTestStore(dir);
  const e = await enrol(fetchFn, hubUrl, code, name);
  const creds = { deviceId: e.deviceId, secret: e.secret };
  return { dir, store, creds, client: new SyncClient(store, fetchFn, hubUrl, creds, options) };
}

/** The event and its outbox row, inside the caller's transaction: a crash keeps all of the change or none. */
function record(db: WriteDb, dossier: StoredDossier, event: NewDossierEvent, kind: string): void {
  appendDossierEvent(db, event);
  const fresh = getDossierById(db, dossier.id) ?? dossier;
  enqueueOutbox(db, {
    idempotencyKey: uuidv7(Date.parse(event.at)),
    kind,
    entityId: dossier.id,
    payload: { event: { ...event, fromStatus: event.fromStatus ?? null, toStatus: event.toStatus ?? null, note: null, data: {} }, dossier: { ...fresh, documents: [] } },
    createdAt: event.at,
  });
}

/** Receives `n` counter dossiers on `pc`, one transaction each, as intake would. */
export function receiveDossiers(pc: TestPc, n: number, overrides: Partial<NewDossier> = {}): StoredDossier[] {
  return receiveInto(pc.store, n, () => overrides);
}

/** The same on a bare store (a PC in a child process); `overrides(i)` may give each its own id and code. */
export function receiveInto(store: Store, n: number, overrides: (i: number) => Partial<NewDossier>): StoredDossier[] {
  const made: StoredDossier[] = [];
  for (let i = 0; i < n; i++) {
    const d = store.write((db) => {
      const dossier = insertDossier(db, newDossier(overrides(i)));
      record(db, dossier, { id: uuidv7(Date.parse(at(1))), dossierId: dossier.id, at: at(1), actorId: 'clerk-1', action: 'receive', fromStatus: null, toStatus: 'received' }, 'dossier.received');
      return dossier;
    });
    made.push(d);
  }
  return made;
}

/** Performs `action` (from the dossier's current local status to `to`) on `pc`. */
export function transitionOnPc(pc: TestPc, id: string, action: string, to: string): void {
  transitionIn(pc.store, id, action, to);
}

/** The same on a bare store. */
export function transitionIn(store: Store, id: string, action: string, to: string): void {
  const current = store.read((db) => getDossierById(db, id));
  if (current === undefined) throw new Error(`no dossier ${id} on this PC`);
  store.write((db) => {
    const next = updateDossierStatus(db, id, current.rowVersion, to, at(5));
    record(db, next, { id: uuidv7(Date.parse(at(5))), dossierId: id, at: at(5), actorId: 'specialist-1', action, fromStatus: current.status, toStatus: to }, 'dossier.transitioned');
  });
}

/** Changes fields of a dossier on `pc` without a status change, as a clerk's edit would (`dossier.edited`). */
export function editOnPc(pc: TestPc, id: string, changes: DossierChanges): StoredDossier {
  const current = pc.store.read((db) => getDossierById(db, id));
  if (current === undefined) throw new Error(`no dossier ${id} on this PC`);
  return pc.store.write((db) => {
    const next = updateDossier(db, id, current.rowVersion, changes, at(6));
    record(db, next, { id: uuidv7(Date.parse(at(6))), dossierId: id, at: at(6), actorId: 'clerk-1', action: 'edit', fromStatus: null, toStatus: null }, 'dossier.edited');
    return next;
  });
}
