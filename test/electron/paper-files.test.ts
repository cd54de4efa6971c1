import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../shared/ipc/contract';
import { registerIpcHandlers } from '../../electron/ipc';
import { openPaperFile } from '../../electron/paper-files';
import { fakeElectron, FakeBrowserWindow, invokeEventFrom } from './fake-electron';

const dialog = vi.hoisted(() => ({
  answer: { canceled: true, filePaths: [] as string[] },
  showOpenDialog: vi.fn(async (..._args: unknown[]) => dialog.answer),
}));
vi.mock('electron', async () => {
  const fake = (await import('./fake-electron')).fakeElectronModule;
  return { ...fake, dialog, default: { ...fake.default, dialog } };
});

const APP_PAGE = 'app://bundle/index.html';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'paper-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  fakeElectron.reset();
  dialog.showOpenDialog.mockClear();
  dialog.answer = { canceled: true, filePaths: [] };
});

describe('papers:open-file', () => {
  it('returns the chosen paper as name and bytes, never its path', async () => {
    const file = path.join(dir, 'Draft joint statement.pdf');
    await writeFile(file, '%PDF-1.7 test');
    dialog.answer = { canceled: false, filePaths: [file] };
    registerIpcHandlers();
    const window = new FakeBrowserWindow({});
    const result = (await fakeElectron.ipcMain.invoke('papers:open-file', invokeEventFrom(APP_PAGE, window.webContents), { title: 'Attach a paper' })) as IpcResult<{ status: string; name: string; bytes: Uint8Array }>;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.status).toBe('opened');
    expect(result.value.name).toBe('Draft joint statement.pdf');
    expect(new TextDecoder().decode(result.value.bytes)).toBe('%PDF-1.7 test');
    expect(JSON.stringify(result)).not.toContain(dir);
    const [, options] = dialog.showOpenDialog.mock.calls[0] as [unknown, Electron.OpenDialogOptions];
    expect(options.title).toBe('Attach a paper');
    expect(options.properties).toEqual(['openFile']);
  });

  it('refuses a file over the cap from its size, before reading it', async () => {
    const file = path.join(dir, 'huge.pdf');
    await writeFile(file, new Uint8Array(4096));
    dialog.answer = { canceled: false, filePaths: [file] };
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
