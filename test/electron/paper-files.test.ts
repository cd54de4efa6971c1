import { describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../shared/ipc/contract';
import { registerIpcHandlers } from '../../electron/ipc';
import { openPaperFile } from '../../electron/paper-files';
import { fakeElectron, FakeBrowserWindow, invokeEventFrom } from './fake-electron';
import { dialog, usePickedFiles } from './picked-file-fixture';

vi.mock('electron', async () => (await import('./picked-file-fixture')).electronWithDialog());

const APP_PAGE = 'app://bundle/index.html';
const files = usePickedFiles('paper-files-');

describe('papers:open-file', () => {
  it('returns the chosen paper as name and bytes, never its path', async () => {
    const file = await files.write('Draft joint statement.pdf', '%PDF-1.7 test');
    files.pick(file);
    registerIpcHandlers();
    const window = new FakeBrowserWindow({});
    const result = (await fakeElectron.ipcMain.invoke('papers:open-file', invokeEventFrom(APP_PAGE, window.webContents), { title: 'Attach a paper' })) as IpcResult<{ status: string; name: string; bytes: Uint8Array }>;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.status).toBe('opened');
    expect(result.value.name).toBe('Draft joint statement.pdf');
    expect(new TextDecoder().decode(result.value.bytes)).toBe('%PDF-1.7 test');
    expect(JSON.stringify(result)).not.toContain(files.dir);
    const [, options] = dialog.showOpenDialog.mock.calls[0] as [unknown, Electron.OpenDialogOptions];
    expect(options.title).toBe('Attach a paper');
    expect(options.properties).toEqual(['openFile']);
  });

  it('refuses a file over the cap from its size, before reading it', async () => {
    const file = await files.write('huge.pdf', new Uint8Array(4096));
    files.pick(file);
    expect(await openPaperFile({ title: 'x' }, { sender: {} as Electron.WebContents }, 1024)).toEqual({ status: 'too-large', name: 'huge.pdf', size: 4096, limit: 1024 });
  });

  it('answers cancelled when the dialog is dismissed', async () => {
    expect(await openPaperFile({ title: 'x' }, { sender: {} as Electron.WebContents })).toEqual({ status: 'cancelled' });
  });

  it.each([
    ['a path instead of a title', [{ path: '/etc/passwd' }]],
    ['an extra key', [{ title: 'x', path: '/etc/passwd' }]],
  ])('rejects %s without showing a dialog', async (_what, args) => {
    registerIpcHandlers();
    const result = (await fakeElectron.ipcMain.invoke('papers:open-file', invokeEventFrom(APP_PAGE), ...args)) as IpcResult<unknown>;
    expect(result.ok).toBe(false);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('is refused to a page that is not the app', async () => {
    registerIpcHandlers();
    const result = (await fakeElectron.ipcMain.invoke('papers:open-file', invokeEventFrom('https://evil.example/'), { title: 'x' })) as IpcResult<unknown>;
    expect(result.ok).toBe(false);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});
