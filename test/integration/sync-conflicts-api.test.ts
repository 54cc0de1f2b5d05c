/*
 * The conflict calls through the real core (CLI host, real SQLite file): a clerk and a leader
 * list and settle conflicts, other roles are refused, and "local" writes the PC's value back with
 * a history event and an outbox row for the hub in one go.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../src/main/services/core';
import { openStore } from '../../src/main/store/db';
import { getDossierById, insertDossier } from '../../src/main/store/repos/dossiers';
import { listOutboxForEntity } from '../../src/main/store/repos/outbox';
import { recordSyncConflict } from '../../src/main/store/repos/sync-conflicts';
import { at, newDossier } from '../helpers/dossier-fixtures';
import { openCoreAt, signIn } from '../helpers/core-session';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('sync.conflicts and sync.conflict-resolve through the core', () => {
  it('lists and settles for clerks and leaders only, and sends a kept local value to the hub', async () => {
    const dataDir = tempDir();
    const { core } = await openCoreAt(dataDir, '2026-11-23T02:00:00.000Z');
    const store = openStore(join(dataDir, databaseFileName));
    const dossier = store.write((db) => insertDossier(db, newDossier({ applicantPhone: '0911111111' })));
    store.write((db) =>
      recordSyncConflict(db, { id: 'c-1', entity: 'dossier', entityId: dossier.id, kind: 'field', field: 'applicantPhone', baseValue: '0900000001', localValue: '0922222222', hubValue: '0911111111', kept: 'hub', createdAt: at(1) }),
    );
    try {
      const clerk = (await signIn(core, 'canbo')).token;
      const specialist = (await signIn(core, 'tuphap')).token;
      const leader = (await signIn(core, 'lanhdao')).token;
      const denied = await core.invoke('sync.conflicts', {}, specialist);
      expect(denied.ok === false && denied.error.code).toBe('auth.forbidden');
      const listed = await core.invoke('sync.conflicts', {}, leader);
      expect(listed.ok && (listed.value as { items: unknown[] }).items).toMatchObject([{ id: 'c-1', field: 'applicantPhone', fieldLabel: { vi: 'Số điện thoại', en: 'Phone number' }, localValue: '0922222222', hubValue: '0911111111', kept: 'hub' }]);
      const settled = await core.invoke('sync.conflict-resolve', { id: 'c-1', choice: 'local' }, clerk);
      expect(settled.ok && settled.value).toMatchObject({ resolution: 'local' });
      expect(store.read((db) => getDossierById(db, dossier.id))?.applicantPhone).toBe('0922222222');
      const sent = store.read((db) => listOutboxForEntity(db, dossier.id)).at(-1);
      expect(sent).toMatchObject({ kind: 'dossier.edited', payload: { event: { action: 'sync-keep-local' }, dossier: { applicantPhone: '0922222222' } } });
      const history = await core.invoke('dossier.history', { id: dossier.id }, clerk);
      const items = history.ok ? (history.value as { items: { action: string }[] }).items : [];
      expect(items.at(-1)).toMatchObject({ action: 'sync-keep-local', label: { vi: 'Giữ giá trị của máy này khi xử lý xung đột đồng bộ' } });
      const again = await core.invoke('sync.conflict-resolve', { id: 'c-1', choice: 'hub' }, clerk);
      expect(again.ok === false && again.error.code).toBe('sync.conflict-not-found');
      const none = await core.invoke('sync.conflicts', {}, clerk);
      expect(none.ok && (none.value as { items: unknown[] }).items).toEqual([]);
    } finally {
      store.close();
      core.dispose();
    }
  });
});
