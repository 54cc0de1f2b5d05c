import { describe, expect, it } from 'vitest';
import type { DossierListItem } from '../../../shared/api/queues';
import { sortItems } from './today-sort';

const row = (id: string, applicantName: string, dueLocal: string | null): DossierListItem => ({
  id, code: `C-${id}`, applicantName, procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', status: 'received', statusLabel: { vi: 'Đã tiếp nhận', en: 'Received' },
  channel: 'counter', receivedAt: null, dueAt: null, dueLocal, queueStatus: null, assigneeId: null,
});
const status = (i: DossierListItem) => i.statusLabel.vi;

describe('sorting a Today section', () => {
  it('sorts names with Vietnamese collation (Đ after D, tones ignored at first) in both directions', () => {
    const items = [row('1', 'Đỗ Văn Bình', null), row('2', 'Dương Thị An', null), row('3', 'Ân Văn Cường', null)];
    expect(sortItems(items, 'applicant', false, status).map((i) => i.id)).toEqual(['3', '2', '1']);
    expect(sortItems(items, 'applicant', true, status).map((i) => i.id)).toEqual(['1', '2', '3']);
  });

  it('puts rows without a due moment after the others in both directions, keeping their order', () => {
    const items = [row('a', 'A', null), row('b', 'B', '2026-11-24T10:00'), row('c', 'C', null), row('d', 'D', '2026-11-23T17:00')];
    expect(sortItems(items, 'due', false, status).map((i) => i.id)).toEqual(['d', 'b', 'a', 'c']);
    expect(sortItems(items, 'due', true, status).map((i) => i.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});
