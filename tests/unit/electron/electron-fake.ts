/**
 * A stand-in for the 'electron' module (the binary cannot run in CI). It only
 * records what our glue code hands to Electron, so tests can drive those
 * handlers and check what our code does with them.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (...args: never[]) => unknown;

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter {
  mainFrame = { url: 'app://fieldwork/index.html' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  visible = false;
  focused = false;
  minimized = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    // Electron announces every new WebContents on the app.
    fake.app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  restore = () => void (this.minimized = false);
  show = () => void (this.visible = true);
  focus = () => void (this.focused = true);
}

export class FakeUtilityProcess extends EventEmitter {
  sent: unknown[] = [];
  killed = false;
  constructor(
    readonly modulePath: string,
    readonly args: string[],
  ) {
    super();
  }
  postMessage(message: unknown): void {
    this.sent.push(structuredClone(message));
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
}

const makeApp = () => {
  const app = new EventEmitter() as EventEmitter & Record<string, unknown>;
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  return Object.assign(app, {
    lock: true,
    fireReady: () => ready(),
    requestSingleInstanceLock: vi.fn(() => app.lock as boolean),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => readyPromise),
    getPath: vi.fn((name: string) => `/fake/${name}`),
    getVersion: vi.fn(() => '9.9.9'),
    disableHardwareAcceleration: vi.fn(),
    dock: { hide: vi.fn() },
  });
};

const makeSession = () => ({
  permissionRequestHandler: null as Handler | null,
  permissionCheckHandler: null as Handler | null,
  headersReceived: null as Handler | null,
  setPermissionRequestHandler(h: Handler) {
    this.permissionRequestHandler = h;
  },
  setPermissionCheckHandler(h: Handler) {
    this.permissionCheckHandler = h;
  },
  get webRequest() {
    return { onHeadersReceived: (h: Handler) => (this.headersReceived = h) };
  },
});

function build() {
  const ipcHandlers = new Map<string, Handler>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const exposed: Record<string, unknown> = {};
  return {
    app: makeApp(),
    session: { defaultSession: makeSession() },
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handlers: ipcHandlers, handle: vi.fn((ch: string, h: Handler) => void ipcHandlers.set(ch, h)) },
    protocol: {
      handlers: protocolHandlers,
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, h: (r: Request) => Promise<Response>) => void protocolHandlers.set(scheme, h)),
    },
    shell: {
      openExternal: vi.fn(() => Promise.resolve()),
      openPath: vi.fn(() => Promise.resolve('')),
      showItemInFolder: vi.fn(),
    },
    utilityProcess: { fork: vi.fn((modulePath: string, args: string[]) => new FakeUtilityProcess(modulePath, args)) },
    contextBridge: { exposed, exposeInMainWorld: vi.fn((key: string, api: unknown) => void (exposed[key] = api)) },
    ipcRenderer: { invoke: vi.fn() },
    // A File the user chose has a path (the fake reads it from a `path` property); one made by a script has ''.
    webUtils: {
      getPathForFile: vi.fn((file: unknown) => {
        if (typeof file !== 'object' || file === null || !('name' in file)) throw new TypeError('not a File');
        const path = (file as { path?: unknown }).path;
        return typeof path === 'string' ? path : '';
      }),
    },
  };
}

/** The module the mocked 'electron' re-exports; `resetFake()` gives every test a fresh one. */
export const fake = build();

export function resetFake(): void {
  Object.assign(fake, build());
  FakeBrowserWindow.instances = [];
}

/**
 * Use as `vi.mock('electron', async () => (await import('./electron-fake')).electronMock())`.
 * Getters, so code imported before a reset sees the fresh fake.
 */
export function electronMock(): Record<string, unknown> {
  const mod: Record<string, unknown> = {};
  for (const key of Object.keys(fake) as (keyof typeof fake)[]) {
    Object.defineProperty(mod, key, { enumerable: true, get: () => fake[key] });
  }
  Object.defineProperty(mod, 'default', { value: mod });
  return mod;
}
