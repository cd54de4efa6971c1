import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../shared/ipc/contract';
import { openDatasetFile } from '../../electron/dataset-files';
import { registerIpcHandlers } from '../../electron/ipc';
import { fakeElectron, FakeBrowserWindow, invokeEventFrom } from './fake-electron';
import { dialog, usePickedFiles } from './picked-file-fixture';

vi.mock('electron', async () => (await import('./picked-file-fixture')).electronWithDialog());

const APP_PAGE = 'app://bundle/index.html';
const files = usePickedFiles('dataset-files-');

describe('dataset:open-file', () => {
  it('returns the chosen file as name and bytes, never its path', async () => {
    const file = await files.write('asean-v2.json', '{"manifest":"{}"}');
    files.pick(file);
    registerIpcHandlers();
    const window = new FakeBrowserWindow({});
    const result = (await fakeElectron.ipcMain.invoke('dataset:open-file', invokeEventFrom(APP_PAGE, window.webContents), { title: 'Import dataset' })) as IpcResult<unknown>;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { status: string; name: string; bytes: Uint8Array };
    expect(value.status).toBe('opened');
    expect(value.name).toBe('asean-v2.json');
    expect(new TextDecoder().decode(value.bytes)).toBe('{"manifest":"{}"}');
    expect(JSON.stringify(result)).not.toContain(files.dir);
    // The dialog is modal to the asking window, titled in the interface's words, filtered to bundles.
    const [parent, options] = dialog.showOpenDialog.mock.calls[0] as [unknown, Electron.OpenDialogOptions];
    expect(parent).toBe(window);
    expect(options.title).toBe('Import dataset');
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters).toEqual([{ name: 'Dataset bundle', extensions: ['json'] }]);
  });

  it('answers cancelled when the dialog is dismissed', async () => {
    const result = await openDatasetFile({ title: 'x' }, { sender: {} as Electron.WebContents });
    expect(result).toEqual({ status: 'cancelled' });
  });

  it('refuses a file over the cap from its size, before reading it', async () => {
    const file = await files.write('huge.json', new Uint8Array(2048));
    files.pick(file);
    const result = await openDatasetFile({ title: 'x' }, { sender: {} as Electron.WebContents }, 1024);
    expect(result).toEqual({ status: 'too-large', name: 'huge.json', size: 2048, limit: 1024 });
  });

  it('never reads what is not a regular file (a folder here; pipes and devices in read-picked-file.test.ts)', async () => {
    files.pick(files.dir);
    const result = await openDatasetFile({ title: 'x' }, { sender: {} as Electron.WebContents }, 1024);
    expect(result).toEqual({ status: 'not-a-file', name: path.basename(files.dir), kind: 'folder' });
  });

  it('accepts a file exactly at the cap', async () => {
    const file = await files.write('edge.json', new Uint8Array(1024));
    files.pick(file);
    const result = await openDatasetFile({ title: 'x' }, { sender: {} as Electron.WebContents }, 1024);
    expect(result.status).toBe('opened');
  });

  it.each([
    ['no payload', []],
    ['a path instead of a title', [{ path: '/etc/passwd' }]],
    ['an extra key', [{ title: 'x', path: '/etc/passwd' }]],
    ['a title over 200 characters', [{ title: 'x'.repeat(201) }]],
  ])('rejects %s without showing a dialog', async (_what, args) => {
    registerIpcHandlers();
    const result = (await fakeElectron.ipcMain.invoke('dataset:open-file', invokeEventFrom(APP_PAGE), ...args)) as IpcResult<unknown>;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-payload');
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('is refused to a page that is not the app', async () => {
    registerIpcHandlers();
    const result = (await fakeElectron.ipcMain.invoke('dataset:open-file', invokeEventFrom('https://evil.example/'), { title: 'x' })) as IpcResult<unknown>;
    expect(result.ok).toBe(false);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('reports a file that cannot be read as a failure without leaking its path', async () => {
    files.pick(path.join(files.dir, 'gone.json'));
    registerIpcHandlers();
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = (await fakeElectron.ipcMain.invoke('dataset:open-file', invokeEventFrom(APP_PAGE), { title: 'x' })) as IpcResult<unknown>;
    errorLog.mockRestore();
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'dataset:open-file failed' } });
  });
});
