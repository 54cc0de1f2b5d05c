import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import { parseDossierCode } from '../../../shared/dossier/code';
import { dossierTransitions, isTransitionName } from '../../../shared/dossier/states';
import { openCoreAt, signIn } from '../../../../test/helpers/core-session';
import { openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { manualClock } from '../../../../test/helpers/fixed-clock';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { putSetting } from '../../store/repos/settings';
import { demoCommune } from '../settings/commune';
import { seedDemoDossiers } from './seed-demo';

const tempDir = useTempDirs();
/** Monday 23/11/2026, 10:00 in Hà Nội. */
const NOW = '2026-11-23T03:00:00.000Z';

async function seededFolder(count: number, seed = 1) {
  const dir = tempDir();
  const { core, clock } = await openCoreAt(dir, NOW);
  const store = openTestStore(dir);
  const result = seedDemoDossiers({ store, clock }, { count, seed });
  return { dir, core, store, clock, result };
}

interface Row {
  id: string;
  code: string;
  status: string;
  applicant_id_number: string;
  applicant_phone: string;
  received_at: string;
}

describe('seed-demo data', () => {
  it('invents only fictitious people, with codes that parse and never repeat across seedings', async () => {
    const { core, store, clock } = await seededFolder(150);
    seedDemoDossiers({ store, clock }, { count: 150, seed: 2 });
    const rows = store.read((db) => db.prepare('SELECT id, code, status, applicant_id_number, applicant_phone, received_at FROM dossiers').all() as Row[]);
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((r) => r.code)).size).toBe(300);
    for (const r of rows) {
      expect(r.applicant_id_number.slice(6, 9)).toBe('999');
      expect(r.applicant_phone.startsWith('0999')).toBe(true);
      expect(parseDossierCode(r.code).ok).toBe(true);
    }
    store.close();
    core.dispose();
  });

  it('receives on working days during office hours, up to yesterday only', async () => {
    const { core, store, result } = await seededFolder(300);
    const received = store.read((db) => db.prepare('SELECT received_at FROM dossiers').pluck().all() as string[]);
    for (const iso of received) {
      const local = new Date(Date.parse(iso) + 7 * 3_600_000);
      const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
      expect([0, 6]).not.toContain(local.getUTCDay());
      expect(minutes >= 450 && minutes < 1020 && !(minutes >= 690 && minutes < 810), iso).toBe(true);
      expect(iso < '2026-11-22T17:00:00.000Z').toBe(true);
    }
    expect(result.lastDay).toBe('2026-11-20');
    store.close();
    core.dispose();
  });

  it('writes each history as a path through the state machine, ending in the dossier’s status', async () => {
    const { core, store } = await seededFolder(300);
    const events = store.read(
      (db) => db.prepare('SELECT d.id, d.status AS final, e.action, e.from_status, e.to_status FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id ORDER BY d.id, e.at, e.id').all() as {
        id: string; final: string; action: string; from_status: string | null; to_status: string;
      }[],
    );
    const last = new Map<string, string>();
    for (const e of events) {
      const before = last.get(e.id);
      if (before === undefined) expect(e).toMatchObject({ action: 'receive', from_status: null, to_status: 'received' });
      else {
        expect(isTransitionName(e.action), e.action).toBe(true);
        if (isTransitionName(e.action)) expect(dossierTransitions[e.action].from, `${e.action} from ${before}`).toContain(before);
        expect(e.from_status).toBe(before);
      }
      last.set(e.id, e.to_status);
    }
    for (const e of events) expect(last.get(e.id)).toBe(e.final);
    store.close();
    core.dispose();
  });

  it('feeds the queue and a report that accounts for every dossier', async () => {
    const { core, store } = await seededFolder(400);
    const { token } = await signIn(core, 'tuphap');
    const queue = await core.invoke('queue.today', {}, token);
    expect(queue.ok).toBe(true);
    if (queue.ok) expect(contract['queue.today'].output.parse(queue.value).sections.mine?.items.length).toBeGreaterThan(0);
    const { token: leader } = await signIn(core, 'lanhdao');
    const reply = await core.invoke('report.summary', { from: '2026-01-01', to: '2026-11-24' }, leader);
    if (!reply.ok) throw new Error(reply.error.code);
    const report = contract['report.summary'].output.parse(reply.value);
    const stopped = store.read((db) => db.prepare("SELECT count(*) FROM dossiers WHERE status IN ('rejected', 'withdrawn')").pluck().get() as number);
    const t = report.total;
    expect(t.received).toBe(400);
    expect(t.resolvedOnTime + t.resolvedLate + t.pendingOnTime + t.pendingOverdue + stopped).toBe(400);
    expect(t.resolvedLate).toBeGreaterThan(0);
    expect(report.onlineRatio).toBeGreaterThan(0.1);
    expect(report.onlineRatio).toBeLessThan(0.45);
    expect(report.byProcedure.length).toBeGreaterThanOrEqual(5);
    store.close();
    core.dispose();
  });

  it('refuses a commune that is not the demo one unless forced', async () => {
    const dir = tempDir();
    const { core } = await openCoreAt(dir, NOW);
    const store = openTestStore(dir);
    store.write((db) => putSetting(db, 'commune', { ...demoCommune, name: 'UBND xã Thật', agencyCode: '000.00.31.H26', demo: false }, NOW));
    const clock = manualClock(NOW);
    expect(() => seedDemoDossiers({ store, clock }, { count: 10 })).toThrow(expect.objectContaining({ code: 'demo.not-demo-commune' }));
    expect(store.read((db) => db.prepare('SELECT count(*) FROM dossiers').pluck().get())).toBe(0);
    expect(seedDemoDossiers({ store, clock }, { count: 10, force: true }).inserted).toBe(10);
    store.close();
    core.dispose();
  });
});
