import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../shared/ipc/contract';
import { openDatasetFile } from '../../electron/dataset-files';
import { registerIpcHandlers } from '../../electron/ipc';
import { fakeElectron, FakeBrowserWindow, invokeEventFrom } from './fake-electron';

// The shared fake has no dialog; this test adds one that answers with whatever file it is told.
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
  dir = await mkdtemp(path.join(os.tmpdir(), 'dataset-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  fakeElectron.reset();
  dialog.showOpenDialog.mockClear();
  dialog.answer = { canceled: true, filePaths: [] };
});

async function bundleFile(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

describe('dataset:open-file', () => {
  it('returns the chosen file as name and bytes, never its path', async () => {
    const file = await bundleFile('asean-v2.json', '{"manifest":"{}"}');
    dialog.answer = { canceled: false, filePaths: [file] };
    registerIpcHandlers();
    const window = new FakeBrowserWindow({});
    const result = (await fakeElectron.ipcMain.invoke('dataset:open-file', invokeEventFrom(APP_PAGE, window.webContents), { title: 'Import dataset' })) as IpcResult<unknown>;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { status: string; name: string; bytes: Uint8Array };
    expect(value.status).toBe('opened');
    expect(value.name).toBe('asean-v2.json');
    expect(new TextDecoder().decode(value.bytes)).toBe('{"manifest":"{}"}');
    expect(JSON.stringify(result)).not.toContain(dir);
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
    const file = await bundleFile('huge.json', new Uint8Array(2048));
    dialog.answer = { canceled: false, filePaths: [file] };
    const result = await openDatasetFile({ title: 'x' }, { sender: {} as Electron.WebContents }, 1024);
    expect(result).toEqual({ status: 'too-large', name: 'huge.json', size: 2048, limit: 1024 });
  });

  it('never reads what is not a regular file (a folder here; pipes and devices in read-picked-file.test.ts)', async () => {
    dialog.answer = { canceled: false, filePaths: [dir] };
    const result = await openDatasetFile({ title: 'x' }, { sender: {} as Electron.WebContents }, 1024);
    expect(result).toEqual({ status: 'not-a-file', name: path.basename(dir), kind: 'folder' });
  });

  it('accepts a file exactly at the cap', async () => {
    const file = await bundleFile('edge.json', new Uint8Array(1024));
    dialog.answer = { canceled: false, filePaths: [file] };
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
    dialog.answer = { canceled: false, filePaths: [path.join(dir, 'gone.json')] };
    registerIpcHandlers();
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = (await fakeElectron.ipcMain.invoke('dataset:open-file', invokeEventFrom(APP_PAGE), { title: 'x' })) as IpcResult<unknown>;
    errorLog.mockRestore();
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'dataset:open-file failed' } });
  });
});
