import { contextBridge, ipcRenderer } from 'electron';
import type { DelegateApi, IpcChannel, IpcRequest, IpcResponse, IpcResult } from '../shared/ipc/contract';

/*
 * The renderer's only door to main. Each operation is a named method bound to one fixed
 * channel; there is deliberately no generic invoke/send/on, so a compromised page can reach
 * nothing beyond these calls. Types only are imported from the contract: zod stays out of the
 * sandboxed preload bundle, and main validates every payload anyway.
 */
function invoke<C extends IpcChannel>(channel: C, ...request: IpcRequest<C> extends undefined ? [] : [IpcRequest<C>]) {
  return ipcRenderer.invoke(channel, ...request) as Promise<IpcResult<IpcResponse<C>>>;
}

const delegateApi = {
  getAppInfo: () => invoke('app:get-info'),
  openExternal: (url: string) => invoke('shell:open-external', { url }),
  setTitle: (title: string) => invoke('window:set-title', { title }),
} satisfies DelegateApi;

contextBridge.exposeInMainWorld('delegateApi', delegateApi);
