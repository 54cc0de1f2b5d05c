import { useEffect, useState } from 'react';
import { HelpPanel } from '../../components/HelpPanel';
import { NavBar } from '../../components/NavBar';
import { StatusBar } from '../../components/StatusBar';
import { useI18n } from '../../i18n';
import { useDataInUse } from '../shell/desk-context';
import { VolunteerWizard } from './VolunteerWizard';

export interface VolunteerShellProps {
  readonly user: { readonly displayName: string };
  readonly inert: boolean;
  readonly onLogout: () => void;
}

/**
 * What a volunteer sees instead of the clerk's shell: only the guided entry. No Today, search,
 * dossier or reports routes exist here at all; the core refuses those calls by role as well.
 */
export function VolunteerShell({ user, inert, onLogout }: VolunteerShellProps) {
  const { t, toggle } = useI18n();
  const data = useDataInUse();
  const [help, setHelp] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (inert) return;
      if (e.key === 'F1') { e.preventDefault(); setHelp((h) => !h); }
      if (e.key === 'Escape') setHelp(false);
      if (e.altKey && e.key.toLowerCase() === 'l') { e.preventDefault(); toggle(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [inert, toggle]);

  return (
    <>
      <NavBar label={t('nav.label')} current="volunteer" onGo={() => undefined}
        items={[{ id: 'volunteer', label: t('volunteer.nav'), shortcut: 'Alt+1' }]}
        end={<>
          <button type="button" onClick={() => setHelp(true)}>{t('shell.help')}</button>
          <button type="button" data-testid="logout" onClick={onLogout}>{t('shell.logout')}</button>
        </>} />
      <main className="content" inert={inert}>
        <VolunteerWizard />
      </main>
      <StatusBar data={data} user={user.displayName} role={t('role.volunteer')}
        labels={{ user: t('status.user') }} pending={[]} pendingTitle="" />
      {help && (
        <HelpPanel heading={t('help.heading')} closeText={t('help.close')} onClose={() => setHelp(false)}
          lines={[t('help.f1'), t('help.arrows'), t('help.lang'), t('help.esc')]} />
      )}
    </>
  );
}
