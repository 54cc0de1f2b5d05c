/**
 * Slips from the dossier's history: the refusal carries its ground, the supplement request the
 * papers asked for and the reason, the apology the appointment it replaces, the new one and the
 * reason, all taken from the transition's event in the real SQLite file and read back from the
 * PDF with pdftotext (exact NFC text). Every rendered slip is kept with its dossier, printed or
 * not (here: sent to a printer CUPS does not have).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { birthReceipt, loginAs, maritalReceipt, newFormId, openCounterCore, passTime, valueOf, type CounterCore } from '../../../../test/helpers/counter-core';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { contract } from '../../../shared/api/contract';
import { dateTimeText } from '../../documents/forms/text';
import { putSetting } from '../../store/repos/settings';
import { FORM_SET_SETTING } from './form-set';

const tempDir = useTempDirs();
const HOUR = 3_600_000;
const hasLp = spawnSync('which', ['lp']).status === 0;

type View = { id: string; code: string | null; dueAt: string; rowVersion: number };
type Moved = { dossier: View; slip: { kind: string; documents: { key: string; name: string }[] } | null };

interface Desk extends CounterCore {
  readonly clerk: string;
  readonly specialist: string;
  readonly leader: string;
  readonly volunteer: string;
}

async function desk(): Promise<Desk> {
  const t = await openCounterCore(tempDir());
  return { ...t, clerk: await loginAs(t.core, 'canbo'), specialist: await loginAs(t.core, 'tuphap'), leader: await loginAs(t.core, 'lanhdao'), volunteer: await loginAs(t.core, 'tinhnguyen') };
}

async function move(d: Desk, token: string, dossier: View, transition: string, extra: Record<string, unknown> = {}): Promise<Moved> {
  const reply = await d.core.invoke('dossier.transition', { id: dossier.id, transition, rowVersion: dossier.rowVersion, ...extra }, token);
  return contract['dossier.transition'].output.parse(valueOf(reply)) as unknown as Moved;
}

/** The slip's PDF text, whitespace folded (lines wrap), checked to be NFC. */
async function slipText(d: Desk, dossierId: string, kind: string, token: string): Promise<{ text: string; sha256: string }> {
  const pdf = valueOf<{ pdfBase64: string; sha256: string }>(await d.core.invoke('slip.preview', { dossierId, kind }, token));
  const file = join(d.dataDir, `${kind}-${pdf.sha256.slice(0, 8)}.pdf`);
  writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toBe(text.normalize('NFC'));
  return { text: text.replace(/\s+/g, ' '), sha256: pdf.sha256 };
}

describe('slip content from the transition’s event (real SQLite, pdftotext)', () => {
  it('the refusal carries its ground; the slip is kept with the dossier although no printer took it', async () => {
    const d = await desk();
    const id = newFormId();
    const full = birthReceipt(id);
    const saved = valueOf<{ rowVersion: number }>(await d.core.invoke('draft.save', { id, procedureCode: full.procedureCode, applicant: { name: 'Đặng Thị Thử Nghiệm', idNumber: '001190999001' }, values: {}, documents: [] }, d.volunteer));
    const ground = 'Người nộp không phải là người có quyền yêu cầu; giấy tờ tùy thân đã hết hạn sử dụng.';
    await move(d, d.clerk, { id, code: null, dueAt: '', rowVersion: saved.rowVersion }, 'refuse', { reason: ground.normalize('NFD') });
    const { text, sha256 } = await slipText(d, id, 'refusal', d.clerk);
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(ground);

    if (hasLp) {
      const reply = await d.core.invoke('slip.print', { dossierId: id, kind: 'refusal', printer: 'Không-có-máy-in-này' }, d.clerk);
      expect(reply.ok).toBe(false);
    }
    const kept = contract['slip.list'].output.parse(valueOf(await d.core.invoke('slip.list', { id }, d.clerk)));
    expect(kept.items).toHaveLength(1);
    expect(kept.items[0]).toMatchObject({ slipKind: 'refusal', pdfSha256: sha256, formSet: 'tt01-2018' });
    if (hasLp) expect(kept.items[0]?.lastPrint).toMatchObject({ printer: 'Không-có-máy-in-này', state: 'failed' });
    const again = valueOf<{ sha256: string }>(await d.core.invoke('slip.kept', { id: kept.items[0]?.id }, d.clerk));
    expect(again.sha256).toBe(sha256);
    d.close();
  });

  it('the supplement request lists the papers asked for and the reason, the same on a later reprint', async () => {
    const d = await desk();
    const received = valueOf<{ dossier: View }>(await d.core.invoke('dossier.receive', maritalReceipt(newFormId()), d.clerk)).dossier;
    const other = 'Bản sao trích lục bản án ly hôn có xác nhận của Tòa án nhân dân huyện Thường Xuân';
    const reason = 'Tờ khai ghi sai ngày cấp giấy tờ tùy thân; thiếu giấy tờ chứng minh tình trạng hôn nhân trước đây.';
    const moved = await move(d, d.clerk, received, 'request-supplement', { reason, documents: ['identityDocument', other] });
    const names = moved.slip?.documents.map((x) => x.name) ?? [];
    expect(names).toHaveLength(2);
    expect(names[1]).toBe(other);
    const first = await slipText(d, received.id, 'supplement-request', d.clerk);
    expect(first.text).toContain(`1. ${names[0] ?? ''}`);
    expect(first.text).toContain(`2. ${other}`);
    expect(first.text).toContain(`Lý do: ${reason}`);
    // Printed a day later by someone else: still the clerk's request, dated when it was made.
    await passTime(d, 24 * HOUR, [d.clerk, d.leader]);
    expect((await slipText(d, received.id, 'supplement-request', d.leader)).sha256).toBe(first.sha256);
    d.close();
  });

  it('the apology gives the appointment it replaces, the new one and the reason', async () => {
    const d = await desk();
    const received = valueOf<{ dossier: View }>(await d.core.invoke('dossier.receive', maritalReceipt(newFormId()), d.clerk)).dossier;
    const transferred = await move(d, d.clerk, received, 'transfer');
    const processing = (await move(d, d.specialist, transferred.dossier, 'start-processing')).dossier;
    const reason = 'Cần xác minh tình trạng hôn nhân tại nơi cư trú trước đây ở tỉnh Thanh Hóa.';
    await move(d, d.specialist, processing, 'reschedule', { reason, rescheduleTo: '2026-12-01T16:00' });
    const { text } = await slipText(d, received.id, 'apology', d.leader);
    expect(text).toContain(`Theo Giấy tiếp nhận, thời gian trả kết quả là: ${dateTimeText(processing.dueAt)}`);
    expect(text).toContain('hẹn trả kết quả vào: 16 giờ 00 phút, ngày 01/12/2026');
    expect(text).toContain(`Lý do chậm trả kết quả: ${reason}`);
    expect(text).toContain('Mẫu số 04');

    // The form set is a setting: TT 03/2025 words and numbers the same slip differently.
    d.store.write((db) => putSetting(db, FORM_SET_SETTING, 'tt03-2025', d.clock.now().toISOString()));
    const successor = await slipText(d, received.id, 'apology', d.leader);
    expect(successor.text).toContain('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    expect((await slipText(d, received.id, 'control-sheet', d.leader)).text).toContain('Mẫu số 06');
    const kept = contract['slip.list'].output.parse(valueOf(await d.core.invoke('slip.list', { id: received.id }, d.leader)));
    expect(kept.items.map((k) => `${k.slipKind} ${k.formSet}`)).toEqual(['control-sheet tt03-2025', 'apology tt03-2025', 'apology tt01-2018']);
    d.close();
  });
});

describe('the control sheet’s hand-offs come from the history', () => {
  it('a transfer to a linked agency is a row from the one-stop unit to that agency', async () => {
    const d = await desk();
    const received = valueOf<{ dossier: View }>(await d.core.invoke('dossier.receive', maritalReceipt(newFormId()), d.clerk)).dossier;
    await move(d, d.clerk, received, 'transfer', { toAgency: { name: 'Công an xã Lộc' } });
    const { text } = await slipText(d, received.id, 'control-sheet', d.clerk);
    expect(text).toContain('Bộ phận Một cửa');
    expect(text).toContain('Công an xã Lộc');
    expect(text).toContain(dateTimeText(d.clock.now().toISOString()));
    d.close();
  });
});

describe('register.preview / register.print', () => {
  it('lists the dossiers received in the period, for the leader, clerk and admin only', async () => {
    const d = await desk();
    const a = valueOf<{ dossier: View }>(await d.core.invoke('dossier.receive', maritalReceipt(newFormId()), d.clerk)).dossier;
    const b = valueOf<{ dossier: View }>(await d.core.invoke('dossier.receive', birthReceipt(newFormId()), d.clerk)).dossier;
    const pdf = contract['register.preview'].output.parse(valueOf(await d.core.invoke('register.preview', { from: '2026-11-01', to: '2026-12-01' }, d.leader)));
    const file = join(d.dataDir, 'register.pdf');
    writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain('Từ ngày 01/11/2026 đến ngày 30/11/2026');
    expect(text).toContain('Tổng số: 2 hồ sơ');
    for (const v of [a, b]) expect(text).toContain(v.code ?? 'no code');
    expect(await d.core.invoke('register.preview', { from: '2026-11-01', to: '2026-12-01' }, d.specialist)).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(await d.core.invoke('register.preview', { from: '2026-12-01', to: '2026-11-01' }, d.clerk)).toMatchObject({ ok: false, error: { code: 'report.invalid-period' } });
    d.close();
  });

  it.skipIf(!hasLp)('prints the register on the real CUPS queue MotcuaPDF and logs it', async () => {
    execFileSync('bash', ['scripts/setup.d/cups.sh'], { stdio: 'ignore' });
    const d = await desk();
    valueOf(await d.core.invoke('dossier.receive', maritalReceipt(newFormId()), d.clerk));
    const row = contract['register.print'].output.parse(valueOf(await d.core.invoke('register.print', { from: '2026-11-23', to: '2026-11-24', printer: 'MotcuaPDF' }, d.leader)));
    expect(row).toMatchObject({ state: 'completed', printer: 'MotcuaPDF', slipKind: 'register', dossierId: 'register:2026-11-23/2026-11-24' });
    d.close();
  });
});
