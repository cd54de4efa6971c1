import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SYSTEM_LOCK_CHANNEL, SYSTEM_LOCK_REASONS, type DelegateApi, type IpcResult } from '../../shared/ipc/contract';
import { registerIpcHandlers } from '../../electron/ipc';
import { forwardSystemLock } from '../../electron/power-lock';
import { fakeElectron, FakeBrowserWindow, invokeEventFrom } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);

const { ipcMain, safeStorage, powerMonitor, contextBridge, ipcRenderer } = fakeElectron;
const APP = invokeEventFrom('app://bundle/index.html');
const key = new Uint8Array(32).map((_, i) => i + 1);

const value = <T>(result: unknown): T => {
  const envelope = result as IpcResult<T>;
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value;
};

beforeEach(() => {
  fakeElectron.reset();
  registerIpcHandlers();
});

describe('quick unlock through the OS (safeStorage)', () => {
  it('seals and unseals the data key with a real OS backend', async () => {
    expect(value(await ipcMain.invoke('os-key:status', APP))).toEqual({ available: true, backend: process.platform === 'linux' ? 'gnome_libsecret' : expect.any(String) });
    const sealed = value<{ ok: true; sealed: Uint8Array }>(await ipcMain.invoke('os-key:seal', APP, { key }));
    expect(sealed.ok).toBe(true);
    expect(Buffer.from(sealed.sealed).includes(Buffer.from(key))).toBe(false);
    const opened = value<{ ok: true; key: Uint8Array }>(await ipcMain.invoke('os-key:unseal', APP, { sealed: sealed.sealed }));
    expect([...opened.key]).toEqual([...key]);
  });

  it.runIf(process.platform === 'linux')('never seals with the basic_text backend, and never falls back to plain text', async () => {
    safeStorage.backend = 'basic_text';
    expect(value(await ipcMain.invoke('os-key:status', APP))).toEqual({ available: false, backend: 'basic_text' });
    expect(value(await ipcMain.invoke('os-key:seal', APP, { key }))).toEqual({ ok: false, reason: 'unavailable', backend: 'basic_text' });
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    expect(value(await ipcMain.invoke('os-key:unseal', APP, { sealed: new Uint8Array([1, 2, 3]) }))).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(safeStorage.decryptString).not.toHaveBeenCalled();
  });

  it('refuses when encryption is unavailable, and reports bytes the OS cannot open', async () => {
    safeStorage.encryptionAvailable = false;
    expect(value(await ipcMain.invoke('os-key:seal', APP, { key }))).toMatchObject({ ok: false, reason: 'unavailable' });
    safeStorage.encryptionAvailable = true;
    expect(value(await ipcMain.invoke('os-key:unseal', APP, { sealed: new Uint8Array([9, 9, 9]) }))).toMatchObject({ ok: false, reason: 'failed' });
  });

  it('validates payloads and senders', async () => {
    const wrongSize = (await ipcMain.invoke('os-key:seal', APP, { key: new Uint8Array(16) })) as IpcResult<unknown>;
    expect(wrongSize.ok).toBe(false);
    const fromWeb = (await ipcMain.invoke('os-key:unseal', invokeEventFrom('https://evil.example/'), { sealed: new Uint8Array(4) })) as IpcResult<unknown>;
    expect(fromWeb).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    const tooBig = (await ipcMain.invoke('os-key:unseal', APP, { sealed: new Uint8Array(5000) })) as IpcResult<unknown>;
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });
});

describe('system sleep and screen lock', () => {
  it('forwards powerMonitor suspend and lock-screen to every window', () => {
    const windows = [new FakeBrowserWindow({}), new FakeBrowserWindow({})];
    forwardSystemLock();
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('resume');
    for (const window of windows) {
      expect(window.webContents.send.mock.calls).toEqual([
        [SYSTEM_LOCK_CHANNEL, 'suspend'],
        [SYSTEM_LOCK_CHANNEL, 'lock-screen'],
      ]);
    }
  });

  it('reaches the page through the preload, which passes on known reasons only', async () => {
    vi.resetModules();
    await import('../../electron/preload');
    const api = contextBridge.exposed.get('delegateApi') as DelegateApi;
    const heard: string[] = [];
    const stop = api.onSystemLock((reason) => heard.push(reason));
    const [channel, wrapped] = ipcRenderer.on.mock.calls.at(-1) as unknown as [string, (event: unknown, reason: unknown) => void];
    expect(channel).toBe(SYSTEM_LOCK_CHANNEL);
    for (const reason of [...SYSTEM_LOCK_REASONS, 'unlock', 42]) wrapped({ sender: 'ipcRenderer' }, reason);
    expect(heard).toEqual([...SYSTEM_LOCK_REASONS]);
    stop();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(SYSTEM_LOCK_CHANNEL, wrapped);
  });
});
