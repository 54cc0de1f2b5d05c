import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot be downloaded on these machines, so its APIs are faked here (and only here):
// these tests check our wiring against the fake, not Electron itself.
const fake = vi.hoisted(() => {
  const state = {
    windows: [] as { options: Record<string, unknown>; handlers: Record<string, (...a: unknown[]) => void>; openHandler?: () => unknown; loaded?: string }[],
    ipcHandlers: {} as Record<string, (...a: unknown[]) => unknown>,
    exposed: {} as Record<string, { invoke(name: unknown, input: unknown): Promise<unknown> }>,
    rendererInvokes: [] as unknown[][],
    menus: [] as unknown[],
  };
  class BrowserWindow {
    record: (typeof state.windows)[number];
    webContents: unknown;
    constructor(options: Record<string, unknown>) {
      this.record = { options, handlers: {} };
      state.windows.push(this.record);
      const record = this.record;
      this.webContents = {
        on: (event: string, handler: (...a: unknown[]) => void) => void (record.handlers[event] = handler),
        setWindowOpenHandler: (h: () => unknown) => void (record.openHandler = h),
      };
    }
    once() {}
    loadURL(url: string) {
      this.record.loaded = url;
      return Promise.resolve();
    }
  }
  return {
    state,
    module: {
      BrowserWindow,
      Menu: { setApplicationMenu: (menu: unknown) => void state.menus.push(menu) },
      ipcMain: { handle: (channel: string, h: (...a: unknown[]) => unknown) => void (state.ipcHandlers[channel] = h), removeHandler: () => {} },
      contextBridge: { exposeInMainWorld: (key: string, api: never) => void (state.exposed[key] = api) },
      ipcRenderer: { invoke: (...args: unknown[]) => (state.rendererInvokes.push(args), Promise.resolve({ ok: true, value: 'from-main' })) },
      protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
      net: { fetch: () => Promise.reject(new Error('not in tests')) },
    },
  };
});
vi.mock('electron', () => fake.module);

beforeEach(() => {
  fake.state.windows.length = 0;
  fake.state.rendererInvokes.length = 0;
  fake.state.menus.length = 0;
});

describe('Electron window wiring (mock Electron)', () => {
  it('creates a sandboxed, isolated window without Node, on our own origin', async () => {
    const { createMainWindow } = await import('../../src/main/app/window');
    createMainWindow('/app/out/preload/index.cjs');
    const win = fake.state.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: '/app/out/preload/index.cjs' });
    expect(win.loaded).toBe('app://motcua/index.html');
  });

  it('has no menu and no DevTools in a packaged build, and keeps them for development', async () => {
    const { createMainWindow } = await import('../../src/main/app/window');
    createMainWindow('/p.cjs');
    expect(fake.state.windows[0]!.options.webPreferences).toMatchObject({ devTools: false });
    expect(fake.state.menus).toEqual([null]);
    createMainWindow('/p.cjs', { packaged: false });
    expect(fake.state.windows[1]!.options.webPreferences).toMatchObject({ devTools: true });
    expect(fake.state.menus).toEqual([null]);
  });

  it('blocks navigation off the app and every new window', async () => {
    const { createMainWindow } = await import('../../src/main/app/window');
    createMainWindow('/p.cjs');
    const win = fake.state.windows[0]!;
    const off = { preventDefault: vi.fn() };
    win.handlers['will-navigate']!(off, 'https://example.com/');
    expect(off.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    win.handlers['will-navigate']!(inside, 'app://motcua/index.html#queue');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    expect(win.openHandler!()).toEqual({ action: 'deny' });
  });
});

describe('IPC gate (mock Electron)', () => {
  it('answers frames from app://motcua and refuses any other frame', async () => {
    const { bindIpc } = await import('../../src/main/app/ipc');
    const { ipcChannel } = await import('../../src/main/app/ipc-channel');
    const core = { invoke: vi.fn(() => Promise.resolve({ ok: true as const, value: 1 })), context: {} as never, scheduleBackups: () => () => Promise.resolve(), dispose: () => {} };
    bindIpc(core);
    const handler = fake.state.ipcHandlers[ipcChannel]!;
    expect(await handler({ senderFrame: { url: 'app://motcua/index.html' } }, 'app.info', {})).toEqual({ ok: true, value: 1 });
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'api.unauthorized' } });
    expect(core.invoke).toHaveBeenCalledTimes(1);
  });
});

describe('preload bridge (mock Electron)', () => {
  it('exposes only invoke, and refuses names outside the contract without touching IPC', async () => {
    await import('../../src/main/app/preload');
    const bridge = fake.state.exposed.motcua!;
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(await bridge.invoke('fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'api.unknown-call' } });
    expect(fake.state.rendererInvokes).toEqual([]);
    expect(await bridge.invoke('app.info', {})).toEqual({ ok: true, value: 'from-main' });
    expect(fake.state.rendererInvokes).toHaveLength(1);
  });
});
