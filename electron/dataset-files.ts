import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog, type IpcMainInvokeEvent, net } from 'electron';
import { DEFAULT_MAX_BUNDLE_BYTES } from '../shared/bundle/verify';
import type { DatasetFileResult, FeedFetchResult } from '../shared/ipc/contract';
import { fetchFeed } from './feed-fetch';

/*
 * Where dataset bundles come from in the desktop app. The renderer never sees a path: main
 * shows the open dialog, checks the file's size against the cap before reading a byte, and
 * hands over the name and the bytes. Verification happens in the renderer's sync engine, which
 * treats these bytes as untrusted like any other.
 */

export const BUNDLE_FILE_FILTERS = [{ name: 'Dataset bundle', extensions: ['json'] }];

export async function openDatasetFile(
  { title }: { title: string },
  event: Pick<IpcMainInvokeEvent, 'sender'>,
  maxBytes = DEFAULT_MAX_BUNDLE_BYTES,
): Promise<DatasetFileResult> {
  const window = BrowserWindow.fromWebContents(event.sender);
  const options: Electron.OpenDialogOptions = { title: title.trim() || 'Import dataset', properties: ['openFile'], filters: BUNDLE_FILE_FILTERS };
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

/** Fetches a feed address through Chromium's network stack (system proxy and certificates). */
export function fetchDatasetFeed({ url }: { url: string }): Promise<FeedFetchResult> {
  return fetchFeed(url, { fetch: (input, init) => net.fetch(input, init) });
}
