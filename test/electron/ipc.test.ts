import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type IpcResult } from '../../shared/ipc/contract';
import { fakeElectron, FakeBrowserWindow, invokeEventFrom } from './fake-electron';
import { handle, registerIpcHandlers } from '../../electron/ipc';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);

const { ipcMain, shell } = fakeElectron;
const APP_PAGE = 'app://bundle/index.html';

function errorOf(result: unknown) {
  const envelope = result as IpcResult<unknown>;
  if (envelope.ok) throw new Error(`expected a failure, got ${JSON.stringify(envelope)}`);
  return envelope.error;
}

beforeEach(() => fakeElectron.reset());

describe('handle(): sender check', () => {
  it.each([
    ['a web page', 'https://evil.example/'],
    ['a local file', 'file:///tmp/evil.html'],
    ['the dev server', 'http://localhost:5173/'],
    ['a look-alike host', 'app://bundle.evil/index.html'],
    ['another app:// host', 'app://other/index.html'],
    ['a frame that has gone', null],
  ])('refuses %s and never calls the handler', async (_who, url) => {
    const handler = vi.fn(() => ({ opened: true }));
    handle('shell:open-external', handler);
    const result = await ipcMain.invoke('shell:open-external', invokeEventFrom(url), { url: 'https://asean.org/' });
    expect(errorOf(result).code).toBe('untrusted-sender');
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('handle(): payload validation', () => {
  it.each([
    ['a number for url', [{ url: 42 }]],
    ['no payload', []],
    ['a bare string', ['https://asean.org/']],
    ['an unknown extra key', [{ url: 'https://asean.org/', target: '_self' }]],
    ['an empty url', [{ url: '' }]],
    ['a url over 2048 characters', [{ url: `https://asean.org/${'a'.repeat(2048)}` }]],
    ['a second argument', [{ url: 'https://asean.org/' }, { extra: true }]],
  ])('rejects %s with a typed error and never calls the handler', async (_what, args) => {
    const handler = vi.fn(() => ({ opened: true }));
    handle('shell:open-external', handler);
    const error = errorOf(await ipcMain.invoke('shell:open-external', invokeEventFrom(APP_PAGE), ...args));
    expect(error.code).toBe('invalid-payload');
    expect(error.message).toEqual(expect.any(String));
    expect(handler).not.toHaveBeenCalled();
  });

  it('reports which field was wrong, as plain cloneable data', async () => {
    handle('window:set-title', vi.fn());
    const error = errorOf(
      await ipcMain.invoke('window:set-title', invokeEventFrom(APP_PAGE), { title: 'x'.repeat(201) }),
    );
    expect(error.issues).toEqual([{ path: ['title'], message: expect.any(String) }]);
    expect(structuredClone(error)).toEqual(error);
  });

  it('rejects a payload sent to an operation that takes none', async () => {
    const handler = vi.fn();
    handle('app:get-info', handler);
    const error = errorOf(await ipcMain.invoke('app:get-info', invokeEventFrom(APP_PAGE), { path: '/' }));
    expect(error.code).toBe('invalid-payload');
    expect(handler).not.toHaveBeenCalled();
  });

  it('passes a valid payload to the handler and wraps its answer', async () => {
    const handler = vi.fn(() => ({ opened: true }));
    handle('shell:open-external', handler);
    const event = invokeEventFrom(APP_PAGE);
    const result = await ipcMain.invoke('shell:open-external', event, { url: 'https://asean.org/' });
    expect(result).toEqual({ ok: true, value: { opened: true } });
    expect(handler).toHaveBeenCalledExactlyOnceWith({ url: 'https://asean.org/' }, event);
  });

  it('turns a thrown error into a "failed" result without leaking its details', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    handle('app:get-info', () => {
      throw new Error('EACCES /home/delegate/secret');
    });
    const error = errorOf(await ipcMain.invoke('app:get-info', invokeEventFrom(APP_PAGE)));
    expect(error.code).toBe('failed');
    expect(JSON.stringify(error)).not.toContain('/home/delegate');
  });
});

describe('registerIpcHandlers', () => {
  beforeEach(() => registerIpcHandlers());

  it('registers exactly the channels in the contract', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('app:get-info describes the app without any file-system path', async () => {
    const result = await ipcMain.invoke('app:get-info', invokeEventFrom(APP_PAGE));
    expect(result).toEqual({
      ok: true,
      value: { name: 'ASEAN Delegate Briefing', version: '0.1.0', platform: process.platform, electronVersion: expect.any(String) },
    });
    expect(JSON.stringify(result)).not.toMatch(/[/\\](home|Users|tmp|nonexistent)/);
  });

  it('shell:open-external opens a public https link', async () => {
    const result = await ipcMain.invoke('shell:open-external', invokeEventFrom(APP_PAGE), { url: 'https://asean.org/' });
    expect(result).toEqual({ ok: true, value: { opened: true } });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://asean.org/');
  });

  it.each(['file:///etc/passwd', 'http://asean.org/', 'https://10.0.0.1/', 'javascript:alert(1)'])(
    'shell:open-external refuses %s with a reason',
    async (url) => {
      const result = await ipcMain.invoke('shell:open-external', invokeEventFrom(APP_PAGE), { url });
      expect(result).toEqual({ ok: true, value: { opened: false, reason: expect.any(String) } });
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('window:set-title sets the title of the sender’s own window', async () => {
    const window = new FakeBrowserWindow({});
    const other = new FakeBrowserWindow({});
    const result = await ipcMain.invoke('window:set-title', invokeEventFrom(APP_PAGE, window.webContents), {
      title: 'ASOEN-36 briefing',
    });
    expect(result).toEqual({ ok: true, value: undefined });
    expect(window.setTitle).toHaveBeenCalledExactlyOnceWith('ASOEN-36 briefing');
    expect(other.setTitle).not.toHaveBeenCalled();
  });

  it('app:set-language rebuilds the application menu in that language', async () => {
    const result = await ipcMain.invoke('app:set-language', invokeEventFrom(APP_PAGE), { language: 'id' });
    expect(result).toEqual({ ok: true, value: undefined });
    const labels = (fakeElectron.Menu.applicationMenu?.template ?? []).map((m) => (m as { label?: string }).label);
    expect(labels).toContain('&Berkas');
    expect(labels).not.toContain('&File');
  });

  it('app:set-language refuses a language the app does not have', async () => {
    const result = await ipcMain.invoke('app:set-language', invokeEventFrom(APP_PAGE), { language: 'fr' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(fakeElectron.Menu.setApplicationMenu).not.toHaveBeenCalled();
  });
});
