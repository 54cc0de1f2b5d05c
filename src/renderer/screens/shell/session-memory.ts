/**
 * The session token survives a reload of the page (F5 in the browser host, a renderer reload in
 * Electron) through sessionStorage: it lives only as long as this tab or window, never on disk
 * past it, like the launch token in api.ts. The core still decides: a token it no longer knows
 * (after a restart or logout) reads back as "no session" and the login form shows.
 */
import { api } from '../../api';

const storageKey = 'motcua.session';

/** Uses `token` for every later call and keeps it for a reload; undefined forgets it. */
export function rememberSession(token: string | undefined): void {
  api.setSession(token);
  if (token === undefined) sessionStorage.removeItem(storageKey);
  else sessionStorage.setItem(storageKey, token);
}

/** Puts the kept token back into the client; true when there was one to check. */
export function restoreSession(): boolean {
  const token = sessionStorage.getItem(storageKey) ?? undefined;
  api.setSession(token);
  return token !== undefined;
}
