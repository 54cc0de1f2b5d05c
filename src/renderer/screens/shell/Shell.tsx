import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Role } from '../../../shared/dossier/roles';
import { HelpPanel } from '../../components/HelpPanel';
import { NavBar } from '../../components/NavBar';
import { StatusBar } from '../../components/StatusBar';
import { LeaveDialog } from '../../components/LeaveDialog';
import { useI18n } from '../../i18n';
import { DossierScreen } from '../dossier/DossierScreen';
import { HomeScreen } from '../home/HomeScreen';
import { IntakeScreen } from '../intake/IntakeScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { SearchScreen } from '../search/SearchScreen';
import { TodayScreen } from '../today/TodayScreen';
import { navFor, type Route } from './route';
import { VolunteerDraftsScreen } from '../volunteer-review/VolunteerDraftsScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { SyncProblemsScreen } from '../sync/SyncProblemsScreen';
import { useStatusItems } from '../status/use-status-items';
import { useDataInUse } from './desk-context';
import type { LeaveGuard } from '../intake/leave-guard';

export interface ShellProps {
  readonly user: { readonly displayName: string; readonly role: Role };
  readonly inert: boolean;
  readonly onLogout: () => void;
  /** Where the shell opens (after an unlock: the form the lock stashed); the role's first screen otherwise. */
  readonly initialRoute?: Route;
}

export function Shell({ user, inert, onLogout, initialRoute }: ShellProps) {
  const { t, toggle } = useI18n();
  // An administrator has no queue: the day starts in Settings (accounts, hub).
  const [route, setRoute] = useState<Route>(initialRoute ?? (user.role === 'admin' ? { name: 'settings' } : { name: 'today' }));
  const [help, setHelp] = useState(false);
  const dirty = useRef(false);
  const nav = useMemo(() => navFor(user.role), [user.role]);
  // 8a: a form with unsaved work asks before leaving (save draft / discard / stay).
  const guard = useRef<LeaveGuard | undefined>(undefined);
  const [leaving, setLeaving] = useState<Route>();
  const statusItems = useStatusItems(user.role);
  const data = useDataInUse();

  const go = useCallback((next: Route) => {
    if (guard.current) { setLeaving(next); return; }
    if (dirty.current && !window.confirm(t('nav.unsaved'))) return;
    dirty.current = false;
    setRoute(next);
  }, [t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (inert || leaving) return;
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
  }, [go, inert, toggle, nav, leaving]);

  const open = (id: string) => go({ name: 'dossier', id });
  const leave = async (choice: 'save' | 'discard') => {
    const target = leaving;
    await (choice === 'save' ? guard.current?.save() : guard.current?.discard());
    guard.current = undefined;
    dirty.current = false;
    setLeaving(undefined);
    if (target) setRoute(target);
  };
  const intakeProps = { onDirty: (d: boolean) => (dirty.current = d), onGuard: (g: LeaveGuard | undefined) => (guard.current = g), onOpen: open };
  return (
    <>
      <NavBar label={t('nav.label')} current={route.name === 'draft' ? 'intake' : route.name} onGo={(id) => go({ name: id } as Route)}
        items={nav.map((name, i) => ({ id: name, label: t(`nav.${name}`), shortcut: `Alt+${i + 1}` }))}
        end={<>
          <button type="button" onClick={() => setHelp(true)}>{t('shell.help')}</button>
          <button type="button" data-testid="logout" onClick={onLogout}>{t('shell.logout')}</button>
        </>} />
      <main className="content" inert={inert}>
        {route.name === 'today' && <TodayScreen onOpen={open} onOpenDraft={(id) => go({ name: 'draft', id })} showDrafts={user.role === 'clerk'} />}
        {route.name === 'intake' && <IntakeScreen {...intakeProps} />}
        {route.name === 'draft' && <IntakeScreen key={route.id} draftId={route.id} {...intakeProps} />}
        {route.name === 'settings' && <SettingsScreen role={user.role} />}
        {route.name === 'sync' && <SyncProblemsScreen />}
        {route.name === 'search' && <SearchScreen onOpen={open} />}
        {route.name === 'reports' && <ReportsScreen showAccess={user.role === 'leader' || user.role === 'admin'} />}
        {route.name === 'about' && <HomeScreen />}
        {route.name === 'drafts' && <VolunteerDraftsScreen onOpen={open} />}
        {route.name === 'dossier' && <DossierScreen key={route.id} id={route.id} showReaders={user.role === 'leader'} />}
      </main>
      <StatusBar data={data} user={user.displayName} role={t(`role.${user.role}`)}
        labels={{ user: t('status.user') }}
        pending={[]} pendingTitle={t('status.notYet')} items={statusItems} onItem={(id) => go({ name: id === 'sync' && nav.includes('sync') ? 'sync' : 'settings' })} />
      {help && (
        <HelpPanel heading={t('help.heading')} closeText={t('help.close')} onClose={() => setHelp(false)}
          lines={[t('help.nav'), t('help.f1'), t('help.search'), t('help.arrows'), t('help.save'), t('help.lang'), t('help.esc'), t('help.settings'), t('help.pages'), t('help.viewer'), ...(nav.includes('sync') ? [t('help.sync')] : [])]} />
      )}
      {leaving && (
        <LeaveDialog heading={t('leave.heading')} explain={t('leave.explain')} saveText={t('leave.save')} discardText={t('leave.discard')} stayText={t('leave.stay')}
          onSave={() => void leave('save')} onDiscard={() => void leave('discard')} onStay={() => setLeaving(undefined)} />
      )}
    </>
  );
}
