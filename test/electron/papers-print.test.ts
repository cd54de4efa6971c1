import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../shared/ipc/contract';
import { registerIpcHandlers } from '../../electron/ipc';
import { printWindowAllows } from '../../electron/papers-print';
import { papersTempFolder } from '../../electron/papers-temp-files';
import { fakeElectron, FakeBrowserWindow, invokeEventFrom } from './fake-electron';
import { printDialog, PrintWindow } from './printing-fakes';

/*
 * The desktop print dialog with meeting papers as the annex: main prints the pack to PDF,
 * merges the papers (as "Save as PDF" does), shows that file in a hidden window and opens the
 * print dialog on it. Electron is the shared fake, with printing web contents added here.
 */

vi.mock('electron', async () => {
  const fake = (await import('./fake-electron')).fakeElectronModule;
  const { PrintWindow } = await import('./printing-fakes');
  return { ...fake, BrowserWindow: PrintWindow, default: { ...fake.default, BrowserWindow: PrintWindow } };
});

const APP_PAGE = 'app://bundle/index.html';
let temp: string;

async function makePdf(pages: readonly string[]): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const line of pages) doc.addPage([595, 842]).drawText(line, { x: 60, y: 760, size: 12, font });
  return (await doc.save()) as Uint8Array<ArrayBuffer>;
}

beforeEach(async () => {
  fakeElectron.reset();
  printDialog.printed = true;
  temp = await mkdtemp(path.join(os.tmpdir(), 'papers-print-'));
  fakeElectron.app.userDataDir = temp;
});
afterEach(async () => {
  papersTempFolder.removeAll();
  await rm(temp, { recursive: true, force: true });
});

describe('the desktop print dialog with a papers annex', () => {
  it('prints the pages "Save as PDF" saves: the pack, then the papers stamped and numbered, from a private file removed afterwards', async () => {
    registerIpcHandlers();
    const main = new PrintWindow({});
    main.webContents.printToPDF.mockResolvedValue(await makePdf(['Pack cover', 'Pack contents']));
    const annex = { marking: 'RESTRICTED', pageLabel: 'Halaman {page} daripada {total}', papers: [{ title: 'Concept note', bytes: await makePdf(['PAPERONE blue carbon', 'PAPERTWO peatlands']) }] };
    const result = await fakeElectron.ipcMain.invoke('pack:print', invokeEventFrom(APP_PAGE, main.webContents), { annex });
    expect(result).toEqual({ ok: true, value: { printed: true } });

    // The page itself is not sent to the printer: a window of main's own shows the merged file.
    expect(main.webContents.print).not.toHaveBeenCalled();
    expect(main.webContents.printToPDF).toHaveBeenCalledWith({ preferCSSPageSize: true, printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    const printWindow = FakeBrowserWindow.instances.find((w) => w !== main) as PrintWindow;
    expect(printWindow.options).toMatchObject({ show: false, parent: main, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true } });
    expect(printWindow.options.webPreferences).not.toHaveProperty('preload');
    expect(printWindow.webContents.print).toHaveBeenCalledWith({ printBackground: true }, expect.any(Function));

    const seen = printWindow.webContents.seen!;
    expect(seen.pages).toHaveLength(4);
    expect(seen.pages[0]).toContain('Pack cover');
    expect(seen.pages[2]).toContain('PAPERONE blue carbon');
    expect(seen.pages[3]).toContain('PAPERTWO peatlands');
    for (const n of [3, 4]) {
      expect(seen.pages[n - 1]).toContain(`Halaman ${n} daripada 4`);
      expect(seen.pages[n - 1]!.match(/RESTRICTED/g)).toHaveLength(2);
    }
    if (process.platform !== 'win32') expect(seen.mode).toBe(0o600);
    const file = fileURLToPath(seen.url);
    expect(file.startsWith(papersTempFolder.location!)).toBe(true);

    // Once the dialog has closed: the window is gone and so is the file.
    expect(printWindow.destroy).toHaveBeenCalledOnce();
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });

  it('answers not printed when the delegate cancels the dialog, and still cleans up', async () => {
    const main = new PrintWindow({});
    main.webContents.printToPDF.mockResolvedValue(await makePdf(['Pack cover']));
    registerIpcHandlers();
    const annex = { marking: '', pageLabel: 'Page {page} of {total}', papers: [{ title: 'Report', bytes: await makePdf(['REPORT']) }] };
    // The print window main creates during the call answers "cancelled".
    printDialog.printed = false;
    const result = await fakeElectron.ipcMain.invoke('pack:print', invokeEventFrom(APP_PAGE, main.webContents), { annex });
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    expect(result).toEqual({ ok: true, value: { printed: false } });
    expect((FakeBrowserWindow.instances[1] as PrintWindow).destroyed).toBe(true);
    const folders = await readdir(papersTempFolder.location!);
    for (const folder of folders) expect(await readdir(path.join(papersTempFolder.location!, folder))).toEqual([]);
  });

  it('prints nothing and writes nothing when a paper cannot be read', async () => {
    registerIpcHandlers();
    const main = new PrintWindow({});
    main.webContents.printToPDF.mockResolvedValue(await makePdf(['Pack cover']));
    const annex = { marking: 'OFFICIAL', pageLabel: 'Page {page} of {total}', papers: [{ title: 'Broken', bytes: new TextEncoder().encode('not a pdf') }] };
    const result = (await fakeElectron.ipcMain.invoke('pack:print', invokeEventFrom(APP_PAGE, main.webContents), { annex })) as IpcResult<unknown>;
    expect(result.ok ? 'ok' : result.error.code).toBe('failed');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(papersTempFolder.location).toBeUndefined();
  });

  it('validates the annex before printing anything', async () => {
    registerIpcHandlers();
    const main = new PrintWindow({});
    for (const bad of [{ annex: { marking: 'OFFICIAL', pageLabel: 'Page', papers: [{ title: 'x', bytes: new Uint8Array([1]) }] } }, { annex: { marking: 'OFFICIAL', pageLabel: 'Page {page} of {total}', papers: [] } }, { annex: undefined, copies: 2 }]) {
      const result = (await fakeElectron.ipcMain.invoke('pack:print', invokeEventFrom(APP_PAGE, main.webContents), bad)) as IpcResult<unknown>;
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid-payload');
    }
    expect(main.webContents.printToPDF).not.toHaveBeenCalled();
    expect(main.webContents.print).not.toHaveBeenCalled();
  });

  it('without papers, prints the page itself as before', async () => {
    registerIpcHandlers();
    const main = new PrintWindow({});
    expect(await fakeElectron.ipcMain.invoke('pack:print', invokeEventFrom(APP_PAGE, main.webContents))).toEqual({ ok: true, value: { printed: true } });
    expect(main.webContents.printToPDF).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('keeps the print window on its file and the PDF viewer', () => {
    const file = path.join(temp, 'adb-papers-x', 'print-1', 'pack.pdf');
    const url = new URL(`file://${file}`).href;
    expect(printWindowAllows(url, file)).toBe(true);
    expect(printWindowAllows('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', file)).toBe(true);
    expect(printWindowAllows('file:///etc/passwd', file)).toBe(false);
    expect(printWindowAllows('https://evil.example/', file)).toBe(false);
    expect(printWindowAllows('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai.evil.example/', file)).toBe(false);
  });
});
