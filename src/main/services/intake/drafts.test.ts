import { describe, expect, it } from 'vitest';
import { birthReceipt, loginAs, MONDAY_8AM, newFormId, openCounterCore, snapshot, valueOf } from '../../../../test/helpers/counter-core';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { contract } from '../../../shared/api/contract';
import { listDocuments } from '../../store/repos/documents';
import { listDossierEvents } from '../../store/repos/dossier-events';
import { getDossierById } from '../../store/repos/dossiers';
import { getDraft } from '../../store/repos/drafts';
import { listOutboxForEntity } from '../../store/repos/outbox';

const tempDir = useTempDirs();
const MINUTE = 60_000;

/** What the screen autosaves while the volunteer is half-way through the birth form. */
function halfDone(id: string) {
  const full = birthReceipt(id);
  return {
    id,
    procedureCode: full.procedureCode,
    applicant: { name: 'Đặng Thị Thử Nghiệm', idNumber: '001190999001' },
    values: { requesterName: 'Đặng Thị Thử Nghiệm', childName: 'Trần Văn' },
    documents: ['declaration'],
  };
}

describe('drafts through the core (real SQLite)', () => {
  it('autosaves a clerk’s form durably, idempotently, and reopens it after the core restarts', async () => {
    const dir = tempDir();
    const t = await openCounterCore(dir);
    const clerk = await loginAs(t.core, 'canbo');
    const id = newFormId();
    const save = { ...halfDone(id), values: { ...halfDone(id).values, childName: 'Trần Văn Mẫu' } };
    const first = valueOf(await t.core.invoke('draft.save', save, clerk));
    expect(contract['draft.save'].output.parse(first)).toEqual({ id, kind: 'form', savedAt: MONDAY_8AM, rowVersion: null });
    const before = snapshot(t.store);
    valueOf(await t.core.invoke('draft.save', save, clerk));
    expect(snapshot(t.store)).toEqual(before);
    t.close();

    // A crash or power cut: the next run finds exactly what the screen was told was saved.
    const again = await openCounterCore(dir);
    const token = await loginAs(again.core, 'canbo');
    const draft = contract['draft.get'].output.parse(valueOf(await again.core.invoke('draft.get', { id }, token)));
    expect(draft).toMatchObject({ kind: 'form', procedureCode: '1.001193', values: { childName: 'Trần Văn Mẫu' }, documents: ['declaration'], applicant: { name: 'Đặng Thị Thử Nghiệm' } });
    expect(valueOf(await again.core.invoke('draft.list', {}, token))).toMatchObject({ items: [{ id, kind: 'form' }] });
    again.close();
  });

  it('turns the clerk’s autosaved form into the dossier on receipt and drops the form', async () => {
    const t = await openCounterCore(tempDir());
    const clerk = await loginAs(t.core, 'canbo');
    const id = newFormId();
    valueOf(await t.core.invoke('draft.save', halfDone(id), clerk));
    valueOf(await t.core.invoke('dossier.receive', birthReceipt(id), clerk));
    expect(t.store.read((db) => getDraft(db, id))).toBeUndefined();
    expect(await t.core.invoke('draft.get', { id }, clerk)).toMatchObject({ ok: false, error: { code: 'store.not-found' } });
    t.close();
  });

  it('keeps a form draft private to its owner and discards it on request', async () => {
    const t = await openCounterCore(tempDir());
    const admin = await loginAs(t.core, 'quantri');
    valueOf(await t.core.invoke('account.create', { username: 'canbo2', displayName: 'Võ Thị Thử', role: 'clerk', password: 'mat-khau-dai-du' }, admin));
    const other = valueOf<{ token: string }>(await t.core.invoke('session.login', { username: 'canbo2', password: 'mat-khau-dai-du' })).token;
    const clerk = await loginAs(t.core, 'canbo');
    const id = newFormId();
    valueOf(await t.core.invoke('draft.save', halfDone(id), clerk));
    expect(await t.core.invoke('draft.get', { id }, other)).toMatchObject({ ok: false, error: { code: 'store.not-found' } });
    expect(await t.core.invoke('draft.save', halfDone(id), other)).toMatchObject({ ok: false, error: { code: 'store.not-found' } });
    expect(await t.core.invoke('draft.discard', { id }, other)).toMatchObject({ ok: false, error: { code: 'store.not-found' } });
    expect(valueOf(await t.core.invoke('draft.discard', { id }, clerk))).toEqual({ done: true });
    expect(t.store.read((db) => getDraft(db, id))).toBeUndefined();
    t.close();
  });

  it('refuses oversize or ill-typed autosaves and drafts of unknown procedures, writing nothing', async () => {
    const t = await openCounterCore(tempDir());
    const clerk = await loginAs(t.core, 'canbo');
    const before = snapshot(t.store);
    const id = newFormId();
    expect(await t.core.invoke('draft.save', { ...halfDone(id), values: { childName: 'x'.repeat(2001) } }, clerk)).toMatchObject({ error: { code: 'api.invalid-input' } });
    expect(await t.core.invoke('draft.save', { ...halfDone(id), documents: 'declaration' }, clerk)).toMatchObject({ error: { code: 'api.invalid-input' } });
    expect(await t.core.invoke('draft.save', { ...halfDone(id), procedureCode: '9.999999' }, clerk)).toMatchObject({ error: { code: 'procedure.unknown' } });
    expect(await t.core.invoke('draft.save', halfDone(id), await loginAs(t.core, 'tuphap'))).toMatchObject({ error: { code: 'auth.forbidden' } });
    expect(snapshot(t.store)).toEqual(before);
    t.close();
  });

  it('keeps a volunteer’s draft as a dossier in status draft that a clerk reviews, corrects and accepts', async () => {
    const t = await openCounterCore(tempDir());
    const volunteer = await loginAs(t.core, 'tinhnguyen');
    const clerk = await loginAs(t.core, 'canbo');
    const id = newFormId();

    expect(valueOf(await t.core.invoke('draft.save', halfDone(id), volunteer))).toMatchObject({ kind: 'dossier', rowVersion: 1 });
    t.clock.advance(MINUTE);
    const full = birthReceipt(id);
    const saved = valueOf<{ rowVersion: number }>(await t.core.invoke('draft.save', { ...halfDone(id), values: full.values, documents: full.documents }, volunteer));
    expect(saved.rowVersion).toBe(2);
    expect(t.store.read((db) => getDossierById(db, id))).toMatchObject({ status: 'draft', code: null, channel: 'volunteer', dueAt: null });
    expect(t.store.read((db) => listOutboxForEntity(db, id))).toEqual([]);

    // The clerk finds it, and a volunteer cannot accept it.
    expect(valueOf(await t.core.invoke('draft.list', {}, clerk))).toMatchObject({ items: [{ id, kind: 'dossier', rowVersion: 2, applicantName: 'Đặng Thị Thử Nghiệm' }] });
    expect(await t.core.invoke('dossier.receive', { from: 'draft', id, rowVersion: 2 }, volunteer)).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });

    // Accepting the version reviewed before the volunteer's last save is refused as stale.
    const before = snapshot(t.store);
    expect(await t.core.invoke('dossier.receive', { from: 'draft', id, rowVersion: 1 }, clerk)).toMatchObject({ ok: false, error: { code: 'store.stale-row' } });
    expect(snapshot(t.store)).toEqual(before);

    t.clock.advance(MINUTE);
    const corrected = { ...full.values, childName: 'Trần Văn Mẫu Sửa' };
    const receipt = valueOf<{ dossier: { code: string; channel: string; values: Record<string, unknown>; status: string } }>(
      await t.core.invoke('dossier.receive', { from: 'draft', id, rowVersion: 2, values: corrected }, clerk),
    );
    expect(receipt.dossier).toMatchObject({ code: '000.00.00.X99-261123-0001', channel: 'volunteer', status: 'received', values: { childName: 'Trần Văn Mẫu Sửa' } });
    expect(t.store.read((db) => listDossierEvents(db, id)).map((e) => [e.action, e.actorId !== null])).toEqual([
      ['create-draft', true],
      ['accept-draft', true],
    ]);
    expect(t.store.read((db) => listOutboxForEntity(db, id)).map((o) => o.kind)).toEqual(['dossier.received']);
    expect(t.store.read((db) => listDocuments(db, id)).map((d) => d.kind)).toEqual(['declaration', 'birthCertificate', 'identityDocument']);
    // A retried acceptance answers with the same receipt.
    expect(valueOf(await t.core.invoke('dossier.receive', { from: 'draft', id, rowVersion: 2 }, clerk))).toMatchObject({ alreadyReceived: true, dossier: { code: '000.00.00.X99-261123-0001' } });
    // Once received it is no draft any more.
    expect(await t.core.invoke('draft.save', halfDone(id), volunteer)).toMatchObject({ ok: false, error: { code: 'dossier.illegal-transition' } });
    t.close();
  });

  it('refuses to accept an incomplete volunteer draft until the clerk completes it', async () => {
    const t = await openCounterCore(tempDir());
    const volunteer = await loginAs(t.core, 'tinhnguyen');
    const clerk = await loginAs(t.core, 'canbo');
    const id = newFormId();
    valueOf(await t.core.invoke('draft.save', halfDone(id), volunteer));
    const before = snapshot(t.store);
    const reply = await t.core.invoke('dossier.receive', { from: 'draft', id, rowVersion: 1 }, clerk);
    expect(reply).toMatchObject({ ok: false, error: { code: 'validation.failed', params: { field: 'requesterIdDocument' } } });
    expect(snapshot(t.store)).toEqual(before);
    expect(t.store.read((db) => getDossierById(db, id))?.status).toBe('draft');
    t.close();
  });

  it('lets a volunteer discard their own draft, keeping it in the history as discarded', async () => {
    const t = await openCounterCore(tempDir());
    const volunteer = await loginAs(t.core, 'tinhnguyen');
    const id = newFormId();
    valueOf(await t.core.invoke('draft.save', halfDone(id), volunteer));
    t.clock.advance(MINUTE);
    expect(valueOf(await t.core.invoke('draft.discard', { id }, volunteer))).toEqual({ done: true });
    expect(t.store.read((db) => getDossierById(db, id))?.status).toBe('discarded');
    expect(t.store.read((db) => listDossierEvents(db, id)).map((e) => e.action)).toEqual(['create-draft', 'discard-draft']);
    expect(await t.core.invoke('draft.get', { id }, volunteer)).toMatchObject({ ok: false, error: { code: 'store.not-found' } });
    expect(await t.core.invoke('dossier.receive', { from: 'draft', id, rowVersion: 2 }, await loginAs(t.core, 'canbo'))).toMatchObject({
      ok: false,
      error: { code: 'dossier.illegal-transition' },
    });
    t.close();
  });
});
