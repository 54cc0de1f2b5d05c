import { describe, expect, it } from 'vitest';
import { at, newDossier, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { listAssignedTo, listByStatus, listDossierQueue, listDueBetween, listOverdue, type QueueCursor } from './dossier-queue';
import { insertDossier } from './dossiers';

const tempDir = useTempDirs();
const OPEN = ['received', 'processing', 'supplement-requested'];
const DAY = 24 * 60;

function seeded() {
  const store = openTestStore(tempDir());
  const rows = [
    newDossier({ applicantName: 'Quá hạn', dueAt: at(-DAY), status: 'processing' }),
    newDossier({ applicantName: 'Hôm nay sáng', dueAt: at(60), assigneeId: 'me' }),
    newDossier({ applicantName: 'Hôm nay chiều', dueAt: at(300), status: 'supplement-requested' }),
    newDossier({ applicantName: 'Ngày mai', dueAt: at(DAY + 60), assigneeId: 'me' }),
    newDossier({ applicantName: 'Đã trả', dueAt: at(120), status: 'returned', assigneeId: 'me' }),
    newDossier({ applicantName: 'Nháp', dueAt: null, receivedAt: null, code: null, status: 'draft' }),
  ];
  store.write((db) => rows.forEach((r) => insertDossier(db, r)));
  return store;
}

const names = (page: { items: readonly { applicantName: string }[] }) => page.items.map((i) => i.applicantName);

describe('queues', () => {
  it('lists what is due today, soonest first, open statuses only', () => {
    const store = seeded();
    expect(names(store.read((db) => listDueBetween(db, OPEN, at(-60), at(DAY - 60))))).toEqual(['Hôm nay sáng', 'Hôm nay chiều']);
    store.close();
  });

  it('lists what is overdue, waiting for a supplement, and assigned to me', () => {
    const store = seeded();
    expect(names(store.read((db) => listOverdue(db, OPEN, at(0))))).toEqual(['Quá hạn']);
    expect(names(store.read((db) => listByStatus(db, ['supplement-requested'])))).toEqual(['Hôm nay chiều']);
    expect(names(store.read((db) => listAssignedTo(db, 'me', OPEN)))).toEqual(['Hôm nay sáng', 'Ngày mai']);
    store.close();
  });

  it('pages with a cursor, without gaps or repeats, also among equal due times', () => {
    const store = openTestStore(tempDir());
    const due = [at(10), at(10), at(10), at(20), at(20), at(30), at(40)];
    const rows = due.map((dueAt, i) => newDossier({ dueAt, applicantName: `Người ${i}` }));
    store.write((db) => rows.forEach((r) => insertDossier(db, r)));
    const seen: string[] = [];
    let after: QueueCursor | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = store.read((db) => listDossierQueue(db, { statuses: OPEN, dueFrom: at(0), limit: 2, after }));
      seen.push(...names(page));
      if (page.next === undefined) break;
      after = page.next;
    }
    expect(seen).toEqual(rows.map((r) => r.applicantName));
    store.close();
  });
});
