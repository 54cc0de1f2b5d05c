import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SESSION_IDLE_MS, type SessionUser } from '../../../shared/api/accounts';
import { BEFORE_LOCK_EVENT, SCREEN_LOCK_LEAD_MS, useIdleLock } from '../../hooks/use-idle-lock';
import type { AppInfo } from '../../../shared/api/app';
import type { DeskStatus } from '../../../shared/api/desk';
import type { ApiError } from '../../../shared/api/errors';
import type { LocalizedText } from '../../../shared/validation';
import { api } from '../../api';
import { AppHeader } from '../../components/AppHeader';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CredentialsForm } from '../../components/CredentialsForm';
import { ErrorPanel } from '../../components/ErrorPanel';
import { bothLanguages, useI18n } from '../../i18n';
import { ChoosePasswordScreen } from '../desk/ChoosePasswordScreen';
import { DESK_POLL_MS, showsProvisionProgress, switchTarget } from '../desk/desk-values';
import { FirstRunScreen, ProvisionScreen } from '../desk/FirstRunScreen';
import { ProvisionProgress } from '../desk/ProvisionProgress';
import { VolunteerShell } from '../volunteer/VolunteerShell';
import { setSessionListeners } from './call';
import { DeskContext, type DeskContextValue } from './desk-context';
import { takeStashedForm } from './lock-stash';
import { rememberSession, restoreSession } from './session-memory';
import { Shell } from './Shell';

type UserRecord = { id: string; username: string; displayName: string; role: SessionUser['role'] };

/** What the PC has open: asked first, before any sign-in (issue 12). `info` is absent while unset. */
type Load =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | { readonly kind: 'ready'; readonly desk: DeskStatus; readonly info: AppInfo | undefined };

interface Switching { readonly to: 'production' | 'training'; readonly busy: boolean; readonly error?: LocalizedText }

/**
 * No data yet → the first-run chooser; signed out → login (beside the provisioning progress on a
 * freshly provisioned PC); a password to choose → that form; signed in → the shell; locked → only
 * the lock form: the shell is unmounted, so nothing of a dossier stays on screen or in the DOM
 * (the New-dossier form autosaves as it is typed and is stashed in memory, `lock-stash.ts`, then
 * reopened after the unlock; a volunteer's step is saved as the lock comes).
 * The training sandbox is marked on every one of them.
 */
export function App() {
  const { t, pick, toggle } = useI18n();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const desk = load.kind === 'ready' ? load.desk : undefined;
  const info = load.kind === 'ready' ? load.info : undefined;
  const [user, setUser] = useState<UserRecord>();
  const [locked, setLocked] = useState(false);
  const [mustChange, setMustChange] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<LocalizedText>();
  const [switching, setSwitching] = useState<Switching>();
  const [provisioning, setProvisioning] = useState(false);

  /** Asks the core what is open, then (unless nothing is) the app info of that data. */
  const refresh = useCallback(async (known?: DeskStatus) => {
    let next = known;
    if (!next) {
      const d = await api.call('desk.status', {});
      if (!d.ok) return setLoad({ kind: 'failed', error: d.error });
      next = d.value;
    }
    if (next.mode === 'unset') return setLoad({ kind: 'ready', desk: next, info: undefined });
    const i = await api.call('app.info', {});
    if (!i.ok) return setLoad({ kind: 'failed', error: i.error });
    setLoad({ kind: 'ready', desk: next, info: i.value });
  }, []);
  useEffect(() => { void refresh(); }, [refresh]);

  /** Only the desk status (polled): a change of mode or readiness reloads the app info too. */
  const current = useRef(desk);
  current.current = desk;
  const refreshDesk = useCallback(async () => {
    const d = await api.call('desk.status', {});
    if (!d.ok) return;
    const before = current.current;
    if (!before || before.mode !== d.value.mode || before.productionReady !== d.value.productionReady) return refresh(d.value);
    setLoad((l) => (l.kind === 'ready' ? { ...l, desk: d.value } : l));
  }, [refresh]);

  const signedOut = useCallback((message?: LocalizedText) => {
    // Someone else may sign in next: a stashed form never crosses to them.
    takeStashedForm();
    rememberSession(undefined);
    setUser(undefined);
    setLocked(false);
    setMustChange(false);
    setNotice(message);
  }, []);

  /** Locks the screen: forms save (or stash) what is typed, then the shell goes (see the App comment). */
  const lockNow = useCallback(() => {
    window.dispatchEvent(new Event(BEFORE_LOCK_EVENT));
    setLocked(true);
  }, []);
  /** A form the lock stashed, saved and reopened once the person is back. */
  const [reopen, setReopen] = useState<string>();

  // A reload keeps the session (session-memory.ts): ask the core who the kept token is, and
  // whether it is locked or must choose a password, before showing the login form.
  const [restoring, setRestoring] = useState(restoreSession);
  useEffect(() => {
    if (!restoring) return;
    void api.call('session.current', {}).then((r) => {
      if (r.ok && r.value.user) {
        setUser(r.value.user);
        setLocked(r.value.locked);
        setMustChange(r.value.mustChangePassword);
      } else rememberSession(undefined);
      setRestoring(false);
    });
  }, [restoring]);

  useEffect(() => {
    setSessionListeners({
      locked: lockNow,
      signedOut: (error) => signedOut(error.message),
      mustChangePassword: () => setMustChange(true),
      notSetUp: () => { signedOut(); void refresh(); },
    });
    return () => setSessionListeners({});
  }, [signedOut, refresh, lockNow]);

  // The window's title carries the mark too (taskbar, Alt+Tab).
  const training = info?.mode === 'training';
  useEffect(() => { document.title = training ? `${t('training.mark')} — ${t('app.title')}` : t('app.title'); }, [training, t]);

  // A freshly provisioned PC: the enrolment and the first administrator's password are followed
  // on the login screen (the core enrols by itself; a dropped-in state changes under us).
  const following = !user && showsProvisionProgress(desk);
  useEffect(() => {
    if (!following) return;
    const timer = window.setInterval(() => void refreshDesk(), DESK_POLL_MS);
    return () => window.clearInterval(timer);
  }, [following, refreshDesk]);

  const login = useCallback(async (username: string, password: string) => {
    setBusy(true);
    const r = await api.call('session.login', { username, password });
    setBusy(false);
    if (!r.ok) return setNotice(r.error.message);
    rememberSession(r.value.token);
    setNotice(undefined);
    setUser(r.value.user);
    setMustChange(r.value.mustChangePassword);
  }, []);

  const unlock = useCallback(async (_: string, password: string) => {
    setBusy(true);
    const r = await api.call('session.unlock', { password });
    setBusy(false);
    if (!r.ok) return setNotice(r.error.message);
    setNotice(undefined);
    const form = takeStashedForm();
    const saved = form ? await api.call('draft.save', form) : undefined;
    setReopen(saved?.ok ? form?.id : undefined);
    setLocked(false);
  }, []);

  useIdleLock(user !== undefined && !locked, SESSION_IDLE_MS - SCREEN_LOCK_LEAD_MS, lockNow);

  const logout = useCallback(async () => {
    await api.call('session.logout', {});
    signedOut();
  }, [signedOut]);

  const passwordChosen = useCallback(() => {
    setMustChange(false);
    void refreshDesk();
  }, [refreshDesk]);

  const target = switchTarget(desk);
  const requestSwitch = useMemo(() => (target ? () => setSwitching({ to: target, busy: false }) : undefined), [target]);
  const doSwitch = async () => {
    if (!switching || switching.busy) return;
    setSwitching({ ...switching, busy: true });
    const r = await api.call('desk.switch', { to: switching.to });
    if (!r.ok) return setSwitching({ ...switching, busy: false, error: r.error.message });
    // The core signed everyone out: the kept token means nothing now.
    signedOut();
    setProvisioning(false);
    await refresh(r.value);
    setSwitching(undefined);
  };

  const afterTrainingReset = useCallback(() => {
    void api.call('session.current', {}).then((r) => {
      if (!(r.ok && r.value.user)) signedOut(bothLanguages('trainingReset.done'));
      void refresh();
    });
  }, [signedOut, refresh]);

  const context = useMemo<DeskContextValue>(
    () => ({ desk, info, selfId: user?.id, requestSwitch, afterTrainingReset }),
    [desk, info, user?.id, requestSwitch, afterTrainingReset],
  );

  const header = (
    <AppHeader title={t('app.title')} subtitle={t('app.subtitle')} {...(info ? { office: info.commune.name } : {})}
      {...(training ? { training: { mark: t('training.mark'), explain: t('training.explain') } } : {})}
      switchText={t('lang.switch')} switchLabel={t('lang.switchLabel')} onSwitchLanguage={toggle} />
  );
  const switchDialog = switching && (
    <ConfirmDialog testId="switch-dialog" heading={switching.to === 'training' ? t('data.toTrainingHeading') : t('data.toRealHeading')}
      confirmText={switching.busy ? t('data.switching') : t('data.switchConfirm')} cancelText={t('data.stay')} busy={switching.busy}
      {...(switching.error ? { error: pick(switching.error) } : {})} onConfirm={() => void doSwitch()} onCancel={() => setSwitching(undefined)}>
      <p>{t('data.switchExplain')}</p>
      <p>{switching.to === 'training' ? t('data.toTrainingNote') : t('data.toRealNote')}</p>
    </ConfirmDialog>
  );
  const page = (main: React.ReactNode) => (
    <DeskContext.Provider value={context}>
      <div className="app">
        {header}
        {main}
        {switchDialog}
      </div>
    </DeskContext.Provider>
  );

  if (load.kind === 'loading' || (!user && restoring)) return page(<main className="content center" aria-busy="true" />);
  if (load.kind === 'failed') {
    return page(
      <main className="content center">
        <div>
          <h2>{t('firstRun.loadFailed')}</h2>
          <ErrorPanel message={pick(load.error.message)} retryText={t('home.retry')} onRetry={() => { setLoad({ kind: 'loading' }); void refresh(); }} />
        </div>
      </main>,
    );
  }
  if (load.desk.mode === 'unset') {
    return page(<main className="content center"><FirstRunScreen desk={load.desk} onChanged={(d) => void refresh(d)} /></main>);
  }
  if (!user && provisioning) {
    return page(
      <main className="content center">
        <ProvisionScreen desk={load.desk} onChanged={(d) => { setProvisioning(false); void refresh(d); }} onBack={() => setProvisioning(false)} />
      </main>,
    );
  }
  if (!user) {
    return page(
      <main className="content center login-page">
        {showsProvisionProgress(load.desk) && load.desk.provision && <ProvisionProgress provision={load.desk.provision} />}
        <div className="login-column">
          <CredentialsForm testId="login-form" heading={t('login.heading')} usernameLabel={t('login.username')} passwordLabel={t('login.password')}
            submitText={busy ? t('login.busy') : t('login.submit')} busy={busy} {...(notice ? { error: pick(notice) } : {})} onSubmit={(u, p) => void login(u, p)} />
          <DataInUseBox desk={load.desk} commune={info?.commune.name ?? ''} onSwitch={requestSwitch} onProvision={() => setProvisioning(true)} />
        </div>
      </main>,
    );
  }
  if (mustChange) {
    return page(
      <main className="content center">
        <ChoosePasswordScreen username={user.username} onDone={passwordChosen} onLogout={() => void logout()} />
      </main>,
    );
  }
  if (locked) {
    return page(
      <main className="content center lock-page" data-testid="lock-page">
        <CredentialsForm testId="lock-form" heading={t('lock.heading')} explain={t('lock.explain')} passwordLabel={t('login.password')}
          submitText={t('lock.submit')} busy={busy} {...(notice ? { error: pick(notice) } : {})} onSubmit={(u, p) => void unlock(u, p)}
          extra={<button type="button" onClick={() => void logout()}>{t('lock.logout')}</button>} />
      </main>,
    );
  }
  const inert = switching !== undefined;
  return page(
    <>
      {user.role === 'volunteer'
        ? <VolunteerShell user={user} onLogout={() => void logout()} inert={inert} />
        : <Shell user={user} onLogout={() => void logout()} inert={inert} {...(reopen ? { initialRoute: { name: 'draft' as const, id: reopen } } : {})} />}
    </>,
  );
}

interface DataInUseBoxProps {
  readonly desk: DeskStatus;
  readonly commune: string;
  readonly onSwitch: (() => void) | undefined;
  readonly onProvision: () => void;
}

/** Under the login form: which data is open, and the way to the other (or, on a training-only PC, to the commune's package). */
function DataInUseBox({ desk, commune, onSwitch, onProvision }: DataInUseBoxProps) {
  const { t } = useI18n();
  const training = desk.mode === 'training';
  return (
    <section className="data-in-use" data-testid="login-data" aria-labelledby="login-data-h">
      <h2 id="login-data-h">{t('data.current')}</h2>
      <p><b>{training ? t('data.training') : t('data.real')}</b>: {commune}</p>
      {onSwitch && (
        <button type="button" data-testid="login-switch" onClick={onSwitch}>{training ? t('data.openReal') : t('data.openTraining')}</button>
      )}
      {training && !desk.productionReady && (
        <button type="button" data-testid="login-provision" onClick={onProvision}>{t('firstRun.provision')}</button>
      )}
    </section>
  );
}
