import { useState } from 'react';

export interface CredentialsFormProps {
  readonly heading: string;
  readonly explain?: string;
  /** Omitted on the lock screen: the user is known. */
  readonly usernameLabel?: string;
  readonly passwordLabel: string;
  readonly submitText: string;
  readonly busy: boolean;
  readonly error?: string;
  readonly onSubmit: (username: string, password: string) => void;
  readonly extra?: React.ReactNode;
  readonly testId: string;
}

/** Login and unlock share one form: user name (login only), password, one inline error. */
export function CredentialsForm(props: CredentialsFormProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  return (
    <form className="credentials" data-testid={props.testId} onSubmit={(e) => { e.preventDefault(); props.onSubmit(username, password); }}>
      <h2>{props.heading}</h2>
      {props.explain && <p>{props.explain}</p>}
      {props.usernameLabel && (
        <label>{props.usernameLabel}
          <input name="username" autoFocus autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
      )}
      <label>{props.passwordLabel}
        <input name="password" type="password" autoFocus={!props.usernameLabel} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {props.error && <p className="field-error" role="alert">{props.error}</p>}
      <button type="submit" disabled={props.busy}>{props.submitText}</button>
      {props.extra}
    </form>
  );
}
