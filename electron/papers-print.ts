import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { papersTempFolder, type PrivateTempFolder } from './papers-temp-files';

/*
 * The system print dialog for a pack with meeting papers as its annex. The page alone cannot
 * carry the papers' own pages, so main prints exactly what "Save as PDF" saves (the page by
 * printToPDF, the papers merged after it, stamped and numbered), writes it to its private temp
 * folder, shows it in a hidden window of its own (the built-in PDF viewer: no preload, no Node,
 * sandboxed) and opens the print dialog on that; the file is removed once the dialog closes.
 */

/** The PDF viewer's own frames: the one place a print window's frames may go besides its file. */
const PDF_VIEWER_ORIGINS = ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai', 'chrome://pdf-viewer'];

export function printWindowAllows(url: string, file: string): boolean {
  if (url === pathToFileURL(file).href) return true;
  return PDF_VIEWER_ORIGINS.some((origin) => url === origin || url.startsWith(`${origin}/`));
}

type Sender = Pick<IpcMainInvokeEvent, 'sender'>;

/** Keeps the print window on its file and the viewer: the app-wide guard (security.ts) knows only the app's pages. */
function guardPrintWindow(contents: WebContents, file: string): void {
  const keep = (details: { url: string; preventDefault(): void }) => {
    if (!printWindowAllows(details.url, file)) details.preventDefault();
  };
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const) contents.removeAllListeners(event);
  contents.on('will-navigate', keep);
  contents.on('will-frame-navigate', keep);
  contents.on('will-redirect', keep);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export async function printPdfInWindow(
  pdf: Uint8Array,
  event: Sender,
  folder: PrivateTempFolder = papersTempFolder,
): Promise<{ printed: boolean }> {
  const owner = BrowserWindow.fromWebContents(event.sender as WebContents);
  const file = await folder.write(`print-${randomUUID()}`, 'pack.pdf', pdf);
  const window = new BrowserWindow({
    show: false,
    ...(owner ? { parent: owner } : {}),
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, plugins: true, devTools: false },
  });
  try {
    guardPrintWindow(window.webContents, file);
    await window.loadURL(pathToFileURL(file).href);
    return await new Promise<{ printed: boolean }>((resolve) => {
      window.webContents.print({ printBackground: true }, (success) => resolve({ printed: success }));
    });
  } finally {
    if (!window.isDestroyed()) window.destroy();
    await folder.remove(file);
  }
}
