import { describe, expect, it } from 'vitest';
import { birthReceipt, loginAs, MONDAY_8AM, newFormId, openCounterCore, snapshot, valueOf } from '../../../../test/helpers/counter-core';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { contract } from '../../../shared/api/contract';
import { listDocuments } from '../../store/repos/documents';
import { listDossierEvents } from '../../store/repos/dossier-events';
import { getDossierById } from '../../store/repos/dossiers';
import { putHolidayOverlay } from '../../store/repos/holidays';
import { listOutboxForEntity } from '../../store/repos/outbox';
import { searchDossiersByName } from '../../store/search/dossier-search';
import { saveSequenceSettings } from '../settings/sequence-blocks';
import { putSetting } from '../../store/repos/settings';

const tempDir = useTempDirs();

type Receipt = { dossier: { id: string; code: string; dueAt: string; dueLocal: string; rowVersion: number }; slip: { kind: string; dueText: string; documents: unknown[] }; alreadyReceived: boolean };

describe('intake through the core (real SQLite)', () => {
  it('lists the seeded procedures in force today with their forms and papers', async () => {
    const t = await openCounterCore(tempDir());
    const volunteer = await loginAs(t.core, 'tinhnguyen');
    const reply = await t.core.invoke('procedure.list', {}, volunteer);
    const list = contract['procedure.list'].output.parse(valueOf(reply));
    expect(list.day).toBe('2026-11-23');
    const birth = list.items.find((p) => p.code === '1.001193');
    expect(birth).toMatchObject({ key: '1.001193@1', name: { vi: 'Đăng ký khai sinh' }, processingTime: { kind: 'same-day' } });
    expect(birth?.form.fields.map((f) => f.key)).toContain('childName');
    expect(list.items.length).toBeGreaterThanOrEqual(8);
    t.close();
  });

  it('receives a birth registration end to end: code, appointment, slip, event, outbox and search index in one go', async () => {
    const t = await openCounterCore(tempDir());
    const clerk = await loginAs(t.core, 'canbo');
    const id = newFormId();
    const receipt = contract['dossier.receive'].output.parse(valueOf(await t.core.invoke('dossier.receive', birthReceipt(id), clerk))) as unknown as Receipt;

    expect(receipt.alreadyReceived).toBe(false);
    expect(receipt.dossier.code).toBe('000.00.00.X99-261123-0001');
    // Same-day procedure received at 08:00 on a Monday: due at 17:00 that day (10:00 UTC).
    expect(receipt.dossier).toMatchObject({ id, dueAt: '2026-11-23T10:00:00.000Z', dueLocal: '2026-11-23T17:00', rowVersion: 1 });
    expect(receipt.slip).toMatchObject({ kind: 'receipt', dueText: '17 giờ 00 phút, ngày 23/11/2026', officer: 'Nguyễn Thị Thử', procedureName: 'Đăng ký khai sinh' });
    expect(receipt.slip.documents).toHaveLength(3);

    const stored = t.store.read((db) => getDossierById(db, id));
    expect(stored).toMatchObject({
      status: 'received',
      channel: 'counter',
      applicantName: 'Đặng Thị Thử Nghiệm',
      applicantIdNumber: '001190999001',
      applicantPhone: '0999123456',
      procedureVersion: 1,
      receivedAt: MONDAY_8AM,
      form: { childName: 'Trần Văn Mẫu', requesterPhone: '0999123456', extraCopies: 1 },
    });
    expect(t.store.read((db) => listDocuments(db, id)).map((d) => d.kind)).toEqual(['declaration', 'birthCertificate', 'identityDocument']);
    expect(t.store.read((db) => listDossierEvents(db, id))).toMatchObject([{ action: 'receive', fromStatus: null, toStatus: 'received', data: { procedure: '1.001193@1' } }]);
    expect(t.store.read((db) => listOutboxForEntity(db, id))).toMatchObject([{ kind: 'dossier.received', payload: { dossier: { code: '000.00.00.X99-261123-0001' } } }]);
    // The FTS index holds the folded name, đ included.
    expect(t.store.read((db) => searchDossiersByName(db, 'dang thi thu')).items.map((s) => s.id)).toEqual([id]);
    t.close();
  });

  it('numbers receipts in sequence and answers a retried receipt with the same code, writing nothing', async () => {
    const t = await openCounterCore(tempDir());
    const clerk = await loginAs(t.core, 'canbo');
    const first = birthReceipt(newFormId());
    valueOf(await t.core.invoke('dossier.receive', first, clerk));
    t.clock.advance(60_000);
    const second = valueOf<Receipt>(await t.core.invoke('dossier.receive', birthReceipt(newFormId(Date.parse(MONDAY_8AM) + 60_000)), clerk));
    expect(second.dossier.code).toBe('000.00.00.X99-261123-0002');
    const before = snapshot(t.store);
    const retried = valueOf<Receipt>(await t.core.invoke('dossier.receive', first, clerk));
    expect(retried).toMatchObject({ alreadyReceived: true, dossier: { code: '000.00.00.X99-261123-0001' }, slip: { kind: 'receipt' } });
    expect(snapshot(t.store)).toEqual(before);
    t.close();
  });

  it('takes the appointment from the calendar with the hub’s overlay: after 15:00 on Friday, Monday off → Tuesday', async () => {
    const friday = '2026-11-20T08:30:00.000Z';
    const t = await openCounterCore(tempDir(), friday);
    t.store.write((db) => putHolidayOverlay(db, 2026, { year: 2026, added: [], removed: [], workingDays: [], daysOff: ['2026-11-23'] }, friday));
    const clerk = await loginAs(t.core, 'canbo');
    const receipt = valueOf<Receipt>(await t.core.invoke('dossier.receive', birthReceipt(newFormId(Date.parse(friday))), clerk));
    expect(receipt.dossier).toMatchObject({ code: '000.00.00.X99-261120-0001', dueLocal: '2026-11-24T17:00' });
    t.close();
  });

  it('draws codes from this PC’s sequence block, and refuses to receive without one', async () => {
    const t = await openCounterCore(tempDir());
    saveSequenceSettings(t.store, { slot: 3, blocks: [{ start: 3001, end: 3999 }] }, new Date(MONDAY_8AM));
    const clerk = await loginAs(t.core, 'canbo');
    expect(valueOf<Receipt>(await t.core.invoke('dossier.receive', birthReceipt(newFormId()), clerk)).dossier.code).toBe('000.00.00.X99-261123-3001');
    t.store.write((db) => putSetting(db, 'dossier-sequence', { slot: 0, blocks: [] }, MONDAY_8AM));
    const before = snapshot(t.store);
    const reply = await t.core.invoke('dossier.receive', birthReceipt(newFormId()), clerk);
    expect(reply).toMatchObject({ ok: false, error: { code: 'validation.failed', params: { issue: 'dossier-sequence.no-blocks' } } });
    expect(snapshot(t.store)).toEqual(before);
    t.close();
  });

  describe('refuses bad input with a typed Vietnamese error and writes nothing', () => {
    const base = () => birthReceipt(newFormId());
    const cases: [string, () => unknown, string, RegExp?][] = [
      ['wrong types', () => ({ ...base(), values: 42 }), 'api.invalid-input'],
      ['a number for the name', () => ({ ...base(), applicant: { name: 7 } }), 'api.invalid-input'],
      ['an id that is not a UUIDv7', () => ({ ...base(), id: 'khong-phai-uuid' }), 'api.invalid-input'],
      ['an unknown property', () => ({ ...base(), admin: true }), 'api.invalid-input'],
      ['an oversize name', () => ({ ...base(), applicant: { name: 'A'.repeat(201) } }), 'api.invalid-input'],
      ['an oversize form value', () => ({ ...base(), values: { ...base().values, childName: 'B'.repeat(2001) } }), 'api.invalid-input'],
      ['too many fields', () => ({ ...base(), values: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}`, 'x'])) }), 'api.invalid-input'],
      ['a 9-digit CMND instead of a personal ID', () => ({ ...base(), applicant: { name: 'Đặng Thị Thử', idNumber: '001190999' } }), 'validation.failed', /chứng minh nhân dân cũ/],
      ['a personal ID born in the future', () => ({ ...base(), applicant: { name: 'Đặng Thị Thử', idNumber: '001299999001' } }), 'validation.failed', /năm sinh 2099/],
      ['an invalid phone', () => ({ ...base(), applicant: { name: 'Đặng Thị Thử', phone: '0123' } }), 'validation.failed'],
      ['an invalid personal ID inside the form', () => ({ ...base(), values: { ...base().values, requesterPersonalId: '999190999001' } }), 'validation.failed', /mã tỉnh/],
      ['an unknown procedure', () => ({ ...base(), procedureCode: '9.999999' }), 'procedure.unknown', /9\.999999/],
      ['a missing required field', () => ({ ...base(), values: { ...base().values, childName: '  ' } }), 'validation.failed', /Chưa nhập “Họ, chữ đệm, tên”/],
      ['a blank applicant name', () => ({ ...base(), applicant: { name: '   ' } }), 'validation.failed', /họ tên người nộp/],
      ['a missing required paper', () => ({ ...base(), documents: ['declaration', 'identityDocument'] }), 'intake.missing-documents', /Giấy chứng sinh/],
      ['a paper of another procedure', () => ({ ...base(), documents: [...base().documents, 'divorceJudgment'] }), 'intake.unknown-document'],
    ];
    it.each(cases)('%s', async (_name, input, code, message) => {
      const t = await openCounterCore(tempDir());
      const clerk = await loginAs(t.core, 'canbo');
      const before = snapshot(t.store);
      const reply = await t.core.invoke('dossier.receive', input(), clerk);
      expect(reply).toMatchObject({ ok: false, error: { code } });
      if (!reply.ok && message) expect(reply.error.message.vi).toMatch(message);
      expect(snapshot(t.store)).toEqual(before);
      t.close();
    });

    it('refuses a volunteer, a leader and an anonymous caller', async () => {
      const t = await openCounterCore(tempDir());
      const before = snapshot(t.store);
      for (const username of ['tinhnguyen', 'lanhdao']) {
        const reply = await t.core.invoke('dossier.receive', base(), await loginAs(t.core, username));
        expect(reply).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
      }
      expect(await t.core.invoke('dossier.receive', base())).toMatchObject({ ok: false, error: { code: 'auth.required' } });
      expect(snapshot(t.store)).toEqual(before);
      t.close();
    });
  });
});
