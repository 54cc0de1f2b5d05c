/**
 * The TWAIN worker's Win32 message loop through koffi (Windows only; tech notes §1.7). TWAIN
 * sources talk to the application through window messages, so the worker owns a hidden window
 * (the system "STATIC" class needs no window procedure of ours) and pumps its thread's queue.
 * PeekMessageW from a 10 ms timer rather than a blocking GetMessageW: the worker's one JS thread
 * must also serve the IPC channel, and every DSM call stays on that thread.
 * [Not run here: Debian has no user32; needs a Windows PC with a scanner.]
 */
import koffi from 'koffi';
import type { TwainMessageLoop } from '../twain-scanner';

const PM_REMOVE = 1;
const PUMP_MS = 10;

export function win32MessageLoop(): TwainMessageLoop {
  const user32 = koffi.load('user32.dll');
  const POINT = koffi.struct('POINT', { x: 'int32', y: 'int32' });
  const MSG = koffi.struct('MSG', { hwnd: 'void *', message: 'uint32', wParam: 'uintptr_t', lParam: 'intptr_t', time: 'uint32', pt: POINT, lPrivate: 'uint32' });
  const CreateWindowExW = user32.func('__stdcall', 'CreateWindowExW', 'void *', ['uint32', 'str16', 'str16', 'uint32', 'int', 'int', 'int', 'int', 'void *', 'void *', 'void *', 'void *']);
  const PeekMessageW = user32.func('__stdcall', 'PeekMessageW', 'bool', ['void *', 'void *', 'uint32', 'uint32', 'uint32']);
  const TranslateMessage = user32.func('__stdcall', 'TranslateMessage', 'bool', ['void *']);
  const DispatchMessageW = user32.func('__stdcall', 'DispatchMessageW', 'intptr_t', ['void *']);

  // koffi 3 returns pointers as BigInt addresses.
  const created = CreateWindowExW(0, 'STATIC', 'Motcua TWAIN', 0, 0, 0, 0, 0, null, null, null, null) as unknown;
  const window = typeof created === 'bigint' ? created : 0n;
  return {
    window,
    pump(filter) {
      const msg = Buffer.alloc(koffi.sizeof(MSG));
      const timer = setInterval(() => {
        while (PeekMessageW(msg, null, 0, 0, PM_REMOVE) as boolean) {
          if (filter(msg)) continue;
          TranslateMessage(msg);
          DispatchMessageW(msg);
        }
      }, PUMP_MS);
      return () => clearInterval(timer);
    },
  };
}
