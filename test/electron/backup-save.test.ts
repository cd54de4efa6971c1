import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupSaves, installBackupSaveCleanup } from '../../electron/backup-save';
import { registerIpcHandlers } from '../../electron/ipc';
import { MAX_BACKUP_WRITE_BYTES, type IpcResult } from '../../shared/ipc/contract';
import { fakeElectron, invokeEventFrom } from './fake-electron';

// The shared fake has no dialog; this test adds the save dialog (answering what `dialog.answer` says).
const dialog = vi.hoisted(() => ({
  answer: { canceled: true } as { canceled: boolean; filePath?: string },
  showSaveDialog: vi.fn(async (..._args: unknown[]) => dialog.answer),
}));
vi.mock('electron', async () => {
  const fake = (await import('./fake-electron')).fakeElectronModule;
  return { ...fake, dialog, default: { ...fake.default, dialog } };
});

const APP_PAGE = 'app://bundle/index.html';
let folder: string;
const invoke = <T>(channel: string, payload?: unknown, url = APP_PAGE) => fakeElectron.ipcMain.invoke(channel, invokeEventFrom(url), payload) as Promise<IpcResult<T>>;
const bytes = (text: string) => new TextEncoder().encode(text);

beforeEach(async () => {
  fakeElectron.reset();
  registerIpcHandlers();
  dialog.showSaveDialog.mockClear();
  folder = await mkdtemp(path.join(os.tmpdir(), 'backup-save-'));
  dialog.answer = { canceled: false, filePath: path.join(folder, 'my backup.adbackup') };
});
afterEach(async () => {
  await backupSaves.abortAll();
  await rm(folder, { recursive: true, force: true });
});

async function opened(): Promise<string> {
  const result = await invoke<{ opened: boolean; id?: string; fileName?: string }>('backup-save:open', { fileName: 'asean-delegate-backup-2026-12-01.adbackup', title: 'Back up all my work' });
  expect(result).toMatchObject({ ok: true, value: { opened: true, fileName: 'my backup.adbackup' } });
  return (result as { ok: true; value: { id: string } }).value.id;
}

describe('saving a backup through main (desktop)', () => {
  it('writes the pieces to a temporary file and gives it the chosen name only on close', async () => {
    const id = await opened();
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: 'asean-delegate-backup-2026-12-01.adbackup' }));
    expect(await invoke('backup-save:write', { id, bytes: bytes('{"header":1}\n') })).toEqual({ ok: true, value: undefined });
    expect(await invoke('backup-save:write', { id, bytes: bytes('{"part":"end"}\n') })).toEqual({ ok: true, value: undefined });
    // Before close nothing has the backup's name.
    expect(await readdir(folder)).not.toContain('my backup.adbackup');
    expect(await invoke('backup-save:close', { id })).toEqual({ ok: true, value: { fileName: 'my backup.adbackup' } });
    expect(await readdir(folder)).toEqual(['my backup.adbackup']);
    expect(await readFile(path.join(folder, 'my backup.adbackup'), 'utf8')).toBe('{"header":1}\n{"part":"end"}\n');
  });

  it('an aborted save leaves no file at all, and its id writes nothing more', async () => {
    const id = await opened();
    await invoke('backup-save:write', { id, bytes: bytes('half of a backup') });
    expect(await invoke('backup-save:abort', { id })).toEqual({ ok: true, value: undefined });
    expect(await readdir(folder)).toEqual([]);
    expect(await invoke('backup-save:write', { id, bytes: bytes('more') })).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(await invoke('backup-save:close', { id })).toMatchObject({ ok: false });
    expect(await readdir(folder)).toEqual([]);
  });

  it('a cancelled dialog opens nothing', async () => {
    dialog.answer = { canceled: true };
    expect(await invoke('backup-save:open', { fileName: 'backup.adbackup', title: '' })).toEqual({ ok: true, value: { opened: false } });
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses pieces over the size limit, unknown ids and other senders, taking no path from the renderer', async () => {
    const id = await opened();
    expect(await invoke('backup-save:write', { id, bytes: new Uint8Array(MAX_BACKUP_WRITE_BYTES + 1) })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await invoke('backup-save:write', { id, bytes: new Uint8Array() })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await invoke('backup-save:write', { id: '../../etc/passwd', bytes: bytes('x') })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await invoke('backup-save:write', { id: 'a-save-that-does-not-exist', bytes: bytes('x') })).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(await invoke('backup-save:open', { fileName: 'x.adbackup', title: '', path: '/tmp/elsewhere' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await invoke('backup-save:write', { id, bytes: bytes('x') }, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('quitting mid-save removes the unfinished file before the app exits; with nothing open, quit goes on', async () => {
    installBackupSaveCleanup();
    const idle = { preventDefault: vi.fn() };
    fakeElectron.app.emit('will-quit', idle);
    expect(idle.preventDefault).not.toHaveBeenCalled();

    const id = await opened();
    await invoke('backup-save:write', { id, bytes: bytes('half of a backup') });
    expect(await readdir(folder)).toHaveLength(1);
    const quitting = { preventDefault: vi.fn() };
    fakeElectron.app.emit('will-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(fakeElectron.app.quit).toHaveBeenCalled());
    expect(await readdir(folder)).toEqual([]);
  });
});
