import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { PackPdfResult } from '../shared/ipc/contract';
import type { PackAnnexRequest } from '../shared/papers/annex-request';
import { withAnnex } from './pack-annex';
import { printPdfInWindow } from './papers-print';

/*
 * Printing a briefing pack in the desktop app. The renderer has already laid the pack out in
 * page boxes sized with CSS (@page size, A4 or Letter); main prints the sender's own page with
 * that size, so the PDF's page N is the preview's page N. The renderer learns the saved file's
 * name, never its path.
 */

export const PDF_FILTERS = [{ name: 'PDF', extensions: ['pdf'] }];

/**
 * Each page box is a whole sheet whose padding is the margin (the CSS says `@page { margin: 0 }`).
 * printToPDF adds 1 cm margins of its own unless told otherwise, and those would push every box
 * over onto a second sheet; the Chromium that tests use defaults to none, so say it here.
 */
export const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } } as const satisfies Electron.PrintToPDFOptions;

/** A file name without folders or characters file systems refuse, ending in .pdf. */
export function safePdfName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/\.pdf$/i, '');
  const cleaned = base.replace(/[^\p{L}\p{N}._ -]+/gu, '-').replace(/^[-. ]+|[-. ]+$/g, '').slice(0, 100);
  return `${cleaned || 'briefing-pack'}.pdf`;
}

type Sender = Pick<IpcMainInvokeEvent, 'sender'>;

async function fileExists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Asks where to save, prints the sender's page to PDF and writes it. A name chosen without
 * ".pdf" gets it; when that name is already taken the dialog is shown again on it, so the
 * system asks before replacing the file rather than main overwriting it unasked.
 */
export async function savePackPdf(
  { fileName, title, annex }: { fileName: string; title: string; annex?: PackAnnexRequest },
  event: Sender,
  write: (file: string, data: Uint8Array) => Promise<void> = writeFile,
  exists: (file: string) => Promise<boolean> = fileExists,
): Promise<PackPdfResult> {
  const contents = event.sender as WebContents;
  const window = BrowserWindow.fromWebContents(contents);
  let defaultPath = safePdfName(fileName);
  let target: string;
  for (;;) {
    const options: Electron.SaveDialogOptions = { title: title.trim() || 'Save pack as PDF', defaultPath, filters: PDF_FILTERS };
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false };
    if (choice.filePath.toLowerCase().endsWith('.pdf')) {
      target = choice.filePath;
      break;
    }
    target = `${choice.filePath}.pdf`;
    if (!(await exists(target))) break;
    defaultPath = target;
  }
  await write(target, await packPdf(contents, annex));
  return { saved: true, fileName: path.basename(target) };
}

/**
 * The pack as a PDF: the sender's page printed with its CSS page size, then the chosen papers'
 * pages merged after it. A paper that cannot be read fails the whole, before anything is written.
 */
export async function packPdf(contents: WebContents, annex: PackAnnexRequest | undefined): Promise<Uint8Array> {
  const pdf: Uint8Array = await contents.printToPDF(PDF_OPTIONS);
  return annex ? Buffer.from(await withAnnex(pdf, annex)) : pdf;
}

/**
 * Opens the system print dialog for the sender's page; answers whether it was printed. With an
 * annex, the dialog shows the same pages "Save as PDF" writes (electron/papers-print.ts).
 */
export async function printPack(event: Sender, request?: { annex: PackAnnexRequest }): Promise<{ printed: boolean }> {
  const contents = event.sender as WebContents;
  if (request?.annex) return printPdfInWindow(await packPdf(contents, request.annex), event);
  return new Promise((resolve) => {
    contents.print({ printBackground: true }, (success) => resolve({ printed: success }));
  });
}
