import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../shared/ipc/contract';
import { printPack, safePdfName, savePackPdf } from '../../electron/pack-print';
import { registerIpcHandlers } from '../../electron/ipc';
import { fakeElectron, FakeBrowserWindow, FakeWebContents, invokeEventFrom } from './fake-electron';

// The shared fake has no dialog and its web contents do not print; this test adds both.
const dialog = vi.hoisted(() => ({
  answer: { canceled: true, filePath: '' } as { canceled: boolean; filePath?: string },
  showSaveDialog: vi.fn(async (..._args: unknown[]) => dialog.answer),
}));
vi.mock('electron', async () => {
  const fake = (await import('./fake-electron')).fakeElectronModule;
  return { ...fake, dialog, default: { ...fake.default, dialog } };
});

const APP_PAGE = 'app://bundle/index.html';
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

class PrintingContents extends FakeWebContents {
  printToPDF = vi.fn(async (_options: unknown): Promise<Uint8Array> => PDF);
  printed = true;
  print = vi.fn((_options: unknown, callback: (success: boolean) => void) => callback(this.printed));
}

beforeEach(() => {
  fakeElectron.reset();
  dialog.showSaveDialog.mockClear();
  dialog.answer = { canceled: true };
});

describe('safePdfName', () => {
  it.each([
    ['ASOEN-36 Malaysia brief-internal.pdf', 'ASOEN-36 Malaysia brief-internal.pdf'],
    ['../../etc/passwd', 'passwd.pdf'],
    ['C:\\Users\\x\\pack.PDF', 'pack.pdf'],
    ['brief: "draft"?', 'brief- -draft.pdf'],
    ['...', 'briefing-pack.pdf'],
    ['Hà Nội pack', 'Hà Nội pack.pdf'],
  ])('%s gives %s', (input, expected) => {
    expect(safePdfName(input)).toBe(expected);
  });
});

describe('savePackPdf', () => {
  it('asks where to save, prints the page with its CSS page size, writes the file, and answers with its name only', async () => {
    const contents = new PrintingContents();
    const window = new FakeBrowserWindow({});
    Object.assign(window, { webContents: contents });
    dialog.answer = { canceled: false, filePath: '/home/delegate/Documents/ASOEN-36 pack' };
    const write = vi.fn(async (_file: string, _data: Uint8Array) => undefined);
    const result = await savePackPdf({ fileName: 'ASOEN-36/pack.pdf', title: 'Save as PDF' }, { sender: contents as never }, write);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ title: 'Save as PDF', defaultPath: 'pack.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }));
    // The CSS page size, and no margins of printToPDF's own: the page boxes are whole sheets.
    expect(contents.printToPDF).toHaveBeenCalledWith({ preferCSSPageSize: true, printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    expect(write).toHaveBeenCalledWith('/home/delegate/Documents/ASOEN-36 pack.pdf', PDF);
    expect(result).toEqual({ saved: true, fileName: 'ASOEN-36 pack.pdf' });
  });

  it('asks again rather than overwrite a file the dialog did not confirm, when ".pdf" is added to the name chosen', async () => {
    const contents = new PrintingContents();
    dialog.showSaveDialog
      .mockResolvedValueOnce({ canceled: false, filePath: '/home/delegate/pack' })
      .mockResolvedValueOnce({ canceled: false, filePath: '/home/delegate/pack.pdf' });
    const write = vi.fn(async (_file: string, _data: Uint8Array) => undefined);
    const exists = vi.fn(async (file: string) => file === '/home/delegate/pack.pdf');
    const result = await savePackPdf({ fileName: 'pack.pdf', title: 'Save' }, { sender: contents as never }, write, exists);
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(2);
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(expect.objectContaining({ defaultPath: '/home/delegate/pack.pdf' }));
    expect(exists).toHaveBeenCalledOnce();
    expect(write).toHaveBeenCalledOnce();
    expect(write).toHaveBeenCalledWith('/home/delegate/pack.pdf', PDF);
    expect(result).toEqual({ saved: true, fileName: 'pack.pdf' });
  });

  it('writes nothing and prints nothing when the delegate cancels', async () => {
    const contents = new PrintingContents();
    const write = vi.fn(async () => undefined);
    expect(await savePackPdf({ fileName: 'pack.pdf', title: '' }, { sender: contents as never }, write)).toEqual({ saved: false });
    expect(contents.printToPDF).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
  });
});

describe('printPack', () => {
  it('opens the system print dialog for the sender and reports the outcome', async () => {
    const contents = new PrintingContents();
    expect(await printPack({ sender: contents as never })).toEqual({ printed: true });
    expect(contents.print).toHaveBeenCalledWith({ printBackground: true }, expect.any(Function));
    contents.printed = false;
    expect(await printPack({ sender: contents as never })).toEqual({ printed: false });
  });
});

describe('pack IPC channels', () => {
  it('validate their payload before printing anything', async () => {
    registerIpcHandlers();
    const contents = new PrintingContents();
    for (const bad of [undefined, { fileName: '' }, { fileName: 'a.pdf' }, { fileName: 'x'.repeat(121), title: '' }, { fileName: 'a.pdf', title: '', path: '/tmp' }]) {
      const result = (await fakeElectron.ipcMain.invoke('pack:save-pdf', invokeEventFrom(APP_PAGE, contents), bad)) as IpcResult<unknown>;
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid-payload');
    }
    const extra = (await fakeElectron.ipcMain.invoke('pack:print', invokeEventFrom(APP_PAGE, contents), { copies: 2 })) as IpcResult<unknown>;
    expect(extra.ok ? 'ok' : extra.error.code).toBe('invalid-payload');
    expect(contents.printToPDF).not.toHaveBeenCalled();
    expect(contents.print).not.toHaveBeenCalled();
  });

  it('refuse a page that is not the app', async () => {
    registerIpcHandlers();
    const contents = new PrintingContents();
    const result = (await fakeElectron.ipcMain.invoke('pack:print', invokeEventFrom('https://evil.example/', contents))) as IpcResult<unknown>;
    expect(result.ok ? 'ok' : result.error.code).toBe('untrusted-sender');
    expect(contents.print).not.toHaveBeenCalled();
  });

  it('print the sender page through the channel', async () => {
    registerIpcHandlers();
    const contents = new PrintingContents();
    expect(await fakeElectron.ipcMain.invoke('pack:print', invokeEventFrom(APP_PAGE, contents))).toEqual({ ok: true, value: { printed: true } });
    expect(contents.print).toHaveBeenCalledOnce();
  });
});

/** A real PDF, one page per text (main only ever sees bytes). */
async function makePdf(pages: readonly string[][]): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 60, y: 760 - i * 20, size: 12, font }));
  }
  return (await doc.save()) as Uint8Array<ArrayBuffer>;
}

describe('a pack saved with meeting papers as its annex (desktop)', () => {
  const annexOf = async (paper: Uint8Array<ArrayBuffer>) => ({ marking: 'OFFICIAL', pageLabel: 'Page {page} of {total}', papers: [{ title: 'Concept note', bytes: paper }] });

  it('merges the papers\' pages after the printed pack, stamped and numbered, before the file is written', async () => {
    const contents = new PrintingContents();
    const packPdf = await makePdf([['Pack cover'], ['Pack contents']]);
    contents.printToPDF.mockResolvedValue(packPdf);
    dialog.answer = { canceled: false, filePath: '/home/delegate/pack.pdf' };
    const written: Uint8Array[] = [];
    const annex = await annexOf(await makePdf([['PAPERONE blue carbon'], ['PAPERTWO peatlands']]));
    const result = await savePackPdf({ fileName: 'pack.pdf', title: 'Save', annex }, { sender: contents as never }, async (_file, data) => void written.push(data));
    expect(result).toEqual({ saved: true, fileName: 'pack.pdf' });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pack-annex-')), 'pack.pdf');
    writeFileSync(file, written[0]!);
    const text = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+4\n/);
    expect(text(1)).toContain('Pack cover');
    expect(text(3)).toContain('PAPERONE blue carbon');
    expect(text(4)).toContain('PAPERTWO peatlands');
    for (const n of [3, 4]) {
      expect(text(n)).toContain(`Page ${n} of 4`);
      expect(text(n).match(/OFFICIAL/g)).toHaveLength(2);
    }
  });

  it('are validated: an annex without its page numbers is refused before anything is printed', async () => {
    registerIpcHandlers();
    const contents = new PrintingContents();
    const bad = { fileName: 'a.pdf', title: '', annex: { marking: 'OFFICIAL', pageLabel: 'Page', papers: [{ title: 'x', bytes: new Uint8Array([1]) }] } };
    const result = (await fakeElectron.ipcMain.invoke('pack:save-pdf', invokeEventFrom(APP_PAGE, contents), bad)) as IpcResult<unknown>;
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid-payload');
    expect(contents.printToPDF).not.toHaveBeenCalled();
  });

  it('writes nothing when a paper cannot be read', async () => {
    const contents = new PrintingContents();
    contents.printToPDF.mockResolvedValue(await makePdf([['Pack cover']]));
    dialog.answer = { canceled: false, filePath: '/home/delegate/pack.pdf' };
    const write = vi.fn(async () => undefined);
    await expect(savePackPdf({ fileName: 'pack.pdf', title: '', annex: await annexOf(new TextEncoder().encode('not a pdf') as Uint8Array<ArrayBuffer>) }, { sender: contents as never }, write)).rejects.toThrow(/Concept note/);
    expect(write).not.toHaveBeenCalled();
  });
});
