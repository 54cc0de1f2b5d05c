import { beforeAll, describe, expect, it } from 'vitest';
import { birthReceipt, loginAs, newFormId, openCounterCore, valueOf } from '../../../../test/helpers/counter-core';
import { putDossiers, vn } from '../../../../test/helpers/counter-dossiers';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { contract } from '../../../shared/api/contract';
import { useSaneTestBackend } from '../../devices/scanner/sane/sane-test-config';
import { listDocuments } from '../../store/repos/documents';
import { getDossierById } from '../../store/repos/dossiers';
import { getDraft } from '../../store/repos/drafts';
import { listOutboxForEntity } from '../../store/repos/outbox';
import { listPages } from '../../store/repos/pages';

const tempDir = useTempDirs();

/** The form half typed, as the intake screen autosaves it. */
function form(id: string) {
  const { from: _from, ...rest } = birthReceipt(id);
  return { ...rest, documents: ['declaration'] };
}

async function scanOnePage(t: Awaited<ReturnType<typeof openCounterCore>>, token: string, documentId: string) {
  const { jobId } = valueOf<{ jobId: string }>(await t.core.invoke('scan.start', { documentId, resolution: 75 }, token));
  for (;;) {
    const status = contract['scan.status'].output.parse(valueOf(await t.core.invoke('scan.status', { jobId }, token)));
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('scanning a paper while the form is typed (real SQLite, SANE test backend)', () => {
  beforeAll(() => {
    useSaneTestBackend();
  });

  it('turns the clerk’s form into an unsynced counter draft, scans into its paper, and receives it with the pages', async () => {
    const t = await openCounterCore(tempDir());
    try {
      const clerk = await loginAs(t.core, 'canbo');
      const id = newFormId();
      valueOf(await t.core.invoke('draft.save', form(id), clerk));
      expect(t.store.read((db) => getDraft(db, id))).toBeDefined();

      const target = contract['draft.document'].output.parse(valueOf(await t.core.invoke('draft.document', { ...form(id), paper: 'birthCertificate' }, clerk)));
      expect(target.dossierId).toBe(id);
      const draft = t.store.read((db) => getDossierById(db, id));
      expect(draft).toMatchObject({ status: 'draft', channel: 'counter', code: null });
      expect(t.store.read((db) => getDraft(db, id))).toBeUndefined();
      expect(t.store.read((db) => listDocuments(db, id).map((d) => d.kind))).toEqual(['declaration', 'birthCertificate']);
      expect(t.store.read((db) => listOutboxForEntity(db, id))).toEqual([]);
      // Listed as the clerk's own counter work, not as a volunteer's draft waiting for review.
      const listed = contract['draft.list'].output.parse(valueOf(await t.core.invoke('draft.list', {}, clerk)));
      expect(listed.items).toEqual([expect.objectContaining({ id, kind: 'dossier', channel: 'counter' })]);
      // Asking again for the same paper returns the same document.
      const again = contract['draft.document'].output.parse(valueOf(await t.core.invoke('draft.document', { ...form(id), paper: 'birthCertificate' }, clerk)));
      expect(again.documentId).toBe(target.documentId);

      valueOf(await t.core.invoke('scanner.set-default', { deviceId: 'sane:test:0' }, clerk));
      const scanned = await scanOnePage(t, clerk, target.documentId);
      expect(scanned.state).toBe('done');
      const thumb = contract['page.thumbnail'].output.parse(valueOf(await t.core.invoke('page.thumbnail', { pageId: scanned.pages[0]!.id }, clerk)));
      expect(Buffer.from(thumb.thumbnailBase64, 'base64').subarray(8, 12).toString('latin1')).toBe('WEBP');

      // The clerk's scanned form is not a volunteer's draft: Today does not list it there.
      const queue = contract['queue.today'].output.parse(valueOf(await t.core.invoke('queue.today', { sections: ['drafts'] }, clerk)));
      expect(queue.sections.drafts?.items.map((i) => i.id)).not.toContain(id);

      const receipt = await t.core.invoke('dossier.receive', { from: 'draft', id, rowVersion: again.rowVersion, applicant: birthReceipt(id).applicant, values: birthReceipt(id).values, documents: birthReceipt(id).documents }, clerk);
      expect(receipt.ok).toBe(true);
      const received = t.store.read((db) => getDossierById(db, id));
      expect(received).toMatchObject({ status: 'received', channel: 'counter' });
      expect(received?.code).toMatch(/\S/u);
      expect(t.store.read((db) => listPages(db, target.documentId))).toHaveLength(1);
    } finally {
      t.close();
    }
  });

  it('refuses a paper the procedure does not list and another clerk’s form', async () => {
    const t = await openCounterCore(tempDir());
    try {
      const clerk = await loginAs(t.core, 'canbo');
      const id = newFormId();
      const unknown = await t.core.invoke('draft.document', { ...form(id), paper: 'noSuchPaper' }, clerk);
      expect(unknown.ok ? '' : unknown.error.code).toBe('store.not-found');
      expect(t.store.read((db) => getDossierById(db, id))).toBeUndefined();
      const volunteer = await loginAs(t.core, 'tinhnguyen');
      valueOf(await t.core.invoke('draft.document', { ...form(id), paper: 'declaration' }, clerk));
      const foreign = await t.core.invoke('draft.document', { ...form(id), paper: 'declaration' }, volunteer);
      expect(foreign.ok ? '' : foreign.error.code).toBe('store.not-found');
    } finally {
      t.close();
    }
  });

  it('test scan returns a thumbnail and stores nothing; Today lists online submissions and volunteers’ drafts by arrival', async () => {
    const dir = tempDir();
    const t = await openCounterCore(dir);
    try {
      const clerk = await loginAs(t.core, 'canbo');
      const test = contract['scanner.test'].output.parse(valueOf(await t.core.invoke('scanner.test', { deviceId: 'sane:test:1' }, clerk)));
      expect(test).toMatchObject({ deviceId: 'sane:test:1', blank: false });
      expect(Buffer.from(test.thumbnailBase64, 'base64').subarray(8, 12).toString('latin1')).toBe('WEBP');
      const none = await t.core.invoke('scanner.test', {}, clerk);
      expect(none.ok ? '' : none.error.code).toBe('scanner.no-device');

      putDossiers(dir, [
        { applicantName: 'Nộp Trực Tuyến Sau', status: 'submitted-online', channel: 'online', dueAt: null, receivedAt: null, createdAt: vn('2026-11-22', '09:00') },
        { applicantName: 'Nộp Trực Tuyến Trước', status: 'submitted-online', channel: 'online', dueAt: null, receivedAt: null, createdAt: vn('2026-11-21', '09:00') },
        { applicantName: 'Nháp Tình Nguyện', status: 'draft', channel: 'volunteer', code: null, dueAt: null, receivedAt: null, createdAt: vn('2026-11-22', '10:00') },
      ]);
      const q = contract['queue.today'].output.parse(valueOf(await t.core.invoke('queue.today', { sections: ['online', 'drafts'], limit: 1 }, clerk)));
      expect(q.sections.online?.items.map((i) => i.applicantName)).toEqual(['Nộp Trực Tuyến Trước']);
      expect(q.sections.drafts?.items.map((i) => i.applicantName)).toEqual(['Nháp Tình Nguyện']);
      const next = q.sections.online?.next;
      expect(next).toBeTruthy();
      const page2 = contract['queue.today'].output.parse(valueOf(await t.core.invoke('queue.today', { sections: ['online'], after: { online: next } }, clerk)));
      expect(page2.sections.online?.items.map((i) => i.applicantName)).toEqual(['Nộp Trực Tuyến Sau']);
    } finally {
      t.close();
    }
  });
});
