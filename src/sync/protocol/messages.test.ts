import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, pullQuery, pullResponse, pushRequest } from './messages';

describe('sync protocol v1', () => {
  const m = { seq: 1, key: '0192f0c8-0000-7000-8000-000000000001', kind: 'dossier.received', entityId: 'd1', payload: {} };

  it('takes a push batch of 1–500 mutations with positive seqs, for this protocol version only', () => {
    expect(pushRequest.safeParse({ protocol: PROTOCOL_VERSION, deviceId: 'x', mutations: [m] }).success).toBe(true);
    expect(pushRequest.safeParse({ protocol: PROTOCOL_VERSION, deviceId: 'x', mutations: [] }).success).toBe(false);
    expect(pushRequest.safeParse({ protocol: PROTOCOL_VERSION, deviceId: 'x', mutations: [{ ...m, seq: 0 }] }).success).toBe(false);
    expect(pushRequest.safeParse({ protocol: 2, deviceId: 'x', mutations: [m] }).success).toBe(false);
  });

  it('reads the cursor as the hub counter (a non-negative integer, never a date) and bounds the page', () => {
    expect(pullQuery.parse({ cursor: '42' })).toEqual({ cursor: 42, limit: 500, wait: 0 });
    expect(pullQuery.safeParse({ cursor: '2026-11-23T01:00:00Z' }).success).toBe(false);
    expect(pullQuery.safeParse({ limit: '5000' }).success).toBe(false);
  });

  it('answers a pull with a page or a resync, nothing else', () => {
    expect(pullResponse.parse({ kind: 'page', items: [{ type: 'holidays', version: 3, year: 2027, overlay: {} }], cursor: 3, hasMore: false }).kind).toBe('page');
    expect(pullResponse.parse({ kind: 'resync-required', message: { vi: 'a', en: 'b' } }).kind).toBe('resync-required');
    expect(pullResponse.safeParse({ kind: 'page', items: [{ type: 'account', version: 1 }], cursor: 1, hasMore: false }).success).toBe(false);
  });
});
