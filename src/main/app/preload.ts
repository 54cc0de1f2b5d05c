/**
 * The renderer's only door to the core: `window.motcua.invoke(name, input)`. Names outside the
 * contract are refused here, and the main process checks again (the renderer is untrusted).
 * No ipcRenderer, no Node API crosses the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { apiNames } from '../../shared/api/contract';
import { describeError } from '../../shared/api/errors';
import { ipcChannel } from './ipc-channel';

const known = new Set<string>(apiNames);

contextBridge.exposeInMainWorld('motcua', {
  invoke: (name: unknown, input: unknown, session?: unknown): Promise<unknown> => {
    if (typeof name !== 'string' || !known.has(name)) {
      return Promise.resolve({ ok: false, error: describeError('api.unknown-call', { name: String(name).slice(0, 80) }) });
    }
    return ipcRenderer.invoke(ipcChannel, name, input, typeof session === 'string' ? session : undefined) as Promise<unknown>;
  },
});
