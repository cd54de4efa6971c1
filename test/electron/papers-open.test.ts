import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../shared/ipc/contract';
import { registerIpcHandlers } from '../../electron/ipc';
import { openPaperWithSystem } from '../../electron/papers-open';
import { createPrivateTempFolder, installTempCleanup, papersTempFolder, removeLeftovers, safeTempName, TEMP_PREFIX } from '../../electron/papers-temp-files';
import { fakeElectron, invokeEventFrom } from './fake-electron';

// The shared fake's shell has no openPath; this test adds it (answering '' = opened, or an error).
const shell = vi.hoisted(() => ({ openPath: vi.fn(async (_file: string) => '') }));
vi.mock('electron', async () => {
  const fake = (await import('./fake-electron')).fakeElectronModule;
  const withOpenPath = { ...fake.shell, openPath: shell.openPath };
  return { ...fake, shell: withOpenPath, default: { ...fake.default, shell: withOpenPath } };
});

const APP_PAGE = 'app://bundle/index.html';
const VERSION = '0b7e5c1a-2f4d-4e8b-9a6c-3d2e1f0a9b8c';
const BYTES = new TextEncoder().encode('%PDF-1.7 a paper') as Uint8Array<ArrayBuffer>;
let temp: string;

beforeEach(async () => {
  fakeElectron.reset();
  shell.openPath.mockReset().mockResolvedValue('');
  temp = await mkdtemp(path.join(os.tmpdir(), 'papers-open-'));
  // The fake's getPath answers this folder for every name, 'temp' included.
  fakeElectron.app.userDataDir = temp;
});
afterEach(async () => {
  papersTempFolder.removeAll();
  await rm(temp, { recursive: true, force: true });
});

const mode = async (file: string) => (await stat(file)).mode & 0o777;

describe('open with the system viewer (desktop)', () => {
  it('writes the paper to a private temp file (0600 in a 0700 folder) and opens that file with the system', async () => {
    registerIpcHandlers();
    const result = await fakeElectron.ipcMain.invoke('papers:open-with-system', invokeEventFrom(APP_PAGE), { versionId: VERSION, name: 'Draft joint statement Rev.1.pdf', bytes: BYTES });
    expect(result).toEqual({ ok: true, value: { opened: true } });
    expect(shell.openPath).toHaveBeenCalledOnce();
    const file = shell.openPath.mock.calls[0]![0];
    const folder = papersTempFolder.location!;
    expect(path.dirname(folder)).toBe(temp);
    expect(path.basename(folder).startsWith(TEMP_PREFIX)).toBe(true);
    expect(file).toBe(path.join(folder, VERSION, 'Draft joint statement Rev.1.pdf'));
    expect(new Uint8Array(await readFile(file))).toEqual(BYTES);
    if (process.platform !== 'win32') {
      expect(await mode(file)).toBe(0o600);
      expect(await mode(folder)).toBe(0o700);
      expect(await mode(path.dirname(file))).toBe(0o700);
    }
  });

  it('opening the same version again replaces the file rather than writing through a link left in its place', async () => {
    const first = (await openPaperWithSystem({ versionId: VERSION, name: 'paper.pdf', bytes: BYTES }), shell.openPath.mock.calls[0]![0]);
    const elsewhere = path.join(temp, 'elsewhere.txt');
    await writeFile(elsewhere, 'untouched');
    await rm(first);
    await symlink(elsewhere, first);
    expect(await openPaperWithSystem({ versionId: VERSION, name: 'paper.pdf', bytes: BYTES })).toEqual({ opened: true });
    expect(await readFile(elsewhere, 'utf8')).toBe('untouched');
    expect(new Uint8Array(await readFile(first))).toEqual(BYTES);
  });

  it('keeps the file name main cleaned: a name with folders stays inside the private folder', async () => {
    await openPaperWithSystem({ versionId: VERSION, name: '../../../etc/passwd', bytes: BYTES });
    const file = shell.openPath.mock.calls[0]![0];
    expect(file).toBe(path.join(papersTempFolder.location!, VERSION, 'passwd'));
    expect(safeTempName('C:\\Users\\x\\Concept note.docx')).toBe('Concept note.docx');
    expect(safeTempName('...')).toBe('paper');
    expect(safeTempName('Nota konsep: "draf"?.pdf')).toBe('Nota konsep- -draf.pdf');
    expect(safeTempName('Hà Nội.pdf')).toBe('Hà Nội.pdf');
  });

  it('answers no-application and removes the file when the system cannot open it', async () => {
    shell.openPath.mockResolvedValue('No application is registered as handling this file');
    expect(await openPaperWithSystem({ versionId: VERSION, name: 'data.xyz', bytes: BYTES })).toEqual({ opened: false, reason: 'no-application' });
    expect(await readdir(path.join(papersTempFolder.location!, VERSION))).toEqual([]);
  });

  it('refuses a payload with a path, a version id that is not one, no bytes or too many, and a page that is not the app, writing nothing', async () => {
    registerIpcHandlers();
    const bad = [
      undefined,
      { versionId: '../../x', name: 'a.pdf', bytes: BYTES },
      { versionId: 'a/b', name: 'a.pdf', bytes: BYTES },
      { versionId: VERSION, name: 'a.pdf', bytes: BYTES, path: '/etc/passwd' },
      { versionId: VERSION, name: '', bytes: BYTES },
      { versionId: VERSION, name: 'a.pdf', bytes: new Uint8Array(0) },
      { versionId: VERSION, name: 'a.pdf', bytes: 'not bytes' },
    ];
    for (const payload of bad) {
      const result = (await fakeElectron.ipcMain.invoke('papers:open-with-system', invokeEventFrom(APP_PAGE), payload)) as IpcResult<unknown>;
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid-payload');
    }
    const foreign = (await fakeElectron.ipcMain.invoke('papers:open-with-system', invokeEventFrom('https://evil.example/'), { versionId: VERSION, name: 'a.pdf', bytes: BYTES })) as IpcResult<unknown>;
    expect(foreign.ok ? 'ok' : foreign.error.code).toBe('untrusted-sender');
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(papersTempFolder.location).toBeUndefined();
    expect(await readdir(temp)).toEqual([]);
  });

  it('the folder writes only names main chose and removes only its own files', async () => {
    const folder = createPrivateTempFolder(() => temp);
    await expect(folder.write('..', 'a.pdf', BYTES)).rejects.toThrow();
    await expect(folder.write('v1', '../a.pdf', BYTES)).rejects.toThrow();
    const outside = path.join(temp, 'keep.txt');
    await writeFile(outside, 'keep');
    await folder.write('v1', 'a.pdf', BYTES);
    await folder.remove(outside);
    expect(await readFile(outside, 'utf8')).toBe('keep');
    folder.removeAll();
  });
});

describe('temp clean-up', () => {
  it('removes this run\'s folder when the app quits', async () => {
    installTempCleanup();
    await openPaperWithSystem({ versionId: VERSION, name: 'paper.pdf', bytes: BYTES });
    const folder = papersTempFolder.location!;
    expect((await stat(folder)).isDirectory()).toBe(true);
    fakeElectron.app.emit('will-quit');
    await expect(stat(folder)).rejects.toThrow(/ENOENT/);
    expect(papersTempFolder.location).toBeUndefined();
  });

  it('removes folders a crashed run left, and nothing else: not other folders, not links', async () => {
    await mkdir(path.join(temp, `${TEMP_PREFIX}old1`, VERSION), { recursive: true });
    await writeFile(path.join(temp, `${TEMP_PREFIX}old1`, VERSION, 'paper.pdf'), BYTES);
    await mkdir(path.join(temp, 'someone-else'));
    const target = path.join(temp, 'someone-else');
    await symlink(target, path.join(temp, `${TEMP_PREFIX}link`));
    expect(await removeLeftovers(temp)).toBe(1);
    expect((await readdir(temp)).sort()).toEqual([`${TEMP_PREFIX}link`, 'someone-else']);
  });
});
