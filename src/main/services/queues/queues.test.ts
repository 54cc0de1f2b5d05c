import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import type { DossierListItem, QueueToday } from '../../../shared/api/queues';
import { openCoreAt, signIn } from '../../../../test/helpers/core-session';
import { putDossiers, vn } from '../../../../test/helpers/counter-dossiers';
import { useTempDirs } from '../../../../test/helpers/temp-dir';

const tempDir = useTempDirs();
/** Monday 23/11/2026, 10:00 in Hà Nội. */
const NOW = vn('2026-11-23', '10:00');

async function officeWithQueue() {
  const dir = tempDir();
  const { core, clock } = await openCoreAt(dir, NOW);
  const clerk = await signIn(core, 'canbo');
  const specialist = await signIn(core, 'tuphap');
  putDossiers(dir, [
    { applicantName: 'Hạn Hôm Nay', status: 'received', dueAt: vn('2026-11-23', '15:00') },
    { applicantName: 'Quá Hạn Rồi', status: 'processing', dueAt: vn('2026-11-20', '10:00') },
    { applicantName: 'Chờ Bổ Sung', status: 'supplement-requested', dueAt: vn('2026-11-25', '10:00') },
    { applicantName: 'Của Tư Pháp', status: 'transferred', dueAt: vn('2026-11-30', '10:00'), assigneeId: specialist.userId },
    { applicantName: 'Có Kết Quả', status: 'resolved', dueAt: vn('2026-11-24', '11:00'), assigneeId: specialist.userId, resolvedAt: vn('2026-11-20') },
    { applicantName: 'Đã Trả', status: 'returned', dueAt: vn('2026-11-23', '16:00'), resolvedAt: vn('2026-11-20'), returnedAt: vn('2026-11-21') },
    { applicantName: 'Hạn Ngày Mai', status: 'processing', dueAt: vn('2026-11-24', '10:00'), assigneeId: specialist.userId },
  ]);
  return { dir, core, clock, clerk, specialist };
}

const names = (items: readonly DossierListItem[] | undefined) => (items ?? []).map((i) => i.applicantName);

async function queue(core: Awaited<ReturnType<typeof openCoreAt>>['core'], token: string, input: unknown = {}): Promise<QueueToday> {
  const reply = await core.invoke('queue.today', input, token);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message.en}`);
  return contract['queue.today'].output.parse(reply.value);
}

describe('queue.today with a controlled clock', () => {
  it('sorts open dossiers into due today, overdue, waiting for supplement and mine', async () => {
    const { core, specialist } = await officeWithQueue();
    const q = await queue(core, specialist.token);
    expect(q.today).toBe('2026-11-23');
    expect(q.now).toBe(NOW);
    expect(names(q.sections.dueToday?.items)).toEqual(['Hạn Hôm Nay']);
    expect(names(q.sections.overdue?.items)).toEqual(['Quá Hạn Rồi']);
    expect(names(q.sections.supplement?.items)).toEqual(['Chờ Bổ Sung']);
    expect(names(q.sections.mine?.items)).toEqual(['Hạn Ngày Mai', 'Có Kết Quả', 'Của Tư Pháp']);
    core.dispose();
  });

  it('gives each row its procedure, status label, due moment on the office clock and queue status', async () => {
    const { core, specialist } = await officeWithQueue();
    const q = await queue(core, specialist.token);
    expect(q.sections.dueToday?.items[0]).toMatchObject({
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      status: 'received',
      statusLabel: { vi: 'Đã tiếp nhận' },
      channel: 'counter',
      dueLocal: '2026-11-23T15:00',
      queueStatus: 'due-today',
    });
    expect(q.sections.overdue?.items[0]?.queueStatus).toBe('overdue');
    expect(q.sections.supplement?.items[0]?.queueStatus).toBe('stopped');
    const mine = Object.fromEntries((q.sections.mine?.items ?? []).map((i) => [i.applicantName, i.queueStatus]));
    expect(mine).toEqual({ 'Hạn Ngày Mai': 'due-soon', 'Có Kết Quả': null, 'Của Tư Pháp': 'on-track' });
    core.dispose();
  });

  it('moves a dossier from due today to overdue when the clock passes its due moment', async () => {
    const { core, clock } = await officeWithQueue();
    clock.advance(5 * 3_600_000 + 60_000);
    // The session would have locked meanwhile; sign in again at the new time.
    const clerk = await signIn(core, 'canbo');
    const q = await queue(core, clerk.token, { sections: ['dueToday', 'overdue'] });
    expect(q.sections.dueToday?.items).toEqual([]);
    expect(names(q.sections.overdue?.items)).toEqual(['Quá Hạn Rồi', 'Hạn Hôm Nay']);
    expect(q.sections.mine).toBeUndefined();
    core.dispose();
  });

  it('shows a clerk only the dossiers assigned to the clerk under "mine"', async () => {
    const { core, clerk } = await officeWithQueue();
    expect((await queue(core, clerk.token, { sections: ['mine'] })).sections.mine?.items).toEqual([]);
    core.dispose();
  });

  it('pages each section with its own cursor until the end', async () => {
    const dir = tempDir();
    const { core } = await openCoreAt(dir, NOW);
    const clerk = await signIn(core, 'canbo');
    putDossiers(dir, Array.from({ length: 7 }, (_, i) => ({ applicantName: `Quá Hạn ${i}`, status: 'processing', dueAt: vn('2026-11-2' + String(i % 3), `0${i}:30`) })));
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const q = await queue(core, clerk.token, { sections: ['overdue'], limit: 3, ...(after === undefined ? {} : { after: { overdue: after } }) });
      seen.push(...names(q.sections.overdue?.items));
      after = q.sections.overdue?.next ?? undefined;
      if (after === undefined) break;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    core.dispose();
  });
});

describe('queue.today refuses bad calls with a typed error and writes nothing', () => {
  it.each([
    ['a wrong type', { limit: 'mười' }],
    ['a page too large', { limit: 101 }],
    ['a page of zero', { limit: 0 }],
    ['an unknown section', { sections: ['everything'] }],
    ['an empty section list', { sections: [] }],
    ['an unknown key', { all: true }],
    ['an oversize cursor', { after: { overdue: 'x'.repeat(81) } }],
  ])('%s', async (_label, input) => {
    const { core, clerk } = await officeWithQueue();
    const reply = await core.invoke('queue.today', input, clerk.token);
    expect(reply).toMatchObject({ ok: false, error: { code: 'api.invalid-input' } });
    if (!reply.ok) expect(reply.error.message.vi).toContain('không hợp lệ');
    core.dispose();
  });

  it('refuses a cursor it did not issue', async () => {
    const { core, clerk } = await officeWithQueue();
    const reply = await core.invoke('queue.today', { after: { overdue: 'DROP TABLE dossiers' } }, clerk.token);
    expect(reply).toMatchObject({ ok: false, error: { code: 'list.invalid-cursor' } });
    if (!reply.ok) expect(reply.error.message.vi).toContain('tải lại danh sách');
    core.dispose();
  });

  it.each(['tinhnguyen', 'quantri'])('forbids %s (volunteer, admin)', async (username) => {
    const { core } = await officeWithQueue();
    const { token } = await signIn(core, username);
    const reply = await core.invoke('queue.today', {}, token);
    expect(reply).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    core.dispose();
  });

  it('requires a session', async () => {
    const { core } = await officeWithQueue();
    expect(await core.invoke('queue.today', {})).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    core.dispose();
  });

  it('lets a leader read the queue', async () => {
    const { core } = await officeWithQueue();
    const { token } = await signIn(core, 'lanhdao');
    expect(names((await queue(core, token)).sections.overdue?.items)).toEqual(['Quá Hạn Rồi']);
    core.dispose();
  });
});
