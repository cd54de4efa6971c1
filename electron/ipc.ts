import { app, BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import {
  ipcContract,
  type IpcChannel,
  type IpcError,
  type IpcErrorCode,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '../shared/ipc/contract';
import { isAppUrl } from '../shared/trusted-url';
import { APP_ORIGIN } from './app-origin';
import { backupSaves } from './backup-save';
import { fetchDatasetFeed, openDatasetFile } from './dataset-files';
import { setMenuLanguage } from './menu';
import { osKeyStatus, sealKeyWithOs, unsealKeyWithOs } from './os-key';
import { printPack, savePackPdf } from './pack-print';
import { openPaperFile } from './paper-files';
import { openPaperWithSystem } from './papers-open';
import { openExternalIfSafe, openMailtoIfSafe } from './security';
import { relayOrigins } from './relay-csp';

export type IpcHandler<C extends IpcChannel> = (
  request: IpcRequest<C>,
  event: IpcMainInvokeEvent,
) => IpcResponse<C> | Promise<IpcResponse<C>>;

function failure(code: IpcErrorCode, message: string, issues?: IpcError['issues']): IpcResult<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

/** Only the bundle's own frames may call main; a frame that navigated elsewhere has no URL we trust. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url, APP_ORIGIN);
}

/**
 * Registers `handler` for `channel`. The sender is checked and the payload validated here, once,
 * so no handler can forget to; a handler only ever sees a payload that matched the contract.
 */
export function handle<C extends IpcChannel>(channel: C, handler: IpcHandler<C>): void {
  const schema: z.ZodType = ipcContract[channel].request;
  ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<IpcResult<IpcResponse<C>>> => {
    if (!isTrustedSender(event)) {
      return failure('untrusted-sender', `${channel} is only available to the app's own pages`);
    }
    if (args.length > 1) return failure('invalid-payload', `${channel} takes at most one argument`);
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        // Symbols cannot cross structured clone; no schema here uses them as keys anyway.
        path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
        message: issue.message,
      }));
      return failure('invalid-payload', `${channel} received a payload that does not match the contract`, issues);
    }
    try {
      // TypeScript cannot relate an indexed generic schema to its output; the contract map does.
      return { ok: true, value: await handler(parsed.data as IpcRequest<C>, event) };
    } catch (error) {
      // The details (paths, stack) stay in main's log rather than going to the renderer.
      console.error(`IPC handler for ${channel} failed`, error);
      return failure('failed', `${channel} failed`);
    }
  });
}

export function registerIpcHandlers(): void {
  handle('app:get-info', () => ({
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    electronVersion: process.versions.electron ?? 'unknown',
  }));

  handle('shell:open-external', ({ url }) =>
    openExternalIfSafe(url)
      ? { opened: true }
      : { opened: false, reason: 'Only public https links can be opened outside the app.' },
  );

  handle('shell:compose-email', ({ to, subject }) =>
    openMailtoIfSafe(subject === undefined ? { to } : { to, subject })
      ? { opened: true }
      : { opened: false, reason: 'Only a plain e-mail address (and a subject) can be opened in the mail program.' },
  );

  handle('window:set-title', ({ title }, event) => {
    const window = BrowserWindow.fromWebContents(event.sender);
    if (window === null) throw new Error('no window for sender');
    window.setTitle(title.trim() === '' ? app.getName() : title);
    return undefined;
  });

  handle('dataset:open-file', (request, event) => openDatasetFile(request, event));
  handle('dataset:fetch-feed', (request) => fetchDatasetFeed(request));

  handle('papers:open-file', (request, event) => openPaperFile(request, event));
  handle('papers:open-with-system', (request) => openPaperWithSystem(request));

  handle('pack:save-pdf', (request, event) => savePackPdf(request, event));
  handle('pack:print', (request, event) => printPack(event, request));
  handle('relay:set-origins', ({ urls }) => relayOrigins.set(urls));

  handle('backup-save:open', (request, event) => backupSaves.open(request, event));
  handle('backup-save:write', (request, event) => backupSaves.write(request, event));
  handle('backup-save:close', (request, event) => backupSaves.close(request, event));
  handle('backup-save:abort', (request, event) => backupSaves.abort(request, event));

  handle('os-key:status', () => osKeyStatus());
  handle('os-key:seal', (request) => sealKeyWithOs(request));
  handle('os-key:unseal', (request) => unsealKeyWithOs(request));

  handle('app:set-language', ({ language }) => {
    setMenuLanguage(language);
    return undefined;
  });
}
