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

describe('preload', () => {
  it('exposes one object, as window.delegateApi', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledWith('delegateApi', expect.any(Object));
  });

  it('exposes exactly the named operations, all functions, and no passthrough', () => {
    expect(Object.keys(api).sort()).toEqual(['abortBackupSave', 'closeBackupSave', 'composeEmail', 'fetchDatasetFeed', 'getAppInfo', 'onMenuCommand', 'onSystemLock', 'openBackupSave', 'openDatasetFile', 'openExternal', 'openPaperFile', 'openPaperWithSystem', 'osKeyStatus', 'printPack', 'savePackPdf', 'sealKeyWithOs', 'setLanguage', 'setRelayOrigins', 'setTitle', 'unsealKeyWithOs', 'writeBackupSave']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(Object.values(api)).not.toContain(ipcRenderer.invoke);
  });

  const BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
  const ANNEX = { marking: 'OFFICIAL', pageLabel: 'Page {page} of {total}', papers: [{ title: 'Concept note', bytes: BYTES }] };
  it.each([
    ['getAppInfo', () => api.getAppInfo(), 'app:get-info', []],
    ['openExternal', () => api.openExternal('https://asean.org/'), 'shell:open-external', [{ url: 'https://asean.org/' }]],
    ['composeEmail', () => api.composeEmail('focal@kln.gov.my'), 'shell:compose-email', [{ to: 'focal@kln.gov.my' }]],
    ['composeEmail', () => api.composeEmail('focal@kln.gov.my', 'ASOEN-36'), 'shell:compose-email', [{ to: 'focal@kln.gov.my', subject: 'ASOEN-36' }]],
    ['setTitle', () => api.setTitle('ASOEN-36'), 'window:set-title', [{ title: 'ASOEN-36' }]],
    ['setLanguage', () => api.setLanguage('ms'), 'app:set-language', [{ language: 'ms' }]],
    ['savePackPdf', () => api.savePackPdf('pack.pdf', 'Save'), 'pack:save-pdf', [{ fileName: 'pack.pdf', title: 'Save' }]],
    ['printPack', () => api.printPack(), 'pack:print', []],
    ['printPack', () => api.printPack(ANNEX), 'pack:print', [{ annex: ANNEX }]],
    ['openPaperWithSystem', () => api.openPaperWithSystem('v-1', 'paper.pdf', BYTES), 'papers:open-with-system', [{ versionId: 'v-1', name: 'paper.pdf', bytes: BYTES }]],
    ['setRelayOrigins', () => api.setRelayOrigins(['wss://relay.kln.gov.my']), 'relay:set-origins', [{ urls: ['wss://relay.kln.gov.my'] }]],
    ['openBackupSave', () => api.openBackupSave('backup.adbackup', 'Back up'), 'backup-save:open', [{ fileName: 'backup.adbackup', title: 'Back up' }]],
    ['writeBackupSave', () => api.writeBackupSave('s-1', BYTES), 'backup-save:write', [{ id: 's-1', bytes: BYTES }]],
    ['closeBackupSave', () => api.closeBackupSave('s-1'), 'backup-save:close', [{ id: 's-1' }]],
    ['abortBackupSave', () => api.abortBackupSave('s-1'), 'backup-save:abort', [{ id: 's-1' }]],
  ] as const)('%s invokes only its own channel', async (_name, call, channel, args) => {
    ipcRenderer.invoke.mockClear();
    const result = await call();
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, ...args);
    // The envelope from main comes back untouched.
    expect(result).toEqual({ ok: true, value: { channel, args } });
    expect(ipcRenderer.send).not.toHaveBeenCalled();
    expect(ipcRenderer.sendSync).not.toHaveBeenCalled();
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('cannot be steered to another channel through its arguments', async () => {
    ipcRenderer.invoke.mockClear();
    await (api.openExternal as (...args: unknown[]) => Promise<unknown>)('app:get-info', 'window:set-title');
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('shell:open-external', { url: 'app:get-info' });
  });
});
