import path from 'node:path';
import { BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import type { PaperFileResult } from '../shared/ipc/contract';
import { MAX_PAPER_BYTES } from '../shared/papers/file-checks';
import { readPickedFile } from './files/read-picked-file';

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
  // Decided on the open handle: only a regular file is read, and never past the cap.
  const read = await readPickedFile(filePath, maxBytes);
  if (read.status === 'not-a-file') return { status: 'not-a-file', name, kind: read.kind };
  if (read.status === 'too-large') return { status: 'too-large', name, size: read.size, limit: read.limit };
  return { status: 'opened', name, bytes: read.bytes };
}
