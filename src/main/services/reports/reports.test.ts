import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import type { ReportSummary } from '../../../shared/api/reports';
import { openCoreAt, signIn } from '../../../../test/helpers/core-session';
import { putDossiers, vn, type DossierSpec } from '../../../../test/helpers/counter-dossiers';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import type { Core } from '../core';

const tempDir = useTempDirs();
/** Monday 23/11/2026, 10:00 in Hà Nội: November is still running. */
const NOW = vn('2026-11-23', '10:00');
const BIRTH = '1.001193';
const DEATH = '1.000656';

/** A small office history whose counts are worked out by hand in the tests below. */
const history: DossierSpec[] = [
  // 1. November, counter, resolved before its due moment, returned: resolved on time.
  { procedureCode: BIRTH, status: 'returned', receivedAt: vn('2026-11-05'), dueAt: vn('2026-11-07', '17:00'), resolvedAt: vn('2026-11-06'), returnedAt: vn('2026-11-06', '15:00') },
  // 2. November, online, resolved after its due moment: resolved late.
  { procedureCode: BIRTH, channel: 'online', status: 'resolved', receivedAt: vn('2026-11-05'), dueAt: vn('2026-11-07', '17:00'), resolvedAt: vn('2026-11-10') },
  // 3. November, still processing, due passed: pending overdue.
  { procedureCode: DEATH, status: 'processing', receivedAt: vn('2026-11-10'), dueAt: vn('2026-11-20') },
  // 4. November, online, just received, due next week: pending on time.
  { procedureCode: DEATH, channel: 'online', status: 'received', receivedAt: vn('2026-11-20'), dueAt: vn('2026-11-27') },
  // 5. November, waiting for a supplement past its old due moment: the clock is stopped, on time.
  { procedureCode: BIRTH, status: 'supplement-requested', receivedAt: vn('2026-11-12'), dueAt: vn('2026-11-15') },
  // 6. October, resolved 2 November on time: resolved in November, pending at the end of October.
  { procedureCode: BIRTH, status: 'returned', receivedAt: vn('2026-10-20'), dueAt: vn('2026-11-03'), resolvedAt: vn('2026-11-02'), returnedAt: vn('2026-11-03') },
  // 7. October, still processing, due in October: pending overdue in both months.
  { procedureCode: DEATH, status: 'processing', receivedAt: vn('2026-10-25'), dueAt: vn('2026-10-30') },
  // 8. October, resolved in October on time: October only.
  { procedureCode: BIRTH, status: 'returned', receivedAt: vn('2026-10-01'), dueAt: vn('2026-10-05'), resolvedAt: vn('2026-10-05'), returnedAt: vn('2026-10-06') },
  // 9. Refused at intake in November: never received, counted nowhere.
  { procedureCode: BIRTH, status: 'refused', receivedAt: vn('2026-11-15'), dueAt: null },
  // 10. November, processing stopped (rejected): received, then neither resolved nor pending.
  { procedureCode: DEATH, status: 'rejected', receivedAt: vn('2026-11-08'), dueAt: vn('2026-11-18') },
];

async function officeWithHistory() {
  const dir = tempDir();
  const { core } = await openCoreAt(dir, NOW);
  const { token } = await signIn(core, 'lanhdao');
  putDossiers(dir, history);
  return { core, token };
}

async function report(core: Core, token: string, input: unknown): Promise<ReportSummary> {
  const reply = await core.invoke('report.summary', input, token);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message.en}`);
  return contract['report.summary'].output.parse(reply.value);
}

describe('report.summary on a crafted history', () => {
  it('counts the running month: received, resolved on time and late, pending at now', async () => {
    const { core, token } = await officeWithHistory();
    const r = await report(core, token, { from: '2026-11-01', to: '2026-12-01' });
    expect(r.asOf).toBe(NOW);
    expect(r.total).toEqual({ received: 6, resolvedOnTime: 2, resolvedLate: 1, pendingOnTime: 2, pendingOverdue: 2 });
    expect(r.onlineRatio).toBeCloseTo(2 / 6);
    expect(r.onTimeRatio).toBeCloseTo(2 / 3);
    expect(r.byChannel).toEqual([
      { channel: 'counter', received: 4, resolvedOnTime: 2, resolvedLate: 0, pendingOnTime: 1, pendingOverdue: 2 },
      { channel: 'online', received: 2, resolvedOnTime: 0, resolvedLate: 1, pendingOnTime: 1, pendingOverdue: 0 },
      { channel: 'volunteer', received: 0, resolvedOnTime: 0, resolvedLate: 0, pendingOnTime: 0, pendingOverdue: 0 },
    ]);
    expect(r.byProcedure).toEqual([
      { procedureCode: DEATH, procedureName: 'Đăng ký khai tử', received: 3, resolvedOnTime: 0, resolvedLate: 0, pendingOnTime: 1, pendingOverdue: 2 },
      { procedureCode: BIRTH, procedureName: 'Đăng ký khai sinh', received: 3, resolvedOnTime: 2, resolvedLate: 1, pendingOnTime: 1, pendingOverdue: 0 },
    ]);
    expect(r.rows.map((x) => `${x.procedureCode}/${x.channel}`)).toEqual([`${DEATH}/counter`, `${DEATH}/online`, `${BIRTH}/counter`, `${BIRTH}/online`]);
    core.dispose();
  });

  it('counts a closed month with the backlog as it stood at its end', async () => {
    const { core, token } = await officeWithHistory();
    const r = await report(core, token, { from: '2026-10-01', to: '2026-11-01' });
    expect(r.asOf).toBe(vn('2026-11-01', '00:00'));
    expect(r.total).toEqual({ received: 3, resolvedOnTime: 1, resolvedLate: 0, pendingOnTime: 1, pendingOverdue: 1 });
    expect(r.onlineRatio).toBe(0);
    core.dispose();
  });

  it('narrows to one procedure', async () => {
    const { core, token } = await officeWithHistory();
    const r = await report(core, token, { from: '2026-11-01', to: '2026-12-01', procedureCode: DEATH });
    expect(r.procedureCode).toBe(DEATH);
    expect(r.total).toEqual({ received: 3, resolvedOnTime: 0, resolvedLate: 0, pendingOnTime: 1, pendingOverdue: 2 });
    expect(r.byProcedure.map((p) => p.procedureCode)).toEqual([DEATH]);
    core.dispose();
  });

  it('reports an empty period with null ratios rather than dividing by zero', async () => {
    const { core, token } = await officeWithHistory();
    const r = await report(core, token, { from: '2025-01-01', to: '2025-02-01' });
    expect(r.total).toEqual({ received: 0, resolvedOnTime: 0, resolvedLate: 0, pendingOnTime: 0, pendingOverdue: 0 });
    expect(r).toMatchObject({ onlineRatio: null, onTimeRatio: null, byProcedure: [], rows: [] });
    core.dispose();
  });

  it.each(['canbo', 'quantri', 'lanhdao'])('is open to %s (clerk, admin, leader)', async (username) => {
    const { core } = await officeWithHistory();
    const { token } = await signIn(core, username);
    expect((await report(core, token, { from: '2026-11-01', to: '2026-12-01' })).total.received).toBe(6);
    core.dispose();
  });
});

describe('report.summary refuses bad periods and callers with a typed error', () => {
  it.each([
    ['a reversed period', { from: '2026-12-01', to: '2026-11-01' }, 'reversed', 'phải sau ngày bắt đầu'],
    ['an empty period', { from: '2026-11-01', to: '2026-11-01' }, 'reversed', 'phải sau ngày bắt đầu'],
    ['a day that does not exist', { from: '2026-02-30', to: '2026-03-01' }, 'not-a-date', 'không có thật'],
    ['more than a year', { from: '2025-01-01', to: '2026-06-01' }, 'too-long', 'tối đa 366 ngày'],
  ])('%s', async (_label, input, reason, vi) => {
    const { core, token } = await officeWithHistory();
    const reply = await core.invoke('report.summary', input, token);
    expect(reply).toMatchObject({ ok: false, error: { code: 'report.invalid-period', params: { reason } } });
    if (!reply.ok) expect(reply.error.message.vi).toContain(vi);
    core.dispose();
  });

  it.each([
    ['a date in another format', { from: '01/11/2026', to: '2026-12-01' }],
    ['a number for a date', { from: 20261101, to: '2026-12-01' }],
    ['an oversize date', { from: '2026-11-01'.repeat(20), to: '2026-12-01' }],
    ['a missing end', { from: '2026-11-01' }],
    ['a malformed procedure code', { from: '2026-11-01', to: '2026-12-01', procedureCode: 'khai sinh' }],
    ['an unknown key', { from: '2026-11-01', to: '2026-12-01', channel: 'online' }],
  ])('%s', async (_label, input) => {
    const { core, token } = await officeWithHistory();
    expect(await core.invoke('report.summary', input, token)).toMatchObject({ ok: false, error: { code: 'api.invalid-input' } });
    core.dispose();
  });

  it.each(['tinhnguyen', 'tuphap'])('forbids %s (volunteer, specialist)', async (username) => {
    const { core } = await officeWithHistory();
    const { token } = await signIn(core, username);
    expect(await core.invoke('report.summary', { from: '2026-11-01', to: '2026-12-01' }, token)).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    core.dispose();
  });

  it('requires a session', async () => {
    const { core } = await officeWithHistory();
    expect(await core.invoke('report.summary', { from: '2026-11-01', to: '2026-12-01' })).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    core.dispose();
  });
});
