import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../shared/api/sync';
import { vi as viText, type MessageKey } from '../../i18n/vi';
import { officeTime, printerItem, scannerItem, syncItem, trainingSyncItem } from './status-items';

const t = (key: MessageKey) => viText[key];
const pick = (text: { vi: string; en: string }) => text.vi;
const base: SyncStatusView = {
  state: 'synced', enrolled: true, hubUrl: 'https://hub.example', waiting: 0, attachmentsWaiting: 0, rejected: 0, conflicts: 0,
  lastSuccessAt: null, lastAttemptAt: null, offlineSince: null, lastError: null,
} as SyncStatusView;

describe('status bar wording', () => {
  it('says not enrolled, synced, N waiting and offline since a time on the office clock', () => {
    expect(syncItem(t, { ...base, state: 'not-enrolled', enrolled: false, hubUrl: null }, pick)).toMatchObject({ value: 'chưa đăng ký', tone: 'warn' });
    expect(syncItem(t, base, pick)).toMatchObject({ value: 'đã đồng bộ', tone: 'ok' });
    expect(syncItem(t, { ...base, state: 'waiting', waiting: 12 }, pick)).toMatchObject({ value: '12 chờ gửi', tone: 'warn' });
    // 02:30 UTC is 09:30 in Hà Nội.
    expect(syncItem(t, { ...base, state: 'offline', offlineSince: '2026-11-23T02:30:00.000Z' }, pick)).toMatchObject({ value: 'mất kết nối từ 09:30 23/11', tone: 'bad' });
    expect(syncItem(t, undefined, pick).value).toBe('—');
    expect(officeTime('2026-12-31T17:05:00.000Z')).toBe('00:05 01/01');
  });

  it('says a provisioned PC waits for the hub, or was refused, instead of "not enrolled"', () => {
    const notEnrolled = { ...base, state: 'not-enrolled' as const, enrolled: false, hubUrl: null };
    const provision = {
      commune: { name: 'UBND xã Hoà Bình Thử', agencyCode: '000.00.12.T12', province: 'Tỉnh Thử Nghiệm' }, slot: 1, hubUrl: 'https://hub.example.invalid',
      appliedAt: '2026-12-08T01:00:00.000Z', enrolment: 'pending' as const, lastError: { code: 'sync.hub-unreachable', message: { vi: 'Không kết nối được', en: 'Unreachable' } }, firstAdminPending: null,
    };
    expect(syncItem(t, notEnrolled, pick, provision)).toMatchObject({ value: 'đang chờ máy chủ thành phố', tone: 'warn', title: 'Không kết nối được' });
    expect(syncItem(t, notEnrolled, pick, { ...provision, enrolment: 'refused' })).toMatchObject({ value: 'bị từ chối', tone: 'bad' });
    expect(syncItem(t, notEnrolled, pick, null).value).toBe('chưa đăng ký');
  });

  it('says the training copy is never synced', () => {
    expect(trainingSyncItem(t)).toMatchObject({ id: 'sync', value: 'không đồng bộ (bản đào tạo)', tone: 'muted' });
  });

  it('adds the open conflicts and unseen refusals to any state, at least as a warning', () => {
    expect(syncItem(t, { ...base, conflicts: 2, rejected: 1 }, pick)).toMatchObject({ value: 'đã đồng bộ · 2 xung đột · 1 bị từ chối', tone: 'warn' });
    expect(syncItem(t, { ...base, state: 'offline', offlineSince: null, conflicts: 1 }, pick)).toMatchObject({ value: 'mất kết nối · 1 xung đột', tone: 'bad' });
  });

  it('names the chosen scanner and the printers in use, and says when none is chosen', () => {
    const scanners = { defaultId: 'sane:test:0', scanners: [{ id: 'sane:test:0', driver: 'sane' as const, label: 'Máy quét thử', isDefault: true }] };
    expect(scannerItem(t, scanners)).toMatchObject({ value: 'Máy quét thử', tone: 'ok' });
    expect(scannerItem(t, { defaultId: null, scanners: [] })).toMatchObject({ value: 'chưa chọn', tone: 'warn' });
    const printers = [{ name: 'MotcuaPDF', isDefault: true, enabled: true }, { name: 'Roll', isDefault: false, enabled: false }];
    expect(printerItem(t, { printers, receiptPrinter: 'Roll', a4Printer: 'MotcuaPDF' })).toMatchObject({ value: 'Roll, MotcuaPDF', tone: 'bad' });
    expect(printerItem(t, { printers, receiptPrinter: null, a4Printer: null })).toMatchObject({ value: 'MotcuaPDF', tone: 'ok' });
    expect(printerItem(t, { printers: [], receiptPrinter: null, a4Printer: null })).toMatchObject({ value: 'chưa chọn', tone: 'warn' });
  });
});
