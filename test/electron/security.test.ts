import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { fakeElectron, FakeSession, FakeWebContents } from './fake-electron';
import { hardenSession, hardenWebContents, installSecurityHardening } from '../../electron/security';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);

const { app, shell } = fakeElectron;

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
}

beforeEach(() => fakeElectron.reset());

describe('hardenSession', () => {
  const permissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'];

  it.each(permissions)('answers a %s permission request with false', (permission) => {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    const callback = vi.fn();
    session.permissionRequestHandler!({}, permission, callback, { requestingUrl: 'app://bundle/index.html' });
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each(permissions)('answers a %s permission check with false, even for the app origin', (permission) => {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    expect(session.permissionCheckHandler!({}, permission, 'app://bundle', {})).toBe(false);
  });

  it('refuses device access (USB, serial, HID)', () => {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    expect(session.devicePermissionHandler!({ deviceType: 'usb', origin: 'app://bundle' })).toBe(false);
  });
});

describe('hardenWebContents: navigation', () => {
  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://bundle.evil/index.html',
    'app://other/index.html',
    'app://user@bundle/index.html',
    'javascript:alert(1)',
    'not a url',
  ])('prevents will-navigate to %s', (url) => {
    const contents = hardened();
    const event = navigationEvent(url);
    contents.emit('will-navigate', event, url);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('lets the app navigate within its own origin', () => {
    const contents = hardened();
    const event = navigationEvent('app://bundle/meetings/asean-36');
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html'])('prevents will-frame-navigate of any frame to %s', (url) => {
    const contents = hardened();
    const event = { ...navigationEvent(url), isMainFrame: false };
    contents.emit('will-frame-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('lets a frame navigate within the app', () => {
    const contents = hardened();
    const event = { ...navigationEvent('app://bundle/index.html'), isMainFrame: false };
    contents.emit('will-frame-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('prevents redirects away from the app', () => {
    const contents = hardened();
    const away = navigationEvent('https://evil.example/');
    const within = navigationEvent('app://bundle/index.html');
    contents.emit('will-redirect', away, away.url);
    contents.emit('will-redirect', within, within.url);
    expect(away.preventDefault).toHaveBeenCalled();
    expect(within.preventDefault).not.toHaveBeenCalled();
  });
});

describe('hardenWebContents: new windows', () => {
  it('denies the window and opens a public https link in the system browser', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler!({ url: 'https://asean.org/our-communities/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://asean.org/our-communities/');
  });

  it('opens the normalised URL, not the raw string', () => {
    const contents = hardened();
    contents.windowOpenHandler!({ url: 'https://ASEAN.org/a/../b' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://asean.org/b');
  });

  it.each([
    'http://asean.org/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'https://localhost/',
    'https://127.0.0.1/',
    'https://192.168.1.10/admin',
    'https://user:pass@asean.org/',
    'app://bundle/index.html',
  ])('denies %s and opens nothing', (url) => {
    const contents = hardened();
    expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('hardenWebContents: webview', () => {
  it('prevents attaching a webview', () => {
    const contents = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('installSecurityHardening', () => {
  it('hardens every web contents the app creates', () => {
    installSecurityHardening();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);

    const event = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://asean.org/' })).toEqual({ action: 'deny' });
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.listenerCount('will-frame-navigate')).toBe(1);
  });

  it('hardens every session the app creates', () => {
    installSecurityHardening();
    const session = new FakeSession();
    app.emit('session-created', session);
    const callback = vi.fn();
    session.permissionRequestHandler!({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.permissionCheckHandler!({}, 'media', 'app://bundle', {})).toBe(false);
  });
});
