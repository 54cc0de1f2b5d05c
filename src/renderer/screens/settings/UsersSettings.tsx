import { useCallback, useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import { roles, type Role } from '../../../shared/dossier/roles';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';
import { AccountsTable } from './AccountsTable';

type Field = 'username' | 'displayName' | 'password';
const fields: readonly Field[] = ['username', 'displayName', 'password'];
/** Which field a refusal of `account.create` is about, so it shows next to it. */
const fieldOfError: Readonly<Record<string, Field>> = { 'auth.username-taken': 'username', 'auth.weak-password': 'password' };
const usernameShape = /^[A-Za-z0-9._-]+$/u;

/** Local accounts (administrators): the list with each account's actions, and a new account with its errors inline. */
export function UsersSettings() {
  const { t, pick } = useI18n();
  const [accounts, setAccounts] = useState<ApiOutput<'account.list'>>();
  const [form, setForm] = useState<Record<Field, string>>({ username: '', displayName: '', password: '' });
  const [role, setRole] = useState<Role>('clerk');
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string>();

  const load = useCallback(async () => {
    const r = await call('account.list', {});
    if (r.ok) setAccounts(r.value);
  }, []);
  useEffect(() => { void load(); }, [load]);

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    for (const f of fields) if (form[f].trim() === '') found[f] = t('settings.required');
    if (!found.username && !usernameShape.test(form.username.trim())) found.username = t('settings.usernameShape');
    return found;
  };

  const submit = async () => {
    const found = check();
    setErrors(found);
    setCreated(undefined);
    const first = fields.find((f) => found[f]);
    if (first) return document.getElementById(`user-${first}`)?.focus();
    setBusy(true);
    const r = await call('account.create', { username: form.username.trim(), displayName: form.displayName.trim(), role, password: form.password });
    setBusy(false);
    if (!r.ok) {
      const field = fieldOfError[r.error.code];
      setErrors(field ? { [field]: pick(r.error.message) } : { form: pick(r.error.message) });
      if (field) document.getElementById(`user-${field}`)?.focus();
      return;
    }
    setCreated(`${t('settings.created')} ${r.value.username}`);
    setForm({ username: '', displayName: '', password: '' });
    void load();
  };

  const labels: Record<Field, string> = { username: t('settings.username'), displayName: t('settings.displayName'), password: t('settings.password') };
  return (
    <section className="wide" data-testid="settings-users" aria-labelledby="settings-users-h">
      <h3 id="settings-users-h">{t('settings.users')}</h3>
      <AccountsTable accounts={accounts} onChanged={(next) => setAccounts((list) => list?.map((a) => (a.id === next.id ? next : a)))} />
      <form noValidate data-testid="user-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        {fields.map((f) => (
          <label key={f} htmlFor={`user-${f}`}>{labels[f]}
            <input id={`user-${f}`} data-testid={`user-${f}`} type={f === 'password' ? 'password' : 'text'} autoComplete={f === 'password' ? 'new-password' : 'off'}
              value={form[f]} aria-invalid={errors[f] ? true : undefined} aria-describedby={errors[f] ? `user-${f}-error` : undefined}
              onChange={(e) => { const v = e.target.value; setForm((s) => ({ ...s, [f]: v })); setErrors((s) => ({ ...s, [f]: undefined })); }} />
            {errors[f] && <span className="field-error" id={`user-${f}-error`} role="alert" data-testid={`user-${f}-error`}>{errors[f]}</span>}
          </label>
        ))}
        <label htmlFor="user-role">{t('settings.role')}
          <select id="user-role" data-testid="user-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
          </select>
        </label>
        {errors.form && <p className="field-error" role="alert">{errors.form}</p>}
        <button type="submit" className="primary" disabled={busy} data-testid="user-create">{busy ? t('settings.creating') : t('settings.createUser')}</button>
        {created && <p className="ok-text" role="status" data-testid="user-created">{created}</p>}
      </form>
    </section>
  );
}
