import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import type { PaperFileResult } from '../shared/ipc/contract';
import { MAX_PAPER_BYTES } from '../shared/papers/file-checks';

/*
 * Opening a meeting paper in the desktop app. The renderer never sees a path: main shows the
 * dialog (any file; PDFs first), checks the size against the cap before reading a byte and
 * hands over the name and bytes. What the bytes are is checked in the renderer.
 */

export const PAPER_FILE_FILTERS = [
  { name: 'PDF', extensions: ['pdf'] },
  { name: '*', extensions: ['*'] },
];

export async function openPaperFile(
  { title }: { title: string },
  event: Pick<IpcMainInvokeEvent, 'sender'>,
  maxBytes = MAX_PAPER_BYTES,
): Promise<PaperFileResult> {
  const window = BrowserWindow.fromWebContents(event.sender);
  const options: Electron.OpenDialogOptions = { title: title.trim() || 'Attach a paper', properties: ['openFile'], filters: PAPER_FILE_FILTERS };
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const filePath = choice.filePaths[0];
  if (choice.canceled || filePath === undefined) return { status: 'cancelled' };
  const name = path.basename(filePath);
  const { size } = await stat(filePath);
  if (size > maxBytes) return { status: 'too-large', name, size, limit: maxBytes };
  const bytes = await readFile(filePath);
  // The file may have grown between stat and read; the cap holds either way.
  if (bytes.byteLength > maxBytes) return { status: 'too-large', name, size: bytes.byteLength, limit: maxBytes };
  return { status: 'opened', name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}
