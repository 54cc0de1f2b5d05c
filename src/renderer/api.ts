/**
 * The renderer's API client. In Electron the preload provides `window.motcua.invoke`; in the
 * browser host calls go to `POST /api/<name>` with the launch token, which arrives in the URL
 * fragment once and is then kept for this tab only.
 */
import { createApiClient, type ApiClient, type Transport } from '../shared/api/client';
import type { ApiResult } from '../shared/api/result';

declare global {
  interface Window {
    motcua?: { invoke(name: string, input: unknown, session?: string): Promise<ApiResult<unknown>> };
  }
}

const tokenKey = 'motcua.token';

function takeLaunchToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(tokenKey, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(tokenKey) ?? '';
}

function httpTransport(token: string): Transport {
  return async (name, input, session) => {
    const response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-motcua-token': token, ...(session ? { 'x-motcua-session': session } : {}) },
      body: JSON.stringify(input ?? {}),
    });
    return (await response.json()) as ApiResult<unknown>;
  };
}

function pickTransport(): Transport {
  const bridge = window.motcua;
  if (bridge) return (name, input, session) => bridge.invoke(name, input, session);
  return httpTransport(takeLaunchToken());
}

export const api: ApiClient = createApiClient(pickTransport());
