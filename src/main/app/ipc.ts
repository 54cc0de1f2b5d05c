import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { describeError } from '../../shared/api/errors';
import type { Core } from '../services/core';
import { ipcChannel } from './ipc-channel';
import { appOrigin } from './protocol';

/** Binds the contract to IPC. Calls from any frame not served by our own protocol are refused. */
export function bindIpc(core: Pick<Core, 'invoke'>): () => void {
  ipcMain.handle(ipcChannel, (event: IpcMainInvokeEvent, name: unknown, input: unknown, session: unknown) => {
    const sender = event.senderFrame?.url ?? '';
    if (!sender.startsWith(appOrigin)) return { ok: false, error: describeError('api.unauthorized') };
    return core.invoke(name, input, typeof session === 'string' ? session : undefined);
  });
  return () => ipcMain.removeHandler(ipcChannel);
}
