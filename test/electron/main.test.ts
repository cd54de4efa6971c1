import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);

const { app, protocol, ipcMain, session } = fakeElectron;
let userData: string;

/** Runs electron/main.ts from the top, as Electron would, and lets 'ready' handling finish. */
async function startApp(): Promise<void> {
  vi.resetModules();
  await import('../../electron/main');
  await new Promise((resolve) => setImmediate(resolve));
}

function onlyWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
}

beforeEach(() => {
  fakeElectron.reset();
  userData = mkdtempSync(path.join(tmpdir(), 'user-data-'));
  app.userDataDir = userData;
  app.appPath = '/opt/asean-delegate-briefing/resources/app.asar';
});

afterEach(() => rmSync(userData, { recursive: true, force: true }));

describe('single instance', () => {
  it('a second instance quits without opening a window or touching the protocol', async () => {
    app.hasLock = false;
    await startApp();
    expect(app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(protocol.handle).not.toHaveBeenCalled();
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });

  it('the first instance comes forward when a second one is launched', async () => {
    await startApp();
    const window = onlyWindow();
    window.minimized = true;
    app.emit('second-instance', {}, ['electron', '.'], '/', {});
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
});

describe('start-up', () => {
  it('creates the window with the secure web preferences', async () => {
    await startApp();
    const prefs = onlyWindow().options.webPreferences!;
    // Every preference the code sets, exactly: adding, dropping or changing one fails here.
    expect(prefs).toEqual({
      preload: path.join(app.appPath, 'dist', 'electron', 'preload.cjs'),
      devTools: true,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('has no developer tools in an installed (packaged) app', async () => {
    app.isPackaged = true;
    await startApp();
    expect(onlyWindow().options.webPreferences!.devTools).toBe(false);
  });

  it('loads the bundle from app://bundle, served from dist/renderer', async () => {
    await startApp();
    expect(onlyWindow().loadURL).toHaveBeenCalledExactlyOnceWith('app://bundle/index.html');
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(protocol.handlers.has('app')).toBe(true);
  });

  it('turns on the sandbox for every renderer and hardens the default session', async () => {
    await startApp();
    expect(app.enableSandbox).toHaveBeenCalled();
    const callback = vi.fn();
    session.defaultSession.permissionRequestHandler!({}, 'geolocation', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.defaultSession.permissionCheckHandler!({}, 'notifications', 'app://bundle', {})).toBe(false);
  });

  it('hardens web contents created later', async () => {
    await startApp();
    const contents = onlyWindow().webContents;
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler!({ url: 'https://asean.org/' })).toEqual({ action: 'deny' });
  });

  it('registers the IPC handlers', async () => {
    await startApp();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(['app:get-info', 'app:set-language', 'backup-save:abort', 'backup-save:close', 'backup-save:open', 'backup-save:write', 'dataset:fetch-feed', 'dataset:open-file', 'os-key:seal', 'os-key:status', 'os-key:unseal', 'pack:print', 'pack:save-pdf', 'papers:open-file', 'papers:open-with-system', 'relay:set-origins', 'shell:compose-email', 'shell:open-external', 'window:set-title']);
  });
});

describe('window state', () => {
  it('reopens a window saved off-screen on a visible display', async () => {
    writeFileSync(
      path.join(userData, 'window-state.json'),
      JSON.stringify({ x: 4000, y: 2000, width: 1000, height: 700, isMaximized: false }),
    );
    await startApp();
    const { x, y, width, height } = onlyWindow().options as Record<string, number>;
    expect({ width, height }).toEqual({ width: 1000, height: 700 });
    expect(x).toBe(1920 - 1000);
    expect(y).toBe(1040 - 700);
  });

  it('restores the maximised state', async () => {
    writeFileSync(
      path.join(userData, 'window-state.json'),
      JSON.stringify({ x: 10, y: 10, width: 1000, height: 700, isMaximized: true }),
    );
    await startApp();
    expect(onlyWindow().maximize).toHaveBeenCalled();
  });

  it('saves size, position and maximised state when the window closes', async () => {
    await startApp();
    const window = onlyWindow();
    window.bounds = { x: 120, y: 80, width: 1100, height: 760 };
    window.maximized = true;
    window.emit('close', {});
    expect(JSON.parse(readFileSync(path.join(userData, 'window-state.json'), 'utf8'))).toEqual({
      x: 120,
      y: 80,
      width: 1100,
      height: 760,
      isMaximized: true,
    });
  });
});
