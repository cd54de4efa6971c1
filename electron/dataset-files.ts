import { lookup } from 'node:dns/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent, net } from 'electron';
import { DEFAULT_MAX_BUNDLE_BYTES } from '../shared/bundle/verify';
import type { DatasetFileResult, FeedFetchResult } from '../shared/ipc/contract';
import { fetchFeed } from './feed-fetch';
import { readPickedFile } from './files/read-picked-file';

/*
 * Where dataset bundles come from in the desktop app. The renderer never sees a path: main
 * shows the open dialog, reads the file only if it is a regular file and only up to the cap
 * (files/read-picked-file.ts), and hands over the name and the bytes. Verification happens in the renderer's sync engine, which
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
  const read = await readPickedFile(filePath, maxBytes);
  switch (read.status) {
    case 'read':
      return { status: 'opened', name, bytes: read.bytes };
    case 'too-large':
      return { status: 'too-large', name, size: read.size, limit: read.limit };
    case 'not-a-file':
      return { status: 'not-a-file', name, kind: read.kind };
  }
}

/**
 * Loopback feeds are for tests only: an unpackaged app started with
 * DELEGATE_TEST_LOOPBACK_FEEDS=1 may fetch from 127.0.0.1. A delegate's installed app never can.
 */
export function allowLoopbackFeeds(env: NodeJS.ProcessEnv = process.env): boolean {
  return !app.isPackaged && env.DELEGATE_TEST_LOOPBACK_FEEDS === '1';
}

/**
 * Every address a host name resolves to, so a public name pointing into the local network is
 * refused. A name this machine cannot resolve is left to net.fetch: behind a proxy only the
 * proxy resolves names, and the download must still work there.
 */
export async function resolveHost(hostname: string): Promise<string[]> {
  try {
    return (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}

/** Fetches a feed address through Chromium's network stack (system proxy and certificates). */
export function fetchDatasetFeed({ url }: { url: string }): Promise<FeedFetchResult> {
  return fetchFeed(url, { fetch: (input, init) => net.fetch(input, init), resolveHost, allowLoopback: allowLoopbackFeeds() });
}
