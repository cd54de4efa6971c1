import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { PackPdfResult } from '../shared/ipc/contract';

/*
 * Printing a briefing pack in the desktop app. The renderer has already laid the pack out in
 * page boxes sized with CSS (@page size, A4 or Letter); main prints the sender's own page with
 * that size, so the PDF's page N is the preview's page N. The renderer learns the saved file's
 * name, never its path.
 */

export const PDF_FILTERS = [{ name: 'PDF', extensions: ['pdf'] }];

/** A file name without folders or characters file systems refuse, ending in .pdf. */
export function safePdfName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/\.pdf$/i, '');
  const cleaned = base.replace(/[^\p{L}\p{N}._ -]+/gu, '-').replace(/^[-. ]+|[-. ]+$/g, '').slice(0, 100);
  return `${cleaned || 'briefing-pack'}.pdf`;
}

type Sender = Pick<IpcMainInvokeEvent, 'sender'>;

export async function savePackPdf(
  { fileName, title }: { fileName: string; title: string },
  event: Sender,
  write: (file: string, data: Uint8Array) => Promise<void> = writeFile,
): Promise<PackPdfResult> {
  const contents = event.sender as WebContents;
  const window = BrowserWindow.fromWebContents(contents);
  const options: Electron.SaveDialogOptions = { title: title.trim() || 'Save pack as PDF', defaultPath: safePdfName(fileName), filters: PDF_FILTERS };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false };
  const pdf = await contents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  const target = choice.filePath.toLowerCase().endsWith('.pdf') ? choice.filePath : `${choice.filePath}.pdf`;
  await write(target, pdf);
  return { saved: true, fileName: path.basename(target) };
}

/** Opens the system print dialog for the sender's page; answers whether it was printed. */
export function printPack(event: Sender): Promise<{ printed: boolean }> {
  const contents = event.sender as WebContents;
  return new Promise((resolve) => {
    contents.print({ printBackground: true }, (success) => resolve({ printed: success }));
  });
}
