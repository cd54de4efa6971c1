import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DelegateApi } from '../../shared/ipc/contract';
import { fakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);

const { contextBridge, ipcRenderer } = fakeElectron;
let api: DelegateApi;

beforeAll(async () => {
  fakeElectron.reset();
  await import('../../electron/preload');
  api = contextBridge.exposed.get('delegateApi') as DelegateApi;
});

describe('preload: dataset operations', () => {
  it.each([
    ['openDatasetFile', () => api.openDatasetFile('Import dataset bundle'), 'dataset:open-file', [{ title: 'Import dataset bundle' }]],
    ['fetchDatasetFeed', () => api.fetchDatasetFeed('https://data.example.org/feed.json'), 'dataset:fetch-feed', [{ url: 'https://data.example.org/feed.json' }]],
  ] as const)('%s invokes only its own channel, with a named payload', async (_name, call, channel, args) => {
    ipcRenderer.invoke.mockClear();
    const result = await call();
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, ...args);
    expect(result).toEqual({ ok: true, value: { channel, args } });
  });

  it('cannot be steered to a path or another channel through its argument', async () => {
    ipcRenderer.invoke.mockClear();
    await (api.openDatasetFile as (...a: unknown[]) => Promise<unknown>)('/etc/passwd', 'dataset:fetch-feed');
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('dataset:open-file', { title: '/etc/passwd' });
  });
});
