import type { Role } from '../../../shared/dossier/roles';
import { useI18n, type Language } from '../../i18n';
import { BackupSettings } from './BackupSettings';
import { HubSettings } from './HubSettings';
import { PrinterSettings } from './PrinterSettings';
import { ScannerSettings } from './ScannerSettings';
import { TrainingResetSettings } from './TrainingResetSettings';
import { UsersSettings } from './UsersSettings';
import { useDesk } from '../shell/desk-context';

/**
 * Settings for this PC and this office. What a role sees follows what the core lets it do: the
 * clerk and the administrator the scanner (volunteers scan with the one they set), the clerk,
 * leader and administrator the printers, the administrator the accounts (and, in the training
 * copy, its reset), everyone the language (remembered by the browser, per PC) and the hub link.
 */
export function SettingsScreen({ role }: { readonly role: Role }) {
  const { t, lang, toggle } = useI18n();
  const { info } = useDesk();
  const choose = (next: Language) => { if (next !== lang) toggle(); };
  return (
    <div>
      <h2>{t('settings.heading')}</h2>
      <div className="settings" data-testid="settings">
        {(role === 'clerk' || role === 'admin') && <ScannerSettings />}
        {role !== 'volunteer' && role !== 'specialist' && <PrinterSettings />}
        {role === 'admin' && <UsersSettings />}
        <HubSettings />
        {(role === 'admin' || role === 'clerk') && <BackupSettings />}
        {role === 'admin' && info?.mode === 'training' && <TrainingResetSettings />}
        <section data-testid="settings-language" aria-labelledby="settings-language-h">
          <h3 id="settings-language-h">{t('settings.language')}</h3>
          <fieldset className="row plain-fieldset">
            <legend className="sr-only">{t('settings.language')}</legend>
            {(['vi', 'en'] as const).map((l) => (
              <label key={l} className="row">
                <input type="radio" name="language" data-testid={`language-${l}`} checked={lang === l} onChange={() => choose(l)} />
                {l === 'vi' ? t('settings.languageVi') : t('settings.languageEn')}
              </label>
            ))}
          </fieldset>
        </section>
      </div>
    </div>
  );
}
