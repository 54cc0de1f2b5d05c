/**
 * PC hardening (issue 13), scanning: who may touch which pages, the history of a deleted page,
 * who may set the PC's scanner, and ids checked before they become file names. Real SQLite and
 * the SANE test backend; the family in the forms is invented (test/helpers/counter-core.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { birthReceipt, loginAs, newFormId, openCounterCore, valueOf, type CounterCore } from '../../../../test/helpers/counter-core';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { contract } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/result';
import { useSaneTestBackend } from '../../devices/scanner/sane/sane-test-config';
import { insertDocument } from '../../store/repos/documents';
import { listDossierEvents } from '../../store/repos/dossier-events';
import { listOutboxForEntity } from '../../store/repos/outbox';
import { listPages } from '../../store/repos/pages';
import { pathSafeId, pathSafeSha256 } from './path-ids';

const tempDir = useTempDirs();

const codeOf = (reply: ApiResult<unknown>): string => (reply.ok ? 'ok' : reply.error.code);

function form(id: string) {
  const { from: _from, ...rest } = birthReceipt(id);
  return rest;
}

async function scanOnePage(t: CounterCore, token: string, documentId: string) {
  const { jobId } = valueOf<{ jobId: string }>(await t.core.invoke('scan.start', { documentId, resolution: 75 }, token));
  for (;;) {
    const status = contract['scan.status'].output.parse(valueOf(await t.core.invoke('scan.status', { jobId }, token)));
    if (status.state !== 'running') return status.pages[0]!;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('PC hardening: pages, scanner default and path ids (real SQLite, SANE test backend)', () => {
  beforeAll(() => {
    useSaneTestBackend();
  });

  it('a volunteer touches only pages of their own drafts; a deleted page is in the history (and goes to the hub once received)', async () => {
    const t = await openCounterCore(tempDir());
    try {
      const clerk = await loginAs(t.core, 'canbo');
      const volunteer = await loginAs(t.core, 'tinhnguyen');
      valueOf(await t.core.invoke('scanner.set-default', { deviceId: 'sane:test:0' }, clerk));

      // A dossier the clerk received, with two scanned pages.
      const id = newFormId();
      const target = contract['draft.document'].output.parse(valueOf(await t.core.invoke('draft.document', { ...form(id), paper: 'birthCertificate' }, clerk)));
      const first = await scanOnePage(t, clerk, target.documentId);
      const second = await scanOnePage(t, clerk, target.documentId);
      const receipt = birthReceipt(id);
      valueOf(await t.core.invoke('dossier.receive', { from: 'draft', id, rowVersion: target.rowVersion, applicant: receipt.applicant, values: receipt.values, documents: receipt.documents }, clerk));
      const before = t.store.read((db) => listPages(db, target.documentId));
      expect(before).toHaveLength(2);

      expect(codeOf(await t.core.invoke('page.rotate', { pageId: first.id, rotation: 90 }, volunteer))).toBe('auth.forbidden');
      expect(codeOf(await t.core.invoke('page.move', { pageId: second.id, position: 0 }, volunteer))).toBe('auth.forbidden');
      expect(codeOf(await t.core.invoke('page.delete', { pageId: first.id }, volunteer))).toBe('auth.forbidden');
      expect(codeOf(await t.core.invoke('document.pages', { documentId: target.documentId }, volunteer))).toBe('auth.forbidden');
      expect(codeOf(await t.core.invoke('page.image', { pageId: first.id }, volunteer))).toBe('auth.forbidden');
      expect(codeOf(await t.core.invoke('scan.start', { documentId: target.documentId, resolution: 75 }, volunteer))).toBe('auth.forbidden');
      expect(t.store.read((db) => listPages(db, target.documentId))).toEqual(before);

      // The clerk deletes a page of the received dossier: a history event, and the event for the hub.
      valueOf(await t.core.invoke('page.delete', { pageId: first.id }, clerk));
      const events = t.store.read((db) => listDossierEvents(db, id)).filter((e) => e.action === 'page-delete');
      expect(events).toHaveLength(1);
      expect(events[0]?.actorId).toMatch(/\S/u);
      expect(events[0]).toMatchObject({ data: { pageId: first.id, documentId: target.documentId, position: 0, sha256: first.sha256 } });
      const queued = t.store.read((db) => listOutboxForEntity(db, id)).filter((o) => o.kind === 'dossier.viewed');
      expect(queued.map((o) => (o.payload as { event: { action: string } }).event.action)).toContain('page-delete');

      // The volunteer's own draft: rotate and delete work; the deletion is in its history only.
      const draftId = newFormId();
      const own = contract['draft.document'].output.parse(valueOf(await t.core.invoke('draft.document', { ...form(draftId), paper: 'birthCertificate' }, volunteer)));
      const page = await scanOnePage(t, volunteer, own.documentId);
      valueOf(await t.core.invoke('page.rotate', { pageId: page.id, rotation: 180 }, volunteer));
      valueOf(await t.core.invoke('page.delete', { pageId: page.id }, volunteer));
      expect(t.store.read((db) => listDossierEvents(db, draftId)).filter((e) => e.action === 'page-delete')).toHaveLength(1);
      expect(t.store.read((db) => listOutboxForEntity(db, draftId))).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('only a clerk or an administrator sets the scanner, and only to a listed device', async () => {
    const t = await openCounterCore(tempDir());
    try {
      const clerk = await loginAs(t.core, 'canbo');
      const volunteer = await loginAs(t.core, 'tinhnguyen');
      const admin = await loginAs(t.core, 'quantri');
      expect(codeOf(await t.core.invoke('scanner.set-default', { deviceId: 'sane:test:0' }, volunteer))).toBe('auth.forbidden');
      expect(codeOf(await t.core.invoke('scanner.set-default', { deviceId: 'sane:made-up-device' }, clerk))).toBe('scanner.unknown-device');
      expect(codeOf(await t.core.invoke('scanner.set-default', { deviceId: 'sane:test:0' }, admin))).toBe('ok');
      expect(valueOf<{ defaultId: string }>(await t.core.invoke('scanner.list', {}, clerk)).defaultId).toBe('sane:test:0');
    } finally {
      t.close();
    }
  });

  it('refuses a document id that is not a UUID before it becomes a file name (exports/<id>.pdf)', async () => {
    const dataDir = tempDir();
    const t = await openCounterCore(dataDir);
    try {
      const clerk = await loginAs(t.core, 'canbo');
      const id = newFormId();
      const target = contract['draft.document'].output.parse(valueOf(await t.core.invoke('draft.document', { ...form(id), paper: 'birthCertificate' }, clerk)));
      expect(target.documentId).toBe(pathSafeId(target.documentId, 'document'));
      // As if the hub had sent a document whose id climbs out of the data folder.
      const evil = '../../pc-hardening-escape';
      t.store.write((db) => insertDocument(db, { id: evil, dossierId: id, kind: 'other', title: 'Giấy tờ khác', position: 9, createdAt: '2026-11-23T01:00:00.000Z' }));
      const reply = await t.core.invoke('document.pdf', { documentId: evil }, clerk);
      expect(codeOf(reply)).toBe('store.bad-id');
      expect(reply.ok ? '' : reply.error.message.en).not.toContain(evil);
      expect(existsSync(join(dirname(dataDir), 'pc-hardening-escape.pdf'))).toBe(false);
      expect(existsSync(join(dataDir, 'exports')) ? readdirSync(join(dataDir, 'exports')) : []).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('the helper accepts UUIDs and lower-case SHA-256 names only', () => {
    expect(pathSafeId('0199a000-0000-7000-8000-00000000d0c1', 'document')).toBe('0199a000-0000-7000-8000-00000000d0c1');
    for (const bad of ['', '..', '../x', 'a/b', 'C:\\x', '0199A000-0000-7000-8000-00000000D0C1', '0199a000-0000-7000-8000-00000000d0c1/..']) {
      expect(() => pathSafeId(bad, 'document')).toThrow(expect.objectContaining({ code: 'store.bad-id' }));
    }
    expect(pathSafeSha256('a'.repeat(64), 'page')).toBe('a'.repeat(64));
    for (const bad of ['A'.repeat(64), 'a'.repeat(63), `${'a'.repeat(62)}/.`, '../'.repeat(21) + 'a']) {
      expect(() => pathSafeSha256(bad, 'page')).toThrow(expect.objectContaining({ code: 'store.bad-id' }));
    }
  });
});
