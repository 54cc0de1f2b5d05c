/**
 * Polls what the status bar shows: the hub link every ten seconds while the clerk is working, the
 * scanner and printer once and again whenever Settings changes them (the `motcua:devices-changed`
 * event). Calls a role may not make are not made: the badge then says "—".
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import type { ProvisionView } from '../../../shared/api/desk';
import type { SyncStatusView } from '../../../shared/api/sync';
import { api } from '../../api';
import type { Role } from '../../../shared/dossier/roles';
import type { StatusItem } from '../../components/StatusBar';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';
import { useDesk } from '../shell/desk-context';
import { printerItem, scannerItem, syncItem, trainingSyncItem } from './status-items';

export const SYNC_POLL_MS = 10_000;
const devicesChanged = 'motcua:devices-changed';

/** Settings calls this after changing the scanner, a printer or the hub link. */
export function announceDevicesChanged(): void {
  window.dispatchEvent(new Event(devicesChanged));
}

const scans = (role: Role) => role === 'clerk' || role === 'volunteer';
const prints = (role: Role) => role !== 'volunteer';

export function useStatusItems(role: Role): StatusItem[] {
  const { t, pick } = useI18n();
  const training = useDesk().info?.mode === 'training';
  const [sync, setSync] = useState<SyncStatusView>();
  const [provision, setProvision] = useState<ProvisionView | null>(null);
  const [scanners, setScanners] = useState<ApiOutput<'scanner.list'>>();
  const [printers, setPrinters] = useState<ApiOutput<'printer.list'>>();

  const loadDevices = useCallback(() => {
    if (scans(role)) void call('scanner.list', {}).then((r) => r.ok && setScanners(r.value));
    if (prints(role)) void call('printer.list', {}).then((r) => r.ok && setPrinters(r.value));
  }, [role]);

  useEffect(() => {
    let stopped = false;
    // Every call restarts the session's idle timer in the core, so the timer polls only when the
    // clerk pressed a key or the pointer since the last poll: an unattended counter still locks.
    let lastInput = Date.now();
    let lastPoll = 0;
    const onInput = () => { lastInput = Date.now(); };
    const poll = () => {
      lastPoll = Date.now();
      void call('sync.status', {}).then((r) => {
        if (stopped || !r.ok) return;
        setSync(r.value);
        // Not enrolled yet: how the package's enrolment stands (waiting for the hub, refused).
        if (r.value.state === 'not-enrolled') void api.call('desk.status', {}).then((d) => { if (!stopped && d.ok) setProvision(d.value.provision); });
      });
    };
    const tick = () => { if (lastInput >= lastPoll) poll(); };
    poll();
    loadDevices();
    const timer = window.setInterval(tick, SYNC_POLL_MS);
    const onChange = () => { poll(); loadDevices(); };
    window.addEventListener(devicesChanged, onChange);
    window.addEventListener('keydown', onInput, true);
    window.addEventListener('pointerdown', onInput, true);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener(devicesChanged, onChange);
      window.removeEventListener('keydown', onInput, true);
      window.removeEventListener('pointerdown', onInput, true);
    };
  }, [loadDevices]);

  return [
    training ? trainingSyncItem(t) : syncItem(t, sync, pick, provision),
    ...(scans(role) ? [scannerItem(t, scanners)] : []),
    ...(prints(role) ? [printerItem(t, printers)] : []),
  ];
}
