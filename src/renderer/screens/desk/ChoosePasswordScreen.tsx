import { useState } from 'react';
import type { LocalizedText } from '../../../shared/validation';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/vi';
import { call } from '../shell/call';
import { passwordProblems } from './desk-values';

type Field = 'newPassword' | 'repeat';
const ids: Record<Field, string> = { newPassword: 'choose-new', repeat: 'choose-repeat' };

/**
 * After a sign-in with a setup code or a reset password (`mustChangePassword`): the person chooses
 * their own password before anything else; the core refuses every other call until then.
 */
export function ChoosePasswordScreen({ username, onDone, onLogout }: { readonly username: string; readonly onDone: () => void; readonly onLogout: () => void }) {
  const { t, pick } = useI18n();
  const [values, setValues] = useState<Record<Field, string>>({ newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, MessageKey | LocalizedText>>>({});
  const [formError, setFormError] = useState<LocalizedText>();
  const [busy, setBusy] = useState(false);
  const say = (e: MessageKey | LocalizedText) => (typeof e === 'string' ? t(e) : pick(e));

  const submit = async () => {
    if (busy) return;
    const found = passwordProblems(values.newPassword, values.repeat, username);
    setErrors(found);
    setFormError(undefined);
    const first = (['newPassword', 'repeat'] as const).find((f) => found[f]);
    if (first) return document.getElementById(ids[first])?.focus();
    setBusy(true);
    const r = await call('account.choose-password', { newPassword: values.newPassword });
    setBusy(false);
    if (r.ok) return onDone();
    if (r.error.code === 'auth.weak-password') {
      setErrors({ newPassword: r.error.message });
      return document.getElementById(ids.newPassword)?.focus();
    }
    setFormError(r.error.message);
  };

  const labels: Record<Field, string> = { newPassword: t('choose.new'), repeat: t('choose.repeat') };
  return (
    <form className="credentials choose-password" noValidate data-testid="choose-password-form" aria-labelledby="choose-h"
      onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2 id="choose-h">{t('choose.heading')}</h2>
      <p>{t('choose.explain')}</p>
      <p>{t('choose.account')}: <b className="code" data-testid="choose-username">{username}</b></p>
      {(['newPassword', 'repeat'] as const).map((f, i) => {
        const error = errors[f];
        return (
          <label key={f} htmlFor={ids[f]}>{labels[f]}
            <input id={ids[f]} data-testid={ids[f]} type="password" autoComplete="new-password" autoFocus={i === 0} value={values[f]}
              aria-invalid={error ? true : undefined} aria-describedby={error ? `${ids[f]}-error` : undefined}
              onChange={(e) => { const v = e.target.value; setValues((s) => ({ ...s, [f]: v })); setErrors((s) => ({ ...s, [f]: undefined })); }} />
            {error && <span className="field-error" id={`${ids[f]}-error`} role="alert" data-testid={`${ids[f]}-error`}>{say(error)}</span>}
          </label>
        );
      })}
      {formError && <p className="field-error" role="alert" data-testid="choose-error">{pick(formError)}</p>}
      <button type="submit" className="primary" data-testid="choose-submit" aria-disabled={busy ? true : undefined}>{busy ? t('choose.busy') : t('choose.submit')}</button>
      <button type="button" data-testid="logout" onClick={onLogout}>{t('shell.logout')}</button>
    </form>
  );
}
