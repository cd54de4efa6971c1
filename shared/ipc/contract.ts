import { z } from 'zod';
import { Language } from '../model';
import { isAllowedRelayUrl } from '../collab/relay-token';
import { PackAnnexRequest } from '../papers/annex-request';
import { MAX_PAPER_BYTES } from '../papers/file-checks';
import { EMAIL_PATTERN } from '../mailto-url';

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

/*
 * Dataset bundles reach the renderer as bytes only: from a file the delegate picks in main's
 * open dialog (its name, never its path) or from a feed address main fetches. The size cap is
 * checked before a file is read and while a download streams.
 */
export const FEED_ERROR_CODES = ['not-https', 'timeout', 'http-status', 'too-large', 'network'] as const;
export type FeedErrorCode = (typeof FEED_ERROR_CODES)[number];

export const FeedFetchResult = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), bytes: z.instanceof(Uint8Array), url: z.string() }),
  z.strictObject({
    ok: z.literal(false),
    code: z.enum(FEED_ERROR_CODES),
    /** The HTTP status (http-status only). */
    status: z.number().int().optional(),
    /** English detail for logs; the interface translates by code. */
    message: z.string(),
  }),
]);
export type FeedFetchResult = z.infer<typeof FeedFetchResult>;

export const DatasetFileResult = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('opened'), name: z.string(), bytes: z.instanceof(Uint8Array) }),
  z.strictObject({ status: z.literal('cancelled') }),
  z.strictObject({ status: z.literal('too-large'), name: z.string(), size: z.number(), limit: z.number() }),
  /** A named pipe, a device, a folder...: never read (kind says which). */
  z.strictObject({ status: z.literal('not-a-file'), name: z.string(), kind: z.string() }),
]);
export type DatasetFileResult = z.infer<typeof DatasetFileResult>;

/*
 * Meeting papers reach the renderer as bytes only, like dataset bundles: main shows the open
 * dialog, checks the size against the cap before reading, and hands over the name and bytes.
 * The renderer checks the content (PDF or not, damaged, protected) itself.
 */
export const PaperFileResult = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('opened'), name: z.string(), bytes: z.instanceof(Uint8Array) }),
  z.strictObject({ status: z.literal('cancelled') }),
  z.strictObject({ status: z.literal('too-large'), name: z.string(), size: z.number(), limit: z.number() }),
  z.strictObject({ status: z.literal('not-a-file'), name: z.string(), kind: z.string() }),
]);
export type PaperFileResult = z.infer<typeof PaperFileResult>;

/*
 * "Open with the system viewer" (desktop): the page names the version by its id and hands over
 * its file name and bytes, never a path; main writes them to its private temp folder and opens
 * that file with the system's default application (electron/papers-open.ts).
 */
export const PaperOpenRequest = z.strictObject({
  /** Becomes a folder name in main's temp folder: letters, digits and dashes only. */
  versionId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, 'not a version id'),
  /** The version's file name; main keeps its base name and safe characters only. */
  name: z.string().min(1).max(255),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= MAX_PAPER_BYTES, 'not a paper main can open'),
});
export const PaperOpenResult = z.discriminatedUnion('opened', [
  z.strictObject({ opened: z.literal(true) }),
  /** The system has no application for the file, or refused to open it. */
  z.strictObject({ opened: z.literal(false), reason: z.literal('no-application') }),
]);
export type PaperOpenResult = z.infer<typeof PaperOpenResult>;

/*
 * Briefing packs: main prints the page the renderer has laid out (its own webContents, never
 * another), asks where to save, and answers with the file's name only, never its path.
 */
export const MAX_FILE_NAME_LENGTH = 120;
export const PackPdfRequest = z.strictObject({
  /** Suggested file name, e.g. "ASOEN-36-pack.pdf"; main keeps only safe characters. */
  fileName: z.string().min(1).max(MAX_FILE_NAME_LENGTH),
  /** The save dialog's title, in the interface language. */
  title: z.string().max(MAX_TITLE_LENGTH),
  /** Meeting papers merged after the printed pages, stamped and numbered (electron/pack-annex.ts). */
  annex: PackAnnexRequest.optional(),
});
export const PackPdfResult = z.strictObject({ saved: z.boolean(), fileName: z.string().optional() });
export type PackPdfResult = z.infer<typeof PackPdfResult>;

/*
 * Quick unlock through the operating system (Electron safeStorage). Main seals the data key
 * only when the OS really protects it: never with the plain-text fallback Linux uses when no
 * keyring is running. The sealed bytes are kept by the renderer; main keeps nothing.
 */
export const DATA_KEY_BYTES = 32;
export const MAX_SEALED_KEY_BYTES = 4096;
export const OsKeyStatus = z.strictObject({
  available: z.boolean(),
  /** safeStorage's backend on Linux ("gnome_libsecret", "kwallet5", "basic_text"...), or the platform's store elsewhere. */
  backend: z.string(),
});
export type OsKeyStatus = z.infer<typeof OsKeyStatus>;
const Unavailable = z.strictObject({ ok: z.literal(false), reason: z.enum(['unavailable', 'failed']), backend: z.string() });
export const OsSealResult = z.discriminatedUnion('ok', [z.strictObject({ ok: z.literal(true), sealed: z.instanceof(Uint8Array), backend: z.string() }), Unavailable]);
export type OsSealResult = z.infer<typeof OsSealResult>;
export const OsUnsealResult = z.discriminatedUnion('ok', [z.strictObject({ ok: z.literal(true), key: z.instanceof(Uint8Array) }), Unavailable]);
export type OsUnsealResult = z.infer<typeof OsUnsealResult>;

/*
 * Saving a backup (desktop): streamed to a file through main. The renderer asks main to show
 * the save dialog (a suggested name only, never a path), gets back an id for that save, writes
 * the file in pieces, then closes it (main renames its temporary file to the chosen name) or
 * aborts it (main removes the temporary file). Main never takes a path from the renderer.
 */
export const MAX_BACKUP_WRITE_BYTES = 16 * 1024 * 1024;
/** The streamed backup cap (renderer/features/backup/stream/stream-format.ts), checked again by main. */
export const MAX_BACKUP_SAVE_BYTES = 2 * 1024 * 1024 * 1024;
export const BackupSaveId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a save id');
export const BackupSaveOpenResult = z.discriminatedUnion('opened', [
  z.strictObject({ opened: z.literal(true), id: BackupSaveId, fileName: z.string() }),
  z.strictObject({ opened: z.literal(false) }),
]);
export type BackupSaveOpenResult = z.infer<typeof BackupSaveOpenResult>;

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
  /** A new e-mail to one contact in the system's mail program: main builds the mailto itself (shared/mailto-url.ts). */
  'shell:compose-email': {
    request: z.strictObject({
      to: z.string().max(254).regex(EMAIL_PATTERN),
      // eslint-disable-next-line no-control-regex -- a subject with a line break would be a second header
      subject: z.string().max(MAX_TITLE_LENGTH).regex(/^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/).optional(),
    }),
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
  'dataset:open-file': {
    /** The dialog's title, in the interface language. */
    request: z.strictObject({ title: z.string().max(MAX_TITLE_LENGTH) }),
    response: DatasetFileResult,
  },
  'dataset:fetch-feed': {
    request: z.strictObject({ url: z.string().min(1).max(MAX_URL_LENGTH) }),
    response: FeedFetchResult,
  },
  'papers:open-file': {
    /** The dialog's title, in the interface language. */
    request: z.strictObject({ title: z.string().max(MAX_TITLE_LENGTH) }),
    response: PaperFileResult,
  },
  'papers:open-with-system': {
    request: PaperOpenRequest,
    response: PaperOpenResult,
  },
  'pack:save-pdf': {
    request: PackPdfRequest,
    response: PackPdfResult,
  },
  'pack:print': {
    /** With an annex, main prints the pack as "Save as PDF" writes it, the papers' pages merged after it. */
    request: z.strictObject({ annex: PackAnnexRequest }).optional(),
    response: z.strictObject({ printed: z.boolean() }),
  },
  /** The relays the shared briefings use: main allows exactly these in the CSP's connect-src. */
  'relay:set-origins': {
    request: z.strictObject({ urls: z.array(z.string().max(MAX_URL_LENGTH).refine(isAllowedRelayUrl, 'not an allowed relay address')).max(50) }),
    /** `changed`: the window must reload for the new CSP to apply. */
    response: z.strictObject({ changed: z.boolean() }),
  },
  'backup-save:open': {
    /** Suggested file name and the dialog's title, in the interface language. */
    request: z.strictObject({ fileName: z.string().min(1).max(MAX_FILE_NAME_LENGTH), title: z.string().max(MAX_TITLE_LENGTH) }),
    response: BackupSaveOpenResult,
  },
  'backup-save:write': {
    request: z.strictObject({ id: BackupSaveId, bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= MAX_BACKUP_WRITE_BYTES, 'not a piece main writes') }),
    response: z.undefined(),
  },
  /** The file is complete: main renames it to the name chosen, and answers that name (never the path). */
  'backup-save:close': {
    request: z.strictObject({ id: BackupSaveId }),
    response: z.strictObject({ fileName: z.string() }),
  },
  /** Cancelled or failed: main removes what was written; nothing is left under the chosen name. */
  'backup-save:abort': {
    request: z.strictObject({ id: BackupSaveId }),
    response: z.undefined(),
  },
  'os-key:status': {
    request: z.undefined(),
    response: OsKeyStatus,
  },
  'os-key:seal': {
    request: z.strictObject({ key: z.instanceof(Uint8Array).refine((k) => k.byteLength === DATA_KEY_BYTES, 'a data key is 32 bytes') }),
    response: OsSealResult,
  },
  'os-key:unseal': {
    request: z.strictObject({ sealed: z.instanceof(Uint8Array).refine((k) => k.byteLength > 0 && k.byteLength <= MAX_SEALED_KEY_BYTES, 'not a sealed key') }),
    response: OsUnsealResult,
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

/** The system is going to sleep or its screen is locked (Electron powerMonitor): the app locks too. */
export const SYSTEM_LOCK_REASONS = ['suspend', 'lock-screen'] as const;
export const SystemLockReason = z.enum(SYSTEM_LOCK_REASONS);
export type SystemLockReason = z.infer<typeof SystemLockReason>;

export const ipcEvents = {
  'menu:command': MenuCommand,
  'system:lock': SystemLockReason,
} as const satisfies Record<string, z.ZodType>;
export type IpcEvent = keyof typeof ipcEvents;
export const MENU_COMMAND_CHANNEL = 'menu:command' satisfies IpcEvent;
export const SYSTEM_LOCK_CHANNEL = 'system:lock' satisfies IpcEvent;

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
  /** Opens a new e-mail to one plain address (and a subject) in the system's mail program. */
  composeEmail(to: string, subject?: string): Promise<IpcResult<IpcResponse<'shell:compose-email'>>>;
  setTitle(title: string): Promise<IpcResult<IpcResponse<'window:set-title'>>>;
  /** Shows an open dialog for a dataset bundle; returns its name and bytes (never its path). */
  openDatasetFile(title: string): Promise<IpcResult<IpcResponse<'dataset:open-file'>>>;
  /** Main fetches a feed address (https, or http on loopback) with a timeout and a size cap. */
  fetchDatasetFeed(url: string): Promise<IpcResult<IpcResponse<'dataset:fetch-feed'>>>;
  /** Tells main the interface language, so the application menu speaks it too. */
  setLanguage(language: Language): Promise<IpcResult<IpcResponse<'app:set-language'>>>;
  /** Shows an open dialog for a meeting paper (any file); returns its name and bytes (never its path), size-capped. */
  openPaperFile(title: string): Promise<IpcResult<IpcResponse<'papers:open-file'>>>;
  /** Prints the current page to PDF (CSS page size) and saves it where the delegate chooses. */
  savePackPdf(fileName: string, title: string, annex?: PackAnnexRequest): Promise<IpcResult<IpcResponse<'pack:save-pdf'>>>;
  /** Opens the system print dialog for the current page (with an annex: the pack as saved, the papers' pages after it). */
  printPack(annex?: PackAnnexRequest): Promise<IpcResult<IpcResponse<'pack:print'>>>;
  /** Writes a paper to main's private temp folder and opens it with the system's default application. */
  openPaperWithSystem(versionId: string, name: string, bytes: Uint8Array<ArrayBuffer>): Promise<IpcResult<IpcResponse<'papers:open-with-system'>>>;
  /** Tells main which relays the shared briefings use (the CSP allows those only); `changed` means reload. */
  setRelayOrigins(urls: string[]): Promise<IpcResult<IpcResponse<'relay:set-origins'>>>;
  /** Calls `listener` with each application-menu command; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Whether the OS can seal the data key for quick unlock (never with a plain-text backend). */
  osKeyStatus(): Promise<IpcResult<IpcResponse<'os-key:status'>>>;
  sealKeyWithOs(key: Uint8Array<ArrayBuffer>): Promise<IpcResult<IpcResponse<'os-key:seal'>>>;
  unsealKeyWithOs(sealed: Uint8Array<ArrayBuffer>): Promise<IpcResult<IpcResponse<'os-key:unseal'>>>;
  /** Shows the save dialog for a backup; the file is then written in pieces (a temporary name until closed). */
  openBackupSave(fileName: string, title: string): Promise<IpcResult<IpcResponse<'backup-save:open'>>>;
  writeBackupSave(id: string, bytes: Uint8Array<ArrayBuffer>): Promise<IpcResult<IpcResponse<'backup-save:write'>>>;
  closeBackupSave(id: string): Promise<IpcResult<IpcResponse<'backup-save:close'>>>;
  abortBackupSave(id: string): Promise<IpcResult<IpcResponse<'backup-save:abort'>>>;
  /** Calls `listener` when the system sleeps or locks its screen; returns a function that stops listening. */
  onSystemLock(listener: (reason: SystemLockReason) => void): () => void;
}
