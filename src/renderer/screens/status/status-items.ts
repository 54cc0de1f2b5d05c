/**
 * What the status bar says about the hub link, the scanner and the printer, as pure functions of
 * the API's answers, so the words are tested apart from the polling.
 */
import type { ApiOutput } from '../../../shared/api/contract';
import type { ProvisionView } from '../../../shared/api/desk';
import type { SyncStatusView } from '../../../shared/api/sync';
import type { StatusItem } from '../../components/StatusBar';
import type { MessageKey } from '../../i18n/vi';

type T = (key: MessageKey) => string;

/** "2026-11-23T03:05:00Z" → "10:05 23/11" on the office clock (Vietnam, UTC+7, no DST). */
export function officeTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}`;
}

/**
 * The hub link's word, followed by the conflicts and refusals still waiting for the clerk, so a
 * problem shows on the bar whatever the link's state (issue 7: surfaced to the clerk).
 */
export function syncItem(t: T, status: SyncStatusView | undefined, pick: (text: { vi: string; en: string }) => string, provision?: ProvisionView | null): StatusItem {
  const item = syncStateItem(t, status, pick, provision);
  const problems = [
    status?.conflicts ? `${status.conflicts} ${t('sync.conflictsShort')}` : '',
    status?.rejected ? `${status.rejected} ${t('sync.rejectedShort')}` : '',
  ].filter((p) => p !== '');
  if (problems.length === 0) return item;
  return { ...item, value: [item.value, ...problems].join(' · '), tone: item.tone === 'bad' ? 'bad' : 'warn' };
}

/** The training copy is never synced: the badge says so instead of "not enrolled". */
export function trainingSyncItem(t: T): StatusItem {
  return { id: 'sync', label: t('status.syncLabel'), value: t('sync.training'), tone: 'muted', title: t('hub.training') };
}

function syncStateItem(t: T, status: SyncStatusView | undefined, pick: (text: { vi: string; en: string }) => string, provision?: ProvisionView | null): StatusItem {
  const base = { id: 'sync', label: t('status.syncLabel') };
  if (status === undefined) return { ...base, value: t('status.unknown'), tone: 'muted', title: t('status.openSettings') };
  const title = status.lastError ? pick(status.lastError.message) : status.hubUrl ?? t('status.openSettings');
  switch (status.state) {
    case 'not-enrolled': {
      // A provisioned PC enrols by itself (issue 12): say it waits for the hub, or was refused, with the last attempt's words.
      const why = provision?.lastError ? pick(provision.lastError.message) : provision?.hubUrl ?? title;
      if (provision?.enrolment === 'pending') return { ...base, value: t('hub.pending'), tone: 'warn', title: why };
      if (provision?.enrolment === 'refused') return { ...base, value: t('hub.refused'), tone: 'bad', title: why };
      return { ...base, value: t('sync.not-enrolled'), tone: 'warn', title };
    }
    case 'synced':
      return { ...base, value: t('sync.synced'), tone: 'ok', title };
    case 'waiting':
      return { ...base, value: `${status.waiting} ${t('sync.waiting')}`, tone: 'warn', title };
    case 'syncing':
      return { ...base, value: status.waiting > 0 ? `${status.waiting} ${t('sync.waiting')}` : t('sync.syncing'), tone: 'warn', title };
    case 'offline':
      return { ...base, value: status.offlineSince ? `${t('sync.offlineSince')} ${officeTime(status.offlineSince)}` : t('sync.offline'), tone: 'bad', title };
    case 'error':
      return { ...base, value: t('sync.error'), tone: 'bad', title };
  }
}

export function scannerItem(t: T, list: ApiOutput<'scanner.list'> | undefined): StatusItem {
  const base = { id: 'scanner', label: t('status.scannerLabel'), title: t('status.openSettings') };
  if (list === undefined) return { ...base, value: t('status.unknown'), tone: 'muted' };
  const chosen = list.scanners.find((s) => s.id === list.defaultId);
  if (chosen) return { ...base, value: chosen.label, tone: 'ok', title: `${chosen.id} — ${t('status.openSettings')}` };
  return { ...base, value: list.defaultId ?? t('status.none'), tone: 'warn' };
}

export function printerItem(t: T, list: ApiOutput<'printer.list'> | undefined): StatusItem {
  const base = { id: 'printer', label: t('status.printerLabel'), title: t('status.openSettings') };
  if (list === undefined) return { ...base, value: t('status.unknown'), tone: 'muted' };
  const names = [...new Set([list.receiptPrinter, list.a4Printer].filter((n): n is string => n !== null))];
  if (names.length === 0) {
    const system = list.printers.find((p) => p.isDefault);
    return { ...base, value: system?.name ?? t('status.none'), tone: system ? 'ok' : 'warn' };
  }
  const disabled = names.some((n) => list.printers.find((p) => p.name === n)?.enabled === false);
  return { ...base, value: names.join(', '), tone: disabled ? 'bad' : 'ok' };
}
