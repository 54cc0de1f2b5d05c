import { useEffect, useRef, useState } from 'react';
import type { DeskStatus } from '../../../shared/api/desk';
import type { LocalizedText } from '../../../shared/validation';
import { api } from '../../api';
import { bothLanguages, useI18n } from '../../i18n';
import { DESK_POLL_MS, MAX_PACKAGE_BYTES } from './desk-values';

/**
 * A PC with no data yet (mode 'unset'): two big choices. "Cài đặt cho xã" opens the screen that
 * takes the data centre's package; "Dùng thử / Đào tạo" opens the training sandbox at once.
 */
export function FirstRunScreen({ desk, onChanged }: { readonly desk: DeskStatus; readonly onChanged: (next: DeskStatus) => void }) {
  const { t, pick } = useI18n();
  const [view, setView] = useState<'choose' | 'provision'>('choose');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LocalizedText>();

  const training = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const r = await api.call('desk.switch', { to: 'training' });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    onChanged(r.value);
  };

  if (view === 'provision') return <ProvisionScreen desk={desk} onChanged={onChanged} onBack={() => setView('choose')} />;
  return (
    <section className="first-run" data-testid="first-run" aria-labelledby="first-run-h">
      <h2 id="first-run-h">{t('firstRun.heading')}</h2>
      <p>{t('firstRun.explain')}</p>
      <div className="choices">
        <button type="button" className="choice" data-testid="choose-provision" autoFocus onClick={() => setView('provision')}>
          <strong>{t('firstRun.provision')}</strong>
          <span>{t('firstRun.provisionExplain')}</span>
        </button>
        <button type="button" className="choice" data-testid="choose-training" aria-disabled={busy ? true : undefined} onClick={() => void training()}>
          <strong>{t('firstRun.training')}</strong>
          <span>{busy ? t('firstRun.opening') : t('firstRun.trainingExplain')}</span>
        </button>
      </div>
      {error && <p className="field-error" role="alert" data-testid="first-run-error">{pick(error)}</p>}
    </section>
  );
}

export interface ProvisionScreenProps {
  readonly desk: DeskStatus;
  readonly onChanged: (next: DeskStatus) => void;
  readonly onBack: () => void;
}

/**
 * Where to put the package, a button to look there again, and a file picker. The core also applies
 * a file dropped into those folders by itself, so the screen asks for the desk status every few
 * seconds and moves on when the PC has its commune. An error keeps the screen as it was.
 */
export function ProvisionScreen({ desk, onChanged, onBack }: ProvisionScreenProps) {
  const { t, pick } = useI18n();
  const [paths, setPaths] = useState(desk.packagePaths);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LocalizedText>();
  const file = useRef<HTMLInputElement>(null);
  const start = useRef(desk);
  const changed = useRef(onChanged);
  changed.current = onChanged;

  useEffect(() => {
    let stopped = false;
    const timer = window.setInterval(() => {
      void api.call('desk.status', {}).then((r) => {
        if (stopped || !r.ok) return;
        setPaths(r.value.packagePaths);
        if (r.value.mode !== start.current.mode || r.value.productionReady !== start.current.productionReady) changed.current(r.value);
      });
    }, DESK_POLL_MS);
    return () => { stopped = true; window.clearInterval(timer); };
  }, []);

  const provision = async (input: { fileText: string } | { fromKnownPaths: true }) => {
    setBusy(true);
    setError(undefined);
    const r = await api.call('desk.provision', input);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    onChanged(r.value);
  };

  const picked = async () => {
    const chosen = file.current?.files?.[0];
    if (!chosen || busy) return;
    // The same file may be chosen again after the data centre fixed something.
    if (file.current) file.current.value = '';
    if (chosen.size > MAX_PACKAGE_BYTES) return setError(bothLanguages('provision.tooBig'));
    let text: string;
    try {
      text = await chosen.text();
    } catch {
      return setError(bothLanguages('provision.unreadable'));
    }
    if (text.trim() === '') return setError(bothLanguages('provision.unreadable'));
    await provision({ fileText: text });
  };

  return (
    <section className="provision-screen" data-testid="provision-screen" aria-labelledby="provision-h" aria-busy={busy}>
      <h2 id="provision-h">{t('provision.heading')}</h2>
      <p id="provision-where">{t('provision.where')}</p>
      <ul className="package-paths" data-testid="package-paths" aria-labelledby="provision-where">
        {paths.map((p) => <li key={p} className="code">{p}</li>)}
      </ul>
      <p className="muted" role="status">{busy ? t('provision.checking') : t('provision.watching')}</p>
      <div className="row">
        <button type="button" className="primary" data-testid="provision-look-again" autoFocus aria-disabled={busy ? true : undefined}
          onClick={() => { if (!busy) void provision({ fromKnownPaths: true }); }}>{t('provision.lookAgain')}</button>
      </div>
      {/* The browser's own file button speaks the browser's language: this one speaks Vietnamese. The input stays focusable (visually hidden) and the label shows its focus. */}
      <p id="provision-pick-hint">{t('provision.pick')}</p>
      <label className="file-button" htmlFor="provision-file">{t('provision.chooseFile')}
        <input id="provision-file" className="sr-only" ref={file} type="file" accept=".motcua" data-testid="provision-file"
          aria-describedby={error ? 'provision-pick-hint provision-error' : 'provision-pick-hint'} onChange={() => void picked()} />
      </label>
      {error && <p className="field-error" id="provision-error" role="alert" data-testid="provision-error">{pick(error)}</p>}
      <p className="muted">{t('provision.ask')}</p>
      <button type="button" data-testid="provision-back" disabled={busy} onClick={onBack}>{t('provision.back')}</button>
    </section>
  );
}
