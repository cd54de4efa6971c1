import { contextBridge, ipcRenderer } from 'electron';
import type { DelegateApi, IpcChannel, IpcRequest, IpcResponse, IpcResult, MenuCommand, SystemLockReason } from '../shared/ipc/contract';
import type { Language } from '../shared/model';
import type { PackAnnexRequest } from '../shared/papers/annex-request';

/*
 * The renderer's only door to main. Each operation is a named method bound to one fixed
 * channel; there is deliberately no generic invoke/send/on, so a compromised page can reach
 * nothing beyond these calls. Types only are imported from the contract: zod stays out of the
 * sandboxed preload bundle, and main validates every payload anyway.
 */
function invoke<C extends IpcChannel>(channel: C, ...request: undefined extends IpcRequest<C> ? [IpcRequest<C>?] : [IpcRequest<C>]) {
  return ipcRenderer.invoke(channel, ...request) as Promise<IpcResult<IpcResponse<C>>>;
}

// Kept in step with MENU_COMMANDS in the contract (zod stays out of the preload; a test checks both agree).
const MENU_COMMANDS: readonly string[] = ['new-briefing', 'import-dataset', 'print-pack', 'back-up', 'back', 'forward', 'toggle-search', 'show-shortcuts', 'about'];

/**
 * Subscribes to the one main->renderer channel. The page gets only the command name, never the
 * IpcRendererEvent (which would hand it `sender`, i.e. ipcRenderer itself).
 */
function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const wrapped = (_event: unknown, command: unknown) => {
    if (typeof command === 'string' && MENU_COMMANDS.includes(command)) listener(command as MenuCommand);
  };
  ipcRenderer.on('menu:command', wrapped);
  return () => {
    ipcRenderer.removeListener('menu:command', wrapped);
  };
}

// Kept in step with SYSTEM_LOCK_REASONS in the contract (a test checks both agree).
const SYSTEM_LOCK_REASONS: readonly string[] = ['suspend', 'lock-screen'];

function onSystemLock(listener: (reason: SystemLockReason) => void): () => void {
  const wrapped = (_event: unknown, reason: unknown) => {
    if (typeof reason === 'string' && SYSTEM_LOCK_REASONS.includes(reason)) listener(reason as SystemLockReason);
  };
  ipcRenderer.on('system:lock', wrapped);
  return () => {
    ipcRenderer.removeListener('system:lock', wrapped);
  };
}

const delegateApi = {
  getAppInfo: () => invoke('app:get-info'),
  openExternal: (url: string) => invoke('shell:open-external', { url }),
  composeEmail: (to: string, subject?: string) => invoke('shell:compose-email', subject === undefined ? { to } : { to, subject }),
  setTitle: (title: string) => invoke('window:set-title', { title }),
  openDatasetFile: (title: string) => invoke('dataset:open-file', { title }),
  fetchDatasetFeed: (url: string) => invoke('dataset:fetch-feed', { url }),
  setLanguage: (language: Language) => invoke('app:set-language', { language }),
  openPaperFile: (title: string) => invoke('papers:open-file', { title }),
  savePackPdf: (fileName: string, title: string, annex?: PackAnnexRequest) => invoke('pack:save-pdf', annex ? { fileName, title, annex } : { fileName, title }),
  printPack: (annex?: PackAnnexRequest) => (annex ? invoke('pack:print', { annex }) : invoke('pack:print')),
  openPaperWithSystem: (versionId: string, name: string, bytes: Uint8Array<ArrayBuffer>) => invoke('papers:open-with-system', { versionId, name, bytes }),
  setRelayOrigins: (urls: string[]) => invoke('relay:set-origins', { urls }),
  onMenuCommand,
  osKeyStatus: () => invoke('os-key:status'),
  sealKeyWithOs: (key: Uint8Array<ArrayBuffer>) => invoke('os-key:seal', { key }),
  unsealKeyWithOs: (sealed: Uint8Array<ArrayBuffer>) => invoke('os-key:unseal', { sealed }),
  openBackupSave: (fileName: string, title: string) => invoke('backup-save:open', { fileName, title }),
  writeBackupSave: (id: string, bytes: Uint8Array<ArrayBuffer>) => invoke('backup-save:write', { id, bytes }),
  closeBackupSave: (id: string) => invoke('backup-save:close', { id }),
  abortBackupSave: (id: string) => invoke('backup-save:abort', { id }),
  onSystemLock,
} satisfies DelegateApi;

contextBridge.exposeInMainWorld('delegateApi', delegateApi);
