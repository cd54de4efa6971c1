import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { fakeElectron, FakeWebContents, invokeEventFrom } from './fake-electron';
import { registerIpcHandlers } from '../../electron/ipc';
import { hardenWebContents } from '../../electron/security';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);

const { ipcMain, shell } = fakeElectron;
const APP_PAGE = 'app://bundle/index.html';
const from = invokeEventFrom;

beforeEach(() => {
  fakeElectron.reset();
  registerIpcHandlers();
});

describe('shell:compose-email', () => {
  it('opens a new e-mail to one plain address, with a subject', async () => {
    const result = await ipcMain.invoke('shell:compose-email', from(APP_PAGE), { to: 'focal@kln.gov.my', subject: 'ASOEN-36 & AMME' });
    expect(result).toEqual({ ok: true, value: { opened: true } });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('mailto:focal@kln.gov.my?subject=ASOEN-36%20%26%20AMME');
  });

  it.each([
    ['a second recipient', { to: 'focal@kln.gov.my,spy@evil.example' }],
    ['a header in the address', { to: 'focal@kln.gov.my?bcc=spy@evil.example' }],
    ['a whole mailto link', { to: 'mailto:focal@kln.gov.my' }],
    ['a subject with a line break', { to: 'focal@kln.gov.my', subject: 'Hi\r\nBcc: spy@evil.example' }],
    ['a body (not part of the contract)', { to: 'focal@kln.gov.my', body: 'Hi' }],
  ])('refuses %s before any handler runs, opening nothing', async (_what, payload) => {
    const result = (await ipcMain.invoke('shell:compose-email', from(APP_PAGE), payload)) as { ok: boolean; error?: { code: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('is refused to a page outside the bundle', async () => {
    const result = await ipcMain.invoke('shell:compose-email', from('https://evil.example/'), { to: 'focal@kln.gov.my' });
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('a mailto link opened as a new window', () => {
  const hardened = () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    return contents;
  };

  it('goes to the mail program in its normalised form, the window denied', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler!({ url: 'MAILTO:focal@kln.gov.my?Subject=Hi' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('mailto:focal@kln.gov.my?subject=Hi');
  });

  it.each(['mailto:focal@kln.gov.my?cc=spy@evil.example', 'mailto:focal@kln.gov.my?subject=Hi%0ABcc:spy@evil.example', 'mailto:a@kln.gov.my,b@kln.gov.my'])(
    'opens nothing for %s',
    (url) => {
      const contents = hardened();
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );
});
