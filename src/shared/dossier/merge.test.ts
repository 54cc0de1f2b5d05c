import { describe, expect, it } from 'vitest';
import { applyFieldChanges, changedFrom, isMergeField, mergeSnapshots, sameValue } from './merge';

const base = { id: 'd1', status: 'received', applicantPhone: '0900000001', dueAt: '2026-12-01T10:00:00.000Z', form: { a: 1, b: [1, 2] }, assigneeId: null };

describe('field-by-field merge of dossier snapshots', () => {
  it('compares values by content, whatever the key order, with absent equal to null', () => {
    expect(sameValue({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
  });

  it('lists the previous values of the fields a change touched, never status or row version', () => {
    const next = { ...base, status: 'processing', rowVersion: 9, applicantPhone: '0900000002', form: { b: [1, 2], a: 1 } };
    expect(changedFrom(base, next)).toEqual({ applicantPhone: '0900000001' });
  });

  it('takes each side’s own changes and keeps the hub’s value where both changed, recording all three', () => {
    const local = { ...base, applicantPhone: '0900000002', assigneeId: 'u-local', form: { a: 2, b: [1, 2] } };
    const hub = { ...base, dueAt: '2026-12-05T10:00:00.000Z', assigneeId: 'u-hub', form: { a: 2, b: [1, 2] } };
    const { merged, conflicts } = mergeSnapshots(base, local, hub);
    expect(merged).toMatchObject({ applicantPhone: '0900000002', dueAt: '2026-12-05T10:00:00.000Z', assigneeId: 'u-hub', form: { a: 2, b: [1, 2] } });
    expect(conflicts).toEqual([{ field: 'assigneeId', base: null, local: 'u-local', hub: 'u-hub' }]);
  });

  it('on the hub applies a field only where it still holds the value the edit replaced', () => {
    const current = { ...base, applicantPhone: '0900000009' };
    const r = applyFieldChanges(current, { applicantPhone: '0900000001', dueAt: base.dueAt }, { ...base, applicantPhone: '0900000002', dueAt: '2026-12-09T10:00:00.000Z' });
    expect(r.applied).toEqual(['dueAt']);
    expect(r.merged).toMatchObject({ applicantPhone: '0900000009', dueAt: '2026-12-09T10:00:00.000Z' });
    expect(r.conflicts).toEqual([{ field: 'applicantPhone', base: '0900000001', local: '0900000002', hub: '0900000009' }]);
    // The same edit arriving again changes nothing and conflicts on nothing new.
    const again = applyFieldChanges(r.merged, { dueAt: base.dueAt }, { ...base, dueAt: '2026-12-09T10:00:00.000Z' });
    expect(again).toMatchObject({ applied: [], conflicts: [] });
    expect(isMergeField('applicantPhone')).toBe(true);
    expect(isMergeField('status')).toBe(false);
  });
});
