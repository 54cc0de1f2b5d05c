import { openTestStore, newDossier } from './dossier-fixtures';
import { appendDossierEvent } from '../../src/main/store/repos/dossier-events';
import { insertDossier, updateDossier, type NewDossier, type StoredDossier } from '../../src/main/store/repos/dossiers';
import { enqueueOutbox } from '../../src/main/store/repos/outbox';
import { uuidv7 } from '../../src/shared/id/uuidv7';

/** ISO UTC of a wall-clock moment in Hà Nội (UTC+7): `vn('2026-11-23', '15:00')`. */
export function vn(day: string, time = '08:00'): string {
  return new Date(`${day}T${time}:00.000+07:00`).toISOString();
}

/** A dossier to put in the store; `resolvedAt`/`returnedAt` are set after insertion, as a workflow would. */
export type DossierSpec = Partial<NewDossier> & { readonly resolvedAt?: string; readonly returnedAt?: string };

/**
 * Writes dossiers into the data folder's database as intake would: the dossier, its receipt
 * event and its outbox entry in one transaction per dossier. Opens its own connection, so a core
 * may already be open on the same folder.
 */
export function putDossiers(dataDir: string, specs: readonly DossierSpec[]): StoredDossier[] {
  const store = openTestStore(dataDir);
  try {
    return specs.map(({ resolvedAt, returnedAt, ...spec }) =>
      store.write((db) => {
        const base = newDossier(spec);
        const createdAt = base.receivedAt ?? base.createdAt;
        let stored = insertDossier(db, { ...base, createdAt });
        appendDossierEvent(db, { id: uuidv7(Date.parse(createdAt)), dossierId: stored.id, at: createdAt, actorId: null, action: 'receive', toStatus: 'received' });
        enqueueOutbox(db, { idempotencyKey: uuidv7(Date.parse(createdAt)), kind: 'dossier.received', entityId: stored.id, payload: { id: stored.id }, createdAt });
        if (resolvedAt !== undefined || returnedAt !== undefined) {
          stored = updateDossier(db, stored.id, stored.rowVersion, { resolvedAt: resolvedAt ?? null, returnedAt: returnedAt ?? null }, returnedAt ?? resolvedAt ?? createdAt);
        }
        return stored;
      }),
    );
  } finally {
    store.close();
  }
}
