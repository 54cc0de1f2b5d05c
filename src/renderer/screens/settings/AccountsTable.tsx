import { useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import { roles, type Role } from '../../../shared/dossier/roles';
import type { LocalizedText } from '../../../shared/validation';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';
import { useDesk } from '../shell/desk-context';
import { officeTime } from '../status/status-items';

type Account = ApiOutput<'account.list'>[number];
type Outcome = { readonly ok: string } | { readonly error: LocalizedText };

interface Reset { readonly account: Account; readonly busy: boolean; readonly error?: LocalizedText; readonly password?: string }

/**
 * The accounts of this office with what an administrator does to each: disable or enable it,
 * change its role, and give it a temporary password, shown once in a dialog to hand over in
 * person. The administrator's own row has no actions (the core refuses them: auth.not-yourself);
 * the core's refusals (the last administrator, another PC's change) show under the row.
 */
export function AccountsTable({ accounts, onChanged }: { readonly accounts: readonly Account[] | undefined; readonly onChanged: (next: Account) => void }) {
  const { t, pick } = useI18n();
  const { selfId } = useDesk();
  const [roleDraft, setRoleDraft] = useState<Record<string, Role>>({});
  const [outcome, setOutcome] = useState<Record<string, Outcome>>({});
  const [busy, setBusy] = useState<string>();
  const [reset, setReset] = useState<Reset>();

  const update = async (account: Account, change: { role?: Role; active?: boolean }, done: string) => {
    if (busy) return;
    setBusy(account.id);
    const r = await call('account.update', { id: account.id, ...change });
    setBusy(undefined);
    if (!r.ok) return setOutcome((o) => ({ ...o, [account.id]: { error: r.error.message } }));
    onChanged(r.value);
    setRoleDraft(({ [account.id]: _, ...rest }) => rest);
    setOutcome((o) => ({ ...o, [account.id]: { ok: `${done} ${r.value.username}` } }));
  };

  const runReset = async () => {
    if (!reset || reset.busy) return;
    setReset({ ...reset, busy: true });
    const r = await call('account.reset-password', { id: reset.account.id });
    if (!r.ok) return setReset({ ...reset, busy: false, error: r.error.message });
    onChanged(r.value.account);
    setReset({ account: r.value.account, busy: false, password: r.value.temporaryPassword });
  };
  const closeReset = () => {
    const username = reset?.account.username;
    // Shown once: the password leaves the screen's memory with the dialog.
    setReset(undefined);
    if (username) document.querySelector<HTMLElement>(`[data-testid="account-reset-${username}"]`)?.focus();
  };

  const state = (a: Account) => {
    if (!a.active) return t('settings.inactive');
    const words = [t('settings.active')];
    if (a.mustChangePassword) words.push(t('users.mustChange'));
    if (a.lockedUntil && Date.parse(a.lockedUntil) > Date.now()) words.push(`${t('users.lockedUntil')} ${officeTime(a.lockedUntil)}`);
    return words.join(', ');
  };

  return (
    <>
      <table className="accounts">
        <thead>
          <tr>
            <th scope="col">{t('settings.username')}</th><th scope="col">{t('settings.displayName')}</th><th scope="col">{t('settings.role')}</th>
            <th scope="col">{t('users.status')}</th><th scope="col">{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody data-testid="users-list">
          {accounts?.length === 0 && <tr><td colSpan={5}>{t('settings.usersEmpty')}</td></tr>}
          {accounts?.map((a) => {
            const self = a.id === selfId;
            const draft = roleDraft[a.id] ?? a.role;
            const result = outcome[a.id];
            const working = busy === a.id;
            return [
              <tr key={a.id} data-testid={`account-row-${a.username}`} aria-busy={working || undefined}>
                <td className="code">{a.username}{self && <> ({t('users.you')})</>}</td>
                <td>{a.displayName}</td>
                <td>
                  {self ? t(`role.${a.role}`) : (
                    <span className="row-inline">
                      <select aria-label={`${t('users.roleOf')} ${a.username}`} data-testid={`account-role-${a.username}`} value={draft}
                        onChange={(e) => { const role = e.target.value as Role; setRoleDraft((d) => ({ ...d, [a.id]: role })); }}>
                        {roles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
                      </select>
                      <button type="button" data-testid={`account-role-save-${a.username}`} disabled={draft === a.role || working}
                        aria-label={`${t('users.saveRole')} ${a.username}`} onClick={() => void update(a, { role: draft }, t('users.roleSaved'))}>{t('users.saveRole')}</button>
                    </span>
                  )}
                </td>
                <td data-testid={`account-state-${a.username}`}>{state(a)}</td>
                <td>
                  {!self && (
                    <span className="row-inline">
                      <button type="button" data-testid={`account-lock-${a.username}`} aria-label={`${a.active ? t('users.lock') : t('users.unlock')} ${a.username}`}
                        aria-disabled={working || undefined}
                        onClick={() => void update(a, { active: !a.active }, a.active ? t('users.lockedDone') : t('users.unlockedDone'))}>
                        {a.active ? t('users.lock') : t('users.unlock')}
                      </button>
                      <button type="button" data-testid={`account-reset-${a.username}`} aria-label={`${t('users.resetPassword')} ${a.username}`}
                        onClick={() => setReset({ account: a, busy: false })}>{t('users.resetPassword')}</button>
                    </span>
                  )}
                </td>
              </tr>,
              result && (
                <tr key={`${a.id}-result`} className="row-result">
                  <td colSpan={5}>
                    {'ok' in result
                      ? <span className="ok-text" role="status" data-testid={`account-ok-${a.username}`}>{result.ok}</span>
                      : <span className="field-error" role="alert" data-testid={`account-error-${a.username}`}>{pick(result.error)}</span>}
                  </td>
                </tr>
              ),
            ];
          })}
        </tbody>
      </table>
      {reset && reset.password === undefined && (
        <ConfirmDialog testId="reset-dialog" heading={`${t('users.resetConfirmHeading')} ${reset.account.username}?`} cancelText={t('users.cancel')}
          confirmText={t('users.resetPassword')} busy={reset.busy} {...(reset.error ? { error: pick(reset.error) } : {})}
          onConfirm={() => void runReset()} onCancel={closeReset}>
          <p>{reset.account.displayName} ({reset.account.username}). {t('users.resetConfirmExplain')}</p>
        </ConfirmDialog>
      )}
      {reset?.password !== undefined && (
        <ConfirmDialog testId="temp-password-dialog" heading={`${t('users.resetHeading')} ${reset.account.username}`} cancelText={t('users.handedOver')} onCancel={closeReset}>
          <p>{reset.account.displayName} ({reset.account.username})</p>
          <p className="temp-password">{t('users.tempPassword')}: <b className="code" data-testid="temp-password">{reset.password}</b></p>
          <p>{t('users.handOver')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
