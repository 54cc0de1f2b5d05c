/*
 * Audit of reads (issue 13), through a real core on a real SQLite file: every way a dossier's
 * personal data is read leaves an event a leader can see; a search is logged by its kind, never
 * its text; officers who read more than 50 dossiers in an hour stand out in a report.
 */
import { describe, expect, it } from 'vitest';
import { seedDemoDossiers } from '../../src/main/services/demo/seed-demo';
import { birthReceipt, loginAs, MONDAY_8AM, newFormId, openCounterCore, valueOf } from '../helpers/counter-core';
import { addScannedPage, fakeScan } from '../helpers/sync-attachments';
import { useTempDirs } from '../helpers/temp-dir';

describe('audit of reads', () => {
  const tempDir = useTempDirs();

  it('records page and slip reads beside the views, shows them to leaders only, and logs a search by kind', async () => {
    const t = await openCounterCore(tempDir());
    try {
      const clerk = await loginAs(t.core, 'canbo');
      const leader = await loginAs(t.core, 'lanhdao');
      const id = newFormId();
      valueOf(await t.core.invoke('dossier.receive', birthReceipt(id), clerk));
      const dossier = valueOf<{ documents: { id: string }[] }>(await t.core.invoke('dossier.get', { id }, clerk));
      const page = addScannedPage({ dir: t.dataDir, store: t.store }, id, fakeScan(2_000, 1), dossier.documents[0]?.id);
      expect((await t.core.invoke('page.image', { pageId: page.pageId }, clerk)).ok).toBe(true);
      valueOf(await t.core.invoke('slip.preview', { dossierId: id, kind: 'receipt' }, clerk));

      const found = valueOf<{ route: string; items: unknown[] }>(await t.core.invoke('dossier.search', { q: 'dang thi thu nghiem' }, clerk));
      expect(found.items.length).toBeGreaterThan(0);
      const log = t.store.read((db) => db.prepare('SELECT * FROM access_log').all() as { actor_id: string; kind: string; detail: string }[]);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ kind: 'search', detail: JSON.stringify({ by: found.route }) });
      expect(JSON.stringify(log).toLowerCase()).not.toContain('nghiem');

      const readers = valueOf<{ action: string; username: string }[]>(await t.core.invoke('dossier.readers', { id }, leader));
      expect(readers.map((r) => r.action).sort()).toEqual(['view', 'view-page', 'view-slip']);
      expect(new Set(readers.map((r) => r.username))).toEqual(new Set(['canbo']));
      const byClerk = await t.core.invoke('dossier.readers', { id }, clerk);
      expect(byClerk.ok ? 'ok' : byClerk.error.code).toBe('auth.forbidden');
      // Reads of a received dossier go to the hub with the other views.
      const queued = t.store.read((db) => db.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'dossier.viewed' AND entity_id = ?").get(id) as { n: number });
      expect(queued.n).toBe(3);
    } finally {
      t.close();
    }
  });

  it('lists the officers who read more than the threshold of dossiers within one hour', async () => {
    const t = await openCounterCore(tempDir());
    try {
      seedDemoDossiers({ store: t.store, clock: t.clock }, { count: 80, seed: 5 });
      const clerk = await loginAs(t.core, 'canbo');
      const specialist = await loginAs(t.core, 'tuphap');
      const leader = await loginAs(t.core, 'lanhdao');
      const ids = t.store.read((db) => db.prepare("SELECT id FROM dossiers WHERE status <> 'draft' ORDER BY id LIMIT 60").all() as { id: string }[]).map((r) => r.id);
      expect(ids).toHaveLength(60);
      // The clerk opens 55 dossiers in 55 minutes; the specialist 20, spread over the morning.
      for (const [i, id] of ids.slice(0, 55).entries()) {
        valueOf(await t.core.invoke('dossier.get', { id }, clerk));
        t.clock.advance(60_000);
        if (i % 3 === 0) {
          valueOf(await t.core.invoke('dossier.get', { id: ids[i % 20] ?? id }, specialist));
          await t.core.invoke('session.current', {}, leader);
        }
      }
      const day = MONDAY_8AM.slice(0, 10);
      const next = new Date(Date.parse(MONDAY_8AM) + 86_400_000).toISOString().slice(0, 10);
      const report = valueOf<{ threshold: number; rows: { username: string; dossiers: number }[] }>(await t.core.invoke('report.unusual-access', { from: day, to: next }, leader));
      expect(report.threshold).toBe(50);
      expect(report.rows).toEqual([expect.objectContaining({ username: 'canbo', dossiers: 55 })]);
      const stricter = valueOf<{ rows: unknown[] }>(await t.core.invoke('report.unusual-access', { from: day, to: next, threshold: 60 }, leader));
      expect(stricter.rows).toEqual([]);
      const byClerk = await t.core.invoke('report.unusual-access', { from: day, to: next }, clerk);
      expect(byClerk.ok ? 'ok' : byClerk.error.code).toBe('auth.forbidden');
    } finally {
      t.close();
    }
  });

  it("exports everything about one personal ID number for the person's request, and records the export", async () => {
    const t = await openCounterCore(tempDir());
    try {
      const clerk = await loginAs(t.core, 'canbo');
      const leader = await loginAs(t.core, 'lanhdao');
      const mine = newFormId();
      valueOf(await t.core.invoke('dossier.receive', birthReceipt(mine), clerk));
      // Another dossier, where the same person appears only inside the form (as its requester),
      // another person being the applicant on file.
      const other = birthReceipt(newFormId(Date.parse(MONDAY_8AM) + 1000));
      other.applicant = { name: 'Phan Văn Khác', idNumber: '001085999003', phone: '0999000222' };
      valueOf(await t.core.invoke('dossier.receive', other, clerk));
      const unrelated = birthReceipt(newFormId(Date.parse(MONDAY_8AM) + 2000));
      unrelated.applicant = { name: 'Vũ Thị Riêng', idNumber: '001190999004', phone: '0999000333' };
      unrelated.values = { ...unrelated.values, requesterName: 'Vũ Thị Riêng', requesterPersonalId: '001190999004', requesterIdDocument: 'Căn cước số 001190999004', motherName: 'Vũ Thị Riêng' };
      valueOf(await t.core.invoke('dossier.receive', unrelated, clerk));

      const out = valueOf<{ idNumber: string; count: number; dossiers: { applicant: { name: string }; history: unknown[] }[] }>(
        await t.core.invoke('subject.export', { idNumber: '001 190 999 001' }, leader),
      );
      expect(out.idNumber).toBe('001190999001');
      expect(out.dossiers.map((d) => d.applicant.name)).toEqual(['Đặng Thị Thử Nghiệm', 'Phan Văn Khác']);
      const asParent = valueOf<{ count: number }>(await t.core.invoke('subject.export', { idNumber: '001085999003' }, leader));
      expect(asParent.count).toBe(1);
      const readers = valueOf<{ action: string; username: string }[]>(await t.core.invoke('dossier.readers', { id: mine }, leader));
      expect(readers).toContainEqual(expect.objectContaining({ action: 'export', username: 'lanhdao' }));
      const bad = await t.core.invoke('subject.export', { idNumber: '12345' }, leader);
      expect(bad.ok ? 'ok' : bad.error.code).toBe('validation.failed');
      const byClerk = await t.core.invoke('subject.export', { idNumber: '001190999001' }, clerk);
      expect(byClerk.ok ? 'ok' : byClerk.error.code).toBe('auth.forbidden');
    } finally {
      t.close();
    }
  });
});
