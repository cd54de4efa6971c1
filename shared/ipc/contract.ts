import { z } from 'zod';
import { Language } from '../model';

/*
 * The one IPC contract between the renderer and main. Each channel names its request schema
 * (main validates every payload with it, because the renderer is treated as untrusted) and its
 * response schema (used here for the response *type*; main does not re-parse its own replies).
 * Adding an operation means: an entry here, a method on DelegateApi, a handler in
 * electron/ipc.ts and a method in electron/preload.ts — the compiler points at each one.
 */

/** What the renderer may know about the running app. Deliberately no file-system paths. */
export const AppInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  electronVersion: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const OpenExternalResult = z.strictObject({
  opened: z.boolean(),
  /** Why a link was not opened, in words a delegate can read. */
  reason: z.string().optional(),
});
export type OpenExternalResult = z.infer<typeof OpenExternalResult>;

/** Long enough for any real link; stops a renderer from pushing megabytes through a URL parser. */
export const MAX_URL_LENGTH = 2048;
export const MAX_TITLE_LENGTH = 200;

export const ipcContract = {
  'app:get-info': {
    // invoke() with no argument arrives as undefined.
    request: z.undefined(),
    response: AppInfo,
  },
  'shell:open-external': {
    request: z.strictObject({ url: z.string().min(1).max(MAX_URL_LENGTH) }),
    response: OpenExternalResult,
  },
  'window:set-title': {
    request: z.strictObject({ title: z.string().max(MAX_TITLE_LENGTH) }),
    response: z.undefined(),
  },
  /** The interface language changed (or the app started): main rebuilds the menu in it. */
  'app:set-language': {
    request: z.strictObject({ language: Language }),
    response: z.undefined(),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

/*
 * Events from main to the renderer. One channel only: the application menu sends a named
 * command, which the renderer runs as if the delegate had pressed its shortcut. The renderer
 * validates the payload too (a command it does not know is ignored).
 */
export const MENU_COMMANDS = [
  'new-briefing',
  'import-dataset',
  'print-pack',
  'back-up',
  'back',
  'forward',
  'toggle-search',
  'show-shortcuts',
  'about',
] as const;
export const MenuCommand = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommand>;

export const ipcEvents = {
  'menu:command': MenuCommand,
} as const satisfies Record<string, z.ZodType>;
export type IpcEvent = keyof typeof ipcEvents;
export const MENU_COMMAND_CHANNEL = 'menu:command' satisfies IpcEvent;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export const IPC_CHANNELS = Object.keys(ipcContract) as IpcChannel[];

export type IpcRequest<C extends IpcChannel> = z.output<IpcContract[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<IpcContract[C]['response']>;

export type IpcErrorCode = 'invalid-payload' | 'untrusted-sender' | 'failed';

/** One problem found in a payload; plain data so it survives structured clone. */
export interface IpcIssue {
  path: (string | number)[];
  message: string;
}

export interface IpcError {
  code: IpcErrorCode;
  message: string;
  issues?: IpcIssue[];
}

/*
 * Every reply is an envelope rather than a thrown error: Electron flattens errors thrown in a
 * handler into a generic "Error invoking remote method" string, losing the code.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** The API the preload exposes as `window.delegateApi`; one named method per operation. */
export interface DelegateApi {
  getAppInfo(): Promise<IpcResult<IpcResponse<'app:get-info'>>>;
  /** Opens a public https link in the system browser; anything else is refused. */
  openExternal(url: string): Promise<IpcResult<IpcResponse<'shell:open-external'>>>;
  setTitle(title: string): Promise<IpcResult<IpcResponse<'window:set-title'>>>;
  /** Tells main the interface language, so the application menu speaks it too. */
  setLanguage(language: Language): Promise<IpcResult<IpcResponse<'app:set-language'>>>;
  /** Calls `listener` with each application-menu command; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
