import { useCallback, useEffect, useState } from 'react';
import type { SessionUser } from '../../../shared/api/accounts';
import type { AppInfo } from '../../../shared/api/app';
import { api } from '../../api';
import { AppHeader } from '../../components/AppHeader';
import { CredentialsForm } from '../../components/CredentialsForm';
import { useI18n } from '../../i18n';
import { setLockListener } from './call';
import { rememberSession, restoreSession } from './session-memory';
import { Shell } from './Shell';
import { VolunteerShell } from '../volunteer/VolunteerShell';

type UserRecord = { id: string; username: string; displayName: string; role: SessionUser['role'] };

/** Signed out → login; signed in → the shell; locked → the lock form over the shell (kept mounted). */
export function App() {
  const { t, pick, toggle } = useI18n();
  const [info, setInfo] = useState<AppInfo>();
  const [user, setUser] = useState<UserRecord>();
  const [locked, setLocked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  // A reload keeps the session (session-memory.ts): ask the core who the kept token is, and
  // whether it is locked, before showing the login form.
  const [restoring, setRestoring] = useState(restoreSession);
  useEffect(() => {
    if (!restoring) return;
    void api.call('session.current', {}).then((r) => {
      if (r.ok && r.value.user) {
        setUser(r.value.user);
        setLocked(r.value.locked);
      } else rememberSession(undefined);
      setRestoring(false);
    });
  }, [restoring]);

  useEffect(() => {
    void api.call('app.info', {}).then((r) => r.ok && setInfo(r.value));
    setLockListener(() => setLocked(true));
    return () => setLockListener(undefined);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    setBusy(true);
    const r = await api.call('session.login', { username, password });
    setBusy(false);
    if (!r.ok) return setError(pick(r.error.message));
    rememberSession(r.value.token);
    setError(undefined);
    setUser(r.value.user);
  }, [pick]);

  const unlock = useCallback(async (_: string, password: string) => {
    setBusy(true);
    const r = await api.call('session.unlock', { password });
    setBusy(false);
    if (!r.ok) return setError(pick(r.error.message));
    setError(undefined);
    setLocked(false);
  }, [pick]);

  const logout = useCallback(async () => {
    await api.call('session.logout', {});
    rememberSession(undefined);
    setUser(undefined);
    setLocked(false);
  }, []);

  const header = (
    <AppHeader title={t('app.title')} subtitle={t('app.subtitle')} {...(info ? { office: info.commune.name } : {})}
      switchText={t('lang.switch')} switchLabel={t('lang.switchLabel')} onSwitchLanguage={toggle} />
  );
  const banner = info?.commune.demo ? <p className="demo-banner" role="status" data-testid="demo-banner">{t('app.demoBanner')}</p> : null;

  if (!user && restoring) {
    return <div className="app">{header}<main className="content center" aria-busy="true" /></div>;
  }
  if (!user) {
    return (
      <div className="app">
        {header}
        {banner}
        <main className="content center">
          <CredentialsForm testId="login-form" heading={t('login.heading')} usernameLabel={t('login.username')} passwordLabel={t('login.password')}
            submitText={busy ? t('login.busy') : t('login.submit')} busy={busy} {...(error ? { error } : {})} onSubmit={(u, p) => void login(u, p)} />
        </main>
      </div>
    );
  }
  return (
    <div className="app">
      {header}
      {banner}
      {user.role === 'volunteer'
        ? <VolunteerShell user={user} commune={info?.commune.name ?? ''} onLogout={() => void logout()} inert={locked} />
        : <Shell user={user} commune={info?.commune.name ?? ''} onLogout={() => void logout()} inert={locked} />}
      {locked && (
        <div className="overlay" role="dialog" aria-modal="true" aria-label={t('lock.heading')}>
          <CredentialsForm testId="lock-form" heading={t('lock.heading')} explain={t('lock.explain')} passwordLabel={t('login.password')}
            submitText={t('lock.submit')} busy={busy} {...(error ? { error } : {})} onSubmit={(u, p) => void unlock(u, p)}
            extra={<button type="button" onClick={() => void logout()}>{t('lock.logout')}</button>} />
        </div>
      )}
    </div>
  );
}
