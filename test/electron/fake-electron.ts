import { vi } from 'vitest';

/*
 * A hand-written stand-in for the parts of Electron the main process and preload use. It keeps
 * just enough behaviour (listeners, registered handlers, created windows) for tests to drive
 * the real code and observe what it did. It lives on globalThis so that a test which re-imports
 * main.ts after vi.resetModules() still shares one fake with the test itself.
 */

type Listener = (...args: never[]) => unknown;
type AnyFunction = (...args: unknown[]) => unknown;

export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped = ((...args: unknown[]) => {
      this.off(event, wrapped);
      return (listener as AnyFunction)(...args);
    }) as Listener;
    return this.on(event, wrapped);
  }

  off(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as AnyFunction)(...args);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  removeAllListeners(): void {
    this.listeners.clear();
  }
}

export type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
export type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  devicePermissionHandler: ((details: unknown) => boolean) | undefined;
  setPermissionRequestHandler = vi.fn((handler: PermissionRequestHandler) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: PermissionCheckHandler) => {
    this.permissionCheckHandler = handler;
  });
  setDevicePermissionHandler = vi.fn((handler: (details: unknown) => boolean) => {
    this.devicePermissionHandler = handler;
  });
}

export interface WindowOpenResponse {
  action: string;
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => WindowOpenResponse) | undefined;
  readonly session = new FakeSession();
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => WindowOpenResponse) => {
    this.windowOpenHandler = handler;
  });
  /** Main -> renderer events (the menu's commands). */
  send = vi.fn((_channel: string, ..._args: unknown[]) => undefined);
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends FakeEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = vi.fn(() => FakeBrowserWindow.instances);
  static focused: FakeBrowserWindow | null = null;
  static getFocusedWindow = vi.fn(() => FakeBrowserWindow.focused);
  static fromWebContents = vi.fn(
    (contents: unknown) => FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null,
  );

  readonly webContents = new FakeWebContents();
  bounds: Bounds;
  maximized = false;
  minimized = false;
  title = '';
  loadURL = vi.fn(async (_url: string) => undefined);
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  restore = vi.fn(() => {
    this.minimized = false;
  });
  show = vi.fn();
  focus = vi.fn();
  setTitle = vi.fn((title: string) => {
    this.title = title;
  });

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    const { x = 0, y = 0, width = 800, height = 600 } = options as Partial<Bounds>;
    this.bounds = { x, y, width, height };
    FakeBrowserWindow.instances.push(this);
  }

  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  getNormalBounds(): Bounds {
    return { ...this.bounds };
  }
}

export interface FakeDisplay {
  id: number;
  bounds: Bounds;
  workArea: Bounds;
}

export interface FakeInvokeEvent {
  senderFrame: { url: string } | null;
  sender: unknown;
}

type MainHandler = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

function createFakeElectron() {
  const app = Object.assign(new FakeEmitter(), {
    userDataDir: '/nonexistent/user-data',
    appPath: '/nonexistent/app',
    hasLock: true,
    requestSingleInstanceLock: vi.fn(() => app.hasLock),
    quit: vi.fn(),
    enableSandbox: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((_name: string) => app.userDataDir),
    getAppPath: vi.fn(() => app.appPath),
    getName: vi.fn(() => 'ASEAN Delegate Briefing'),
    getVersion: vi.fn(() => '0.1.0'),
    isPackaged: false,
  });

  const protocol = {
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
      protocol.handlers.set(scheme, handler);
    }),
  };

  const ipcMain = {
    handlers: new Map<string, MainHandler>(),
    handle: vi.fn((channel: string, handler: MainHandler) => {
      if (ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcMain.handlers.set(channel, handler);
    }),
    /** What ipcRenderer.invoke would receive, as if `event` had sent `args` on `channel`. */
    async invoke(channel: string, event: FakeInvokeEvent, ...args: unknown[]): Promise<unknown> {
      const handler = ipcMain.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(event, ...args);
    },
  };

  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]): Promise<unknown> => ({ ok: true, value: { channel, args } })),
    send: vi.fn(),
    sendSync: vi.fn(),
    on: vi.fn(),
    removeListener: vi.fn(),
  };

  /** Menu keeps the template it was built from, so tests can find items and click them. */
  const Menu = {
    applicationMenu: null as null | { template: unknown[] },
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn((menu: { template: unknown[] } | null) => {
      Menu.applicationMenu = menu;
    }),
  };

  const contextBridge = {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      contextBridge.exposed.set(key, api);
    }),
  };

  const primary: FakeDisplay = {
    id: 1,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  };
  const screen = {
    displays: [primary],
    getAllDisplays: vi.fn(() => screen.displays),
    getPrimaryDisplay: vi.fn(() => screen.displays[0]!),
  };

  const session = { defaultSession: new FakeSession() };
  const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
  const net = { fetch: vi.fn(async () => new Response(null, { status: 404 })) };
  const powerMonitor = new FakeEmitter();
  /** A reversible stand-in for the OS: "sealed" bytes are the text under a marker, reversed. */
  const safeStorage = {
    backend: 'gnome_libsecret',
    encryptionAvailable: true,
    isEncryptionAvailable: vi.fn(() => safeStorage.encryptionAvailable),
    getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
    encryptString: vi.fn((text: string) => Buffer.from(`os-sealed:${text}`, 'utf8').reverse()),
    decryptString: vi.fn((sealed: Buffer) => {
      const text = Buffer.from(sealed).reverse().toString('utf8');
      if (!text.startsWith('os-sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice('os-sealed:'.length);
    }),
  };

  function reset(): void {
    vi.clearAllMocks();
    app.removeAllListeners();
    app.hasLock = true;
    app.isPackaged = false;
    protocol.handlers.clear();
    ipcMain.handlers.clear();
    contextBridge.exposed.clear();
    screen.displays = [primary];
    session.defaultSession = new FakeSession();
    FakeBrowserWindow.instances = [];
    FakeBrowserWindow.focused = null;
    Menu.applicationMenu = null;
    powerMonitor.removeAllListeners();
    safeStorage.backend = 'gnome_libsecret';
    safeStorage.encryptionAvailable = true;
  }

  return { app, protocol, ipcMain, ipcRenderer, contextBridge, screen, session, shell, net, Menu, BrowserWindow: FakeBrowserWindow, powerMonitor, safeStorage, reset };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

const holder = globalThis as typeof globalThis & { __fakeElectron?: FakeElectron };
export const fakeElectron: FakeElectron = (holder.__fakeElectron ??= createFakeElectron());

/** The module shape `vi.mock('electron', ...)` returns: named exports plus a CommonJS-style default. */
export const fakeElectronModule = { ...fakeElectron, default: fakeElectron };

/** An invoke event as Electron would build it for a frame at `url` (null: the frame is gone). */
export function invokeEventFrom(url: string | null, sender: unknown = new FakeWebContents()): FakeInvokeEvent {
  return { senderFrame: url === null ? null : { url }, sender };
}
