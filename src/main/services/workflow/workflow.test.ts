import { describe, expect, it } from 'vitest';
import { birthReceipt, loginAs, maritalReceipt, newFormId, openCounterCore, passTime, snapshot, valueOf, type CounterCore } from '../../../../test/helpers/counter-core';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { contract } from '../../../shared/api/contract';
import { listDossierEvents } from '../../store/repos/dossier-events';
import { getDossierById } from '../../store/repos/dossiers';
import { listOutboxForEntity } from '../../store/repos/outbox';

const tempDir = useTempDirs();
const HOUR = 3_600_000;

type View = { id: string; status: string; dueAt: string; dueLocal: string; rowVersion: number; clockStopped: boolean; rescheduled: boolean };
type Moved = { dossier: View; slip: { kind: string; dueText: string | null; reason: string | null; previousDueAt: string | null } | null };

interface Desk extends CounterCore {
  readonly clerk: string;
  readonly specialist: string;
  readonly leader: string;
  /** Time passes at the counter; the three officers stay signed in. */
  later(ms: number): Promise<void>;
}

async function desk(at?: string): Promise<Desk> {
  const t = await openCounterCore(tempDir(), at);
  const tokens = { clerk: await loginAs(t.core, 'canbo'), specialist: await loginAs(t.core, 'tuphap'), leader: await loginAs(t.core, 'lanhdao') };
  return { ...t, ...tokens, later: (ms) => passTime(t, ms, Object.values(tokens)) };
}

/** A marital-status certificate received on Monday 08:00: three working days, due Thursday 11:30. */
async function receiveMarital(d: Desk): Promise<View> {
  const reply = await d.core.invoke('dossier.receive', maritalReceipt(newFormId(d.clock.now().getTime())), d.clerk);
  return valueOf<{ dossier: View }>(reply).dossier;
}

async function move(d: Desk, token: string, dossier: View, transition: string, extra: Record<string, unknown> = {}): Promise<Moved> {
  const reply = await d.core.invoke('dossier.transition', { id: dossier.id, transition, rowVersion: dossier.rowVersion, ...extra }, token);
  return contract['dossier.transition'].output.parse(valueOf(reply)) as unknown as Moved;
}

/** Received → transferred → processing, an hour apart. */
async function inProcessing(d: Desk): Promise<View> {
  const received = await receiveMarital(d);
  await d.later(HOUR);
  const transferred = await move(d, d.clerk, received, 'transfer');
  await d.later(HOUR);
  return (await move(d, d.specialist, transferred.dossier, 'start-processing')).dossier;
}

describe('workflow through the core (real SQLite)', () => {
  it('offers each role its buttons for the dossier’s status', async () => {
    const d = await desk();
    const received = await receiveMarital(d);
    const names = async (token: string) =>
      contract['dossier.transitions-available'].output.parse(valueOf(await d.core.invoke('dossier.transitions-available', { id: received.id }, token))).transitions.map((x) => x.name);
    expect(await names(d.clerk)).toEqual(['transfer', 'request-supplement', 'withdraw']);
    expect(await names(d.specialist)).toEqual(['start-processing', 'request-supplement', 'reschedule', 'reject']);
    d.close();
  });

  it('records the appointment, pauses with the supplement request and restarts the full period when the supplement comes', async () => {
    const d = await desk();
    const received = await receiveMarital(d);
    expect(received.dueLocal).toBe('2026-11-26T11:30');
    await d.later(25 * HOUR); // Tuesday 09:00

    const before = snapshot(d.store);
    expect(await d.core.invoke('dossier.transition', { id: received.id, transition: 'request-supplement', rowVersion: 1, reason: '  ' }, d.clerk)).toMatchObject({
      ok: false,
      error: { code: 'validation.failed', params: { issue: 'dossier.reason-required' } },
    });
    expect(snapshot(d.store)).toEqual(before);

    const asked = await move(d, d.clerk, received, 'request-supplement', { reason: 'Thiếu bản sao bản án ly hôn' });
    expect(asked.dossier).toMatchObject({ status: 'supplement-requested', clockStopped: true, dueLocal: '2026-11-26T11:30' });
    expect(asked.slip).toMatchObject({ kind: 'supplement-request', reason: 'Thiếu bản sao bản án ly hôn' });

    await d.later(29 * HOUR); // Wednesday 14:00
    const back = await move(d, d.clerk, asked.dossier, 'supplement-received');
    // A new receipt: three working days counted again from Wednesday afternoon → Monday 17:00.
    expect(back.dossier).toMatchObject({ status: 'received', clockStopped: false, dueLocal: '2026-11-30T17:00' });
    expect(back.slip).toMatchObject({ kind: 'receipt', dueText: '17 giờ 00 phút, ngày 30/11/2026' });
    expect(d.store.read((db) => listOutboxForEntity(db, received.id)).map((o) => o.kind)).toEqual(['dossier.received', 'dossier.transitioned', 'dossier.transitioned']);
    d.close();
  });

  it('pauses and resumes processing, moving the appointment by exactly the paused working time', async () => {
    const d = await desk();
    const processing = await inProcessing(d); // Monday 10:00
    await d.later(23 * HOUR); // Tuesday 09:00
    const paused = await move(d, d.specialist, processing, 'pause', { reason: 'Chờ công dân nộp lệ phí' });
    expect(paused.dossier).toMatchObject({ status: 'paused', clockStopped: true });
    await d.later(5 * HOUR); // Tuesday 14:00: 180 working minutes later (150 in the morning, 30 after lunch)
    const resumed = await move(d, d.leader, paused.dossier, 'resume');
    expect(resumed.dossier).toMatchObject({ status: 'processing', clockStopped: false, dueLocal: '2026-11-26T16:30' });
    expect(d.store.read((db) => getDossierById(db, processing.id))?.clockStops).toEqual([
      { from: '2026-11-24T02:00:00.000Z', to: '2026-11-24T07:00:00.000Z', effect: 'pause', transition: 'pause' },
    ]);
    d.close();
  });

  it('reschedules once, to a later working moment, with an apology slip', async () => {
    const d = await desk();
    const processing = await inProcessing(d);
    const before = snapshot(d.store);
    const bad = async (rescheduleTo: string | undefined, reason: string) =>
      expect(await d.core.invoke('dossier.transition', { id: processing.id, transition: 'reschedule', rowVersion: processing.rowVersion, reason: 'Cần xác minh', rescheduleTo }, d.specialist)).toMatchObject({
        ok: false,
        error: { code: 'workflow.bad-reschedule', params: { reason } },
      });
    await bad(undefined, 'format');
    await bad('2026-11-28T09:00', 'day-off');
    await bad('2026-11-30T12:30', 'outside-hours');
    await bad('2026-11-25T09:00', 'not-later');
    expect(snapshot(d.store)).toEqual(before);

    const moved = await move(d, d.specialist, processing, 'reschedule', { reason: 'Cần xác minh tại nơi cư trú trước đây', rescheduleTo: '2026-12-01T16:00' });
    expect(moved.dossier).toMatchObject({ status: 'processing', rescheduled: true, dueLocal: '2026-12-01T16:00' });
    expect(moved.slip).toMatchObject({ kind: 'apology', previousDueAt: processing.dueAt, reason: 'Cần xác minh tại nơi cư trú trước đây' });

    const again = await d.core.invoke('dossier.transition', { id: processing.id, transition: 'reschedule', rowVersion: moved.dossier.rowVersion, reason: 'Lần nữa', rescheduleTo: '2026-12-03T16:00' }, d.leader);
    expect(again).toMatchObject({ ok: false, error: { code: 'validation.failed', params: { issue: 'dossier.already-rescheduled' } } });
    const buttons = valueOf<{ transitions: { name: string }[] }>(await d.core.invoke('dossier.transitions-available', { id: processing.id }, d.specialist));
    expect(buttons.transitions.map((x) => x.name)).not.toContain('reschedule');

    // A pause after the reschedule pushes the new date on by the paused working time.
    await d.later(HOUR); // Monday 11:00
    const paused = await move(d, d.specialist, moved.dossier, 'pause', { reason: 'Chờ xác minh' });
    await d.later(3 * HOUR); // Monday 14:00: 30 + 30 working minutes
    const resumed = await move(d, d.specialist, paused.dossier, 'resume');
    expect(resumed.dossier.dueLocal).toBe('2026-12-01T17:00');
    d.close();
  });

  it('resolves with the result number and register book and page, then returns the result to the citizen', async () => {
    const d = await desk();
    const processing = await inProcessing(d);
    const before = snapshot(d.store);
    const result = { number: '125/2026', registerBook: '01/2026', registerPage: '37' };
    expect(await d.core.invoke('dossier.transition', { id: processing.id, transition: 'resolve', rowVersion: processing.rowVersion, result }, d.clerk)).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden', params: { role: 'clerk', action: 'resolve' } },
    });
    expect(await d.core.invoke('dossier.transition', { id: processing.id, transition: 'resolve', rowVersion: processing.rowVersion, result: { number: '125/2026' } }, d.specialist)).toMatchObject({
      ok: false,
      error: { code: 'workflow.result-required' },
    });
    expect(snapshot(d.store)).toEqual(before);

    await d.later(HOUR);
    const resolved = await move(d, d.specialist, processing, 'resolve', { result: { number: ' 125/2026 ', registerBook: '01/2026', registerPage: '37' }, note: 'Lãnh đạo đã ký' });
    expect(resolved.dossier).toMatchObject({ status: 'resolved', result: { number: '125/2026', registerBook: '01/2026', registerPage: '37' } });
    expect(d.store.read((db) => getDossierById(db, processing.id))?.resolvedAt).toBe(d.clock.now().toISOString());

    await d.later(HOUR);
    const returned = await move(d, d.clerk, resolved.dossier, 'return-result');
    expect(returned.dossier.status).toBe('returned');
    expect(returned.slip?.kind).toBe('handover');
    const history = contract['dossier.history'].output.parse(valueOf(await d.core.invoke('dossier.history', { id: processing.id }, d.leader)));
    expect(history.items.map((e) => [e.action, e.actor.name])).toEqual([
      ['receive', 'Nguyễn Thị Thử'],
      ['transfer', 'Nguyễn Thị Thử'],
      ['start-processing', 'Trần Văn Mẫu'],
      ['resolve', 'Trần Văn Mẫu'],
      ['return-result', 'Nguyễn Thị Thử'],
    ]);
    expect(history.items[3]).toMatchObject({ note: 'Lãnh đạo đã ký', label: { vi: 'Ghi nhận có kết quả' } });
    d.close();
  });

  it('refuses a role that may not act, an illegal transition and a stale row version, writing nothing', async () => {
    const d = await desk();
    const received = await receiveMarital(d);
    const before = snapshot(d.store);
    const clerkResolves = await d.core.invoke('dossier.transition', { id: received.id, transition: 'resolve', rowVersion: 1, result: { number: '1', registerBook: '1', registerPage: '1' } }, d.clerk);
    expect(clerkResolves).toMatchObject({ ok: false, error: { code: 'dossier.illegal-transition' } });
    const clerkPauses = await d.core.invoke('dossier.transition', { id: received.id, transition: 'reschedule', rowVersion: 1, reason: 'x', rescheduleTo: '2026-12-01T16:00' }, d.clerk);
    expect(clerkPauses).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    if (!clerkPauses.ok) expect(clerkPauses.error.message.vi).toMatch(/Cán bộ một cửa.*Cán bộ chuyên môn/);
    expect(await d.core.invoke('dossier.transition', { id: received.id, transition: 'return-result', rowVersion: 1 }, d.clerk)).toMatchObject({
      ok: false,
      error: { code: 'dossier.illegal-transition', message: { vi: expect.stringContaining('Đã tiếp nhận') as string } },
    });
    expect(await d.core.invoke('dossier.transition', { id: received.id, transition: 'receive', rowVersion: 1 }, d.clerk)).toMatchObject({ ok: false, error: { code: 'api.invalid-input' } });
    expect(await d.core.invoke('dossier.transition', { id: received.id, transition: 'transfer', rowVersion: 1 }, await loginAs(d.core, 'tinhnguyen'))).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden' },
    });
    expect(await d.core.invoke('dossier.transition', { id: received.id, transition: 'withdraw', rowVersion: 1, reason: 'x'.repeat(2001) }, d.clerk)).toMatchObject({
      ok: false,
      error: { code: 'api.invalid-input' },
    });
    expect(await d.core.invoke('dossier.transition', { id: received.id, transition: 'transfer', rowVersion: '1' }, d.clerk)).toMatchObject({ ok: false, error: { code: 'api.invalid-input' } });
    expect(snapshot(d.store)).toEqual(before);

    const transferred = await move(d, d.clerk, received, 'transfer');
    const afterTransfer = snapshot(d.store);
    // The specialist's screen still shows row version 1: someone moved the dossier meanwhile.
    expect(await d.core.invoke('dossier.transition', { id: received.id, transition: 'request-supplement', rowVersion: 1, reason: 'Thiếu giấy' }, d.specialist)).toMatchObject({
      ok: false,
      error: { code: 'store.stale-row' },
    });
    expect(snapshot(d.store)).toEqual(afterTransfer);
    expect(transferred.dossier.rowVersion).toBe(2);
    d.close();
  });

  it('assigns a transfer only to a specialist or leader, and the one who starts processing holds it', async () => {
    const d = await desk();
    const received = await receiveMarital(d);
    const users = d.store.read((db) => listDossierEvents(db, received.id)); // receive event carries the clerk's id
    const clerkId = users[0]?.actorId ?? '';
    expect(await d.core.invoke('dossier.transition', { id: received.id, transition: 'transfer', rowVersion: 1, assigneeId: clerkId }, d.clerk)).toMatchObject({
      ok: false,
      error: { code: 'workflow.bad-assignee' },
    });
    const processing = await inProcessing(d);
    const specialistId = d.store.read((db) => listDossierEvents(db, processing.id)).at(-1)?.actorId;
    expect(d.store.read((db) => getDossierById(db, processing.id))?.assigneeId).toBe(specialistId);
    d.close();
  });

  it('records every read of a dossier in its history and tells the hub', async () => {
    const d = await desk();
    const receipt = valueOf<{ dossier: View }>(await d.core.invoke('dossier.receive', birthReceipt(newFormId()), d.clerk));
    await d.later(HOUR);
    const view = contract['dossier.get'].output.parse(valueOf(await d.core.invoke('dossier.get', { id: receipt.dossier.id }, d.leader)));
    expect(view).toMatchObject({ code: '000.00.00.X99-261123-0001', statusLabel: { vi: 'Đã tiếp nhận' }, values: { childName: 'Trần Văn Mẫu' } });
    const events = d.store.read((db) => listDossierEvents(db, receipt.dossier.id));
    expect(events.map((e) => e.action)).toEqual(['receive', 'view']);
    expect(d.store.read((db) => listOutboxForEntity(db, receipt.dossier.id)).map((o) => o.kind)).toEqual(['dossier.received', 'dossier.viewed']);
    expect(await d.core.invoke('dossier.get', { id: receipt.dossier.id }, await loginAs(d.core, 'quantri'))).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(await d.core.invoke('dossier.get', { id: newFormId() }, d.clerk)).toMatchObject({ ok: false, error: { code: 'store.not-found' } });
    d.close();
  });
});

describe('transfer to a linked agency (liên thông)', () => {
  it('records the receiving agency in the history and for the hub, and refuses a malformed agency code', async () => {
    const d = await desk();
    const received = await receiveMarital(d);
    const before = snapshot(d.store);
    expect(
      await d.core.invoke('dossier.transition', { id: received.id, transition: 'transfer', rowVersion: 1, toAgency: { code: 'công an', name: 'Công an xã' } }, d.clerk),
    ).toMatchObject({ ok: false, error: { code: 'validation.failed', message: { vi: expect.stringContaining('Mã cơ quan nhận') as string } } });
    expect(snapshot(d.store)).toEqual(before);
    const moved = await move(d, d.clerk, received, 'transfer', { toAgency: { code: '000.00.31.h26', name: '  Công an  xã Thử Nghiệm ' } });
    expect(moved.dossier.status).toBe('transferred');
    const event = d.store.read((db) => listDossierEvents(db, received.id)).find((e) => e.action === 'transfer');
    expect(event?.data).toMatchObject({ toAgency: { code: '000.00.31.H26', name: 'Công an xã Thử Nghiệm' } });
    const sent = d.store.read((db) => listOutboxForEntity(db, received.id));
    expect(sent.some((o) => JSON.stringify(o.payload).includes('000.00.31.H26'))).toBe(true);
    d.close();
  });
});
