import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Role } from '../../../shared/dossier/roles';
import { HelpPanel } from '../../components/HelpPanel';
import { NavBar } from '../../components/NavBar';
import { StatusBar } from '../../components/StatusBar';
import { useI18n } from '../../i18n';
import { DossierScreen } from '../dossier/DossierScreen';
import { HomeScreen } from '../home/HomeScreen';
import { IntakeScreen } from '../intake/IntakeScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { SearchScreen } from '../search/SearchScreen';
import { TodayScreen } from '../today/TodayScreen';
import { navFor, type Route } from './route';
import { VolunteerDraftsScreen } from '../volunteer-review/VolunteerDraftsScreen';

export interface ShellProps {
  readonly user: { readonly displayName: string; readonly role: Role };
  readonly commune: string;
  readonly inert: boolean;
  readonly onLogout: () => void;
}

export function Shell({ user, commune, inert, onLogout }: ShellProps) {
  const { t, toggle } = useI18n();
  const [route, setRoute] = useState<Route>({ name: 'today' });
  const [help, setHelp] = useState(false);
  const dirty = useRef(false);
  const nav = useMemo(() => navFor(user.role), [user.role]);

  const go = useCallback((next: Route) => {
    if (dirty.current && !window.confirm(t('nav.unsaved'))) return;
    dirty.current = false;
    setRoute(next);
  }, [t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (inert) return;
      if (e.key === 'F1') { e.preventDefault(); setHelp((h) => !h); return; }
      if (e.key === 'Escape') setHelp(false);
      if (e.altKey && /^[1-9]$/.test(e.key)) {
        e.preventDefault();
        const name = nav[Number(e.key) - 1];
        if (name) go({ name });
      }
      if (e.altKey && e.key.toLowerCase() === 'l') { e.preventDefault(); toggle(); }
      if (e.ctrlKey && e.key.toLowerCase() === 'k') { e.preventDefault(); go({ name: 'search' }); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, inert, toggle, nav]);

  const open = (id: string) => go({ name: 'dossier', id });
  return (
    <>
      <NavBar label={t('nav.label')} current={route.name} onGo={(id) => go({ name: id } as Route)}
        items={nav.map((name, i) => ({ id: name, label: t(`nav.${name}`), shortcut: `Alt+${i + 1}` }))}
        end={<>
          <button type="button" onClick={() => setHelp(true)}>{t('shell.help')}</button>
          <button type="button" data-testid="logout" onClick={onLogout}>{t('shell.logout')}</button>
        </>} />
      <main className="content" inert={inert}>
        {route.name === 'today' && <TodayScreen onOpen={open} />}
        {route.name === 'intake' && <IntakeScreen onDirty={(d) => (dirty.current = d)} onOpen={open} />}
        {route.name === 'search' && <SearchScreen onOpen={open} />}
        {route.name === 'reports' && <ReportsScreen />}
        {route.name === 'about' && <HomeScreen />}
        {route.name === 'drafts' && <VolunteerDraftsScreen onOpen={open} />}
        {route.name === 'dossier' && <DossierScreen key={route.id} id={route.id} />}
      </main>
      <StatusBar commune={commune} user={user.displayName} role={t(`role.${user.role}`)}
        labels={{ commune: t('status.commune'), user: t('status.user'), role: t('status.role') }}
        pending={[t('status.sync'), t('status.scanner'), t('status.printer')]} pendingTitle={t('status.notYet')} />
      {help && (
        <HelpPanel heading={t('help.heading')} closeText={t('help.close')} onClose={() => setHelp(false)}
          lines={[t('help.nav'), t('help.f1'), t('help.search'), t('help.arrows'), t('help.save'), t('help.lang'), t('help.esc')]} />
      )}
    </>
  );
}
